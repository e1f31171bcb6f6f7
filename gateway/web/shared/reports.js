// Reports (报告查询 R21, 访问记录 X10, 异常解读 X11): the patient H5's report pages. Contract: docs/reports-api.md. Pure
// helpers take plain data so node --test covers them without a browser.
const base = '/api/reports'
const id = (value) => encodeURIComponent(value)

export function reportsApi(api) {
  return {
    list: (patientId, refresh = false) => api.get(`${base}/patients/${id(patientId)}/reports${refresh ? '?refresh=true' : ''}`),
    report: (reportId) => api.get(`${base}/reports/${id(reportId)}`),
    keyImage: (reportId, index) => api.getBlob(`${base}/reports/${id(reportId)}/images/${Number(index)}`),
    // The PDF is drawn with the reader's watermark; fetched with the token, never a bare link.
    pdf: (reportId) => api.getBlob(`${base}/reports/${id(reportId)}/pdf`),
    byHisId: (hisReportId) => api.get(`${base}/reports/his/${id(hisReportId)}`),
    trend: (patientId, loinc) => api.get(`${base}/patients/${id(patientId)}/trends/${id(loinc)}`),
    documents: (patientId) => api.get(`${base}/patients/${id(patientId)}/documents`),
    document: (patientId, documentId) => api.get(`${base}/patients/${id(patientId)}/documents/${id(documentId)}`),
    visits: (patientId) => api.get(`${base}/patients/${id(patientId)}/visits`),
    accessLog: (patientId) => api.get(`${base}/patients/${id(patientId)}/access-log`),
    share: (reportId, hours) => api.post(`${base}/reports/${id(reportId)}/shares`, { hours }),
    shares: (patientId) => api.get(`${base}/patients/${id(patientId)}/shares`),
    revokeShare: (shareId) => api.delete(`${base}/shares/${id(shareId)}`),
    // The token is the page's URL fragment: it never reaches a server log; the API gets it in the body.
    shared: (token) => api.post(`${base}/shared`, { token }, { anonymous: true }),
  }
}

export const KIND_TEXT = Object.freeze({ lab: '检验', imaging: '检查' })

export const VISIT_CLASS_TEXT = Object.freeze({ AMB: '门诊', EMER: '急诊', IMP: '住院' })

// The words a screen reader says for the printed arrow.
export function flagText(item) {
  if (!item?.abnormal) return '正常'
  if (item.critical) return item.arrow === '↓' ? '危急值，偏低' : '危急值，偏高'
  return item.arrow === '↑' ? '偏高' : item.arrow === '↓' ? '偏低' : '异常'
}

// Reports split into tabs by kind, each keeping the server's order (newest first).
export function splitReports(items) {
  const list = Array.isArray(items) ? items : []
  return { lab: list.filter((r) => r.kind === 'lab'), imaging: list.filter((r) => r.kind !== 'lab') }
}

// A document's text in its 【标题】内容 sections, as a printed 病历 lays them out.
export function documentSections(text) {
  const sections = []
  for (const line of String(text ?? '').split('\n')) {
    const m = /^【([^】]+)】(.*)$/.exec(line.trim())
    if (m) sections.push({ title: m[1], body: m[2] })
    else if (line.trim() && sections.length) sections[sections.length - 1].body += `\n${line.trim()}`
    else if (line.trim()) sections.push({ title: '', body: line.trim() })
  }
  return sections
}

// The trend's ECharts option: the values as a line, the reference range as a shaded band, abnormal points in red.
export function trendOption(trend, formatDate = (at) => String(at).slice(0, 10)) {
  const points = Array.isArray(trend?.points) ? trend.points : []
  const band = trend?.low != null && trend?.high != null
    ? [[{ yAxis: Number(trend.low), name: '参考范围' }, { yAxis: Number(trend.high) }]]
    : []
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 32, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map((p) => formatDate(p.at)) },
    yAxis: { type: 'value', name: trend?.unit ?? '', scale: true },
    series: [{
      name: trend?.name ?? '',
      type: 'line',
      data: points.map((p) => ({
        value: Number(p.value),
        itemStyle: { color: p.flag && p.flag !== 'N' ? '#d4380d' : '#1677ff' },
      })),
      symbolSize: 10,
      label: { show: true, position: 'top' },
      markArea: band.length ? { silent: true, itemStyle: { color: 'rgba(82, 196, 26, 0.15)' }, data: band } : undefined,
    }],
  }
}

// One line of 谁查看了我的病历.
export function accessLine(entry) {
  const who = entry?.who ?? ''
  const what = entry?.what ?? ''
  return entry?.refused ? `${who}（${entry.roleText}）尝试查看${what}，已拒绝` : `${who}（${entry.roleText}）查看了${what}`
}

// The file name a downloaded report PDF gets: its title and HIS number, nothing about the patient.
export function pdfFileName(report) {
  const safe = (text) => String(text ?? '').replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '')
  return `${[safe(report?.title) || '报告', safe(report?.hisId)].filter(Boolean).join('-')}.pdf`
}

// Opens a fetched file (a Blob) through an object URL: a new tab where the browser allows it, a download otherwise.
// The URL is released once the browser has had time to take the file.
export function openBlob(blob, fileName, doc = globalThis.document, urls = globalThis.URL) {
  const url = urls.createObjectURL(blob)
  const link = doc.createElement('a')
  link.href = url
  link.target = '_blank'
  link.rel = 'noopener'
  link.download = fileName
  doc.body.appendChild(link)
  link.click()
  link.remove()
  const release = setTimeout(() => urls.revokeObjectURL(url), 60_000)
  release?.unref?.() // node (tests) need not wait for it
  return url
}

// A platform patient id typed or pasted at the doctor's workstation, or null when it is not one.
export function parsePatientId(text) {
  const value = String(text ?? '').trim().toLowerCase()
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value) ? value : null
}

// Lab items a trend can be drawn for: numeric results with a LOINC code.
export const trendable = (item) => Boolean(item?.loinc) && item.value !== '' && !Number.isNaN(Number(item.value))
