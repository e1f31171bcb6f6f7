// Convenience (便民服务、医护到家、慢病管理): the API as the patient H5 and the admin console call it, and the pure rules
// they share. Contract: docs/convenience-api.md.
import { withFreshPatients } from './pharmacy.js'

const id = (value) => encodeURIComponent(value)

export function convenienceApi(raw) {
  const patient = (patientId) => `/api/convenience/patients/${id(patientId)}`
  const retrying = (method) => (...args) => withFreshPatients(raw, () => raw[method](...args))
  const api = { get: retrying('get'), put: retrying('put'), post: retrying('post') }
  return {
    items: (date) => api.get(`/api/convenience/items${date ? `?date=${id(date)}` : ''}`),
    order: (body) => api.post('/api/convenience/orders', body),
    orders: (patientId) => api.get(`${patient(patientId)}/orders`),
    orderOf: (patientId, orderId) => api.get(`${patient(patientId)}/orders/${id(orderId)}`),
    cancelOrder: (patientId, orderId) => api.post(`${patient(patientId)}/orders/${id(orderId)}/cancel`, {}),
    homeServices: () => api.get('/api/convenience/home-care/services'),
    orderVisit: (body) => api.post('/api/convenience/home-visits', body),
    visits: (patientId) => api.get(`${patient(patientId)}/home-visits`),
    visit: (patientId, visitId) => api.get(`${patient(patientId)}/home-visits/${id(visitId)}`),
    cancelVisit: (patientId, visitId) => api.post(`${patient(patientId)}/home-visits/${id(visitId)}/cancel`, {}),
    chronic: (patientId) => api.get(`${patient(patientId)}/chronic`),
    record: (patientId, reading) => api.post(`${patient(patientId)}/chronic/readings`, reading),
    importReadings: (patientId, readings) => api.post(`${patient(patientId)}/chronic/readings/import`, { readings }),
    readings: (patientId, kind, days = 30) => api.get(`${patient(patientId)}/chronic/readings?kind=${id(kind)}&days=${id(days)}`),
    setReminder: (patientId, kind, time, active = true) => api.put(`${patient(patientId)}/chronic/reminders/${id(kind)}`, { time, active }),
  }
}

export function convenienceStaffApi(api) {
  const staff = '/api/convenience/staff'
  return {
    items: () => api.get(`${staff}/items`),
    updateItem: (itemId, changes) => api.put(`${staff}/items/${id(itemId)}`, changes),
    changeStock: (itemId, delta) => api.post(`${staff}/items/${id(itemId)}/stock`, { delta }),
    addWindow: (itemId, window) => api.post(`${staff}/items/${id(itemId)}/windows`, window),
    updateWindow: (windowId, window) => api.put(`${staff}/windows/${id(windowId)}`, window),
    inbox: (provider, status) => api.get(`${staff}/orders?${new URLSearchParams({ ...(provider ? { provider } : {}), ...(status ? { status } : {}) })}`),
    orderContact: (orderId) => api.get(`${staff}/orders/${id(orderId)}/contact`),
    accept: (orderId, note) => api.post(`${staff}/orders/${id(orderId)}/accept`, { note }),
    ship: (orderId, trackingNo) => api.post(`${staff}/orders/${id(orderId)}/ship`, { trackingNo }),
    complete: (orderId, note) => api.post(`${staff}/orders/${id(orderId)}/complete`, { note }),
    decline: (orderId, reason) => api.post(`${staff}/orders/${id(orderId)}/decline`, { reason }),
    visits: (date, status) => api.get(`${staff}/home-visits?${new URLSearchParams({ ...(date ? { date } : {}), ...(status ? { status } : {}) })}`),
    visitContact: (visitId) => api.get(`${staff}/home-visits/${id(visitId)}/contact`),
    assign: (visitId, nurseName, nursePhone) => api.post(`${staff}/home-visits/${id(visitId)}/assign`, { nurseName, nursePhone }),
    progress: (visitId, status) => api.post(`${staff}/home-visits/${id(visitId)}/progress`, { status }),
    completeVisit: (visitId, record) => api.post(`${staff}/home-visits/${id(visitId)}/complete`, { record }),
    declineVisit: (visitId, reason) => api.post(`${staff}/home-visits/${id(visitId)}/decline`, { reason }),
    alerts: (open = true) => api.get(`${staff}/chronic/alerts${open ? '?open=true' : ''}`),
    acknowledge: (alertId, note) => api.post(`${staff}/chronic/alerts/${id(alertId)}/acknowledge`, { note }),
    chronicPatient: (patientId) => api.get(`${staff}/chronic/patients/${id(patientId)}`),
    setThreshold: (patientId, kind, range) => api.put(`${staff}/chronic/patients/${id(patientId)}/thresholds/${id(kind)}`, range),
  }
}

export const PROVIDERS = Object.freeze([
  { value: 'service-centre', label: '门诊服务中心' },
  { value: 'canteen', label: '营养膳食科' },
  { value: 'parking', label: '停车场管理处' },
  { value: 'caregiver-company', label: '护工公司' },
  { value: 'volunteers', label: '志愿者服务站' },
  { value: 'decoction-room', label: '中药煎药室' },
  { value: 'record-office', label: '病案复印室' },
  { value: 'imaging-desk', label: '影像科胶片室' },
])

export const READING_KINDS = Object.freeze([
  { value: 'blood-pressure', label: '血压', unit: 'mmHg' },
  { value: 'glucose', label: '血糖', unit: 'mmol/L' },
  { value: 'weight', label: '体重', unit: 'kg' },
])

export const GLUCOSE_CONTEXTS = Object.freeze([
  { value: 'fasting', label: '空腹' },
  { value: 'after-meal', label: '餐后2小时' },
  { value: 'random', label: '随机' },
])

const ORDER_STEPS = ['paid', 'accepted', 'shipped', 'completed']

// The order's progress for a steps bar: mailed services have 已寄出, the others go straight to 已完成.
export function orderSteps(order) {
  const mailed = Boolean(order?.contact)
  const steps = ORDER_STEPS.filter((s) => mailed || s !== 'shipped')
  const labels = { paid: '已支付', accepted: '已受理', shipped: '已寄出', completed: '已完成' }
  return steps.map((status) => ({ status, text: labels[status] }))
}

// Index of the active step (-1 before payment or when the order stopped).
export function orderStepIndex(order) {
  const steps = orderSteps(order).map((s) => s.status)
  return steps.indexOf(order?.status)
}

// The dates from the first bookable one (yyyy-MM-dd, the server's) for `count` days.
export function bookableDays(firstDate, count) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(firstDate ?? ''))) return []
  const start = Date.parse(`${firstDate}T00:00:00Z`)
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86400_000).toISOString().slice(0, 10))
}

export function yuanOfFen(fen) {
  const n = Number(fen ?? 0)
  return n === 0 ? '免费' : `¥${(n / 100).toFixed(2)}`
}

// Why the order button is not yet usable, or '' when the form is complete (the server checks everything again).
export function orderFormProblem(item, form) {
  if (!item) return '请选择服务'
  if (item.windows?.length && (!form.date || !form.windowId)) return '请选择服务日期和时段'
  if (item.needsAddress && !(form.contact?.name && form.contact?.phone && form.contact?.district && form.contact?.address)) return '请填写邮寄地址'
  if (item.mustShow && !form.acknowledgedMustShow) return '请确认出示要求'
  return ''
}

// One line of a reading: "172/104 mmHg" or "6.1 mmol/L（空腹）".
export function readingText(r) {
  if (!r) return ''
  const context = GLUCOSE_CONTEXTS.find((c) => c.value === r.context)?.label
  return context ? `${r.valueText}（${context}）` : r.valueText
}

// The trend chart (echarts, as Reports draws lab trends): blood pressure as two lines, the care team's range shaded,
// out-of-range readings in red.
export function chronicTrendOption(readings, kind, threshold, formatDate = (at) => String(at).slice(5, 16).replace('T', ' '), fontSize = 12) {
  const points = Array.isArray(readings) ? readings : []
  const unit = READING_KINDS.find((k) => k.value === kind)?.unit ?? ''
  // Dark labels and axes, and the caller's font size (18 px in elder mode): the chart is read by elders too.
  const label = { show: true, color: '#1f1f1f', fontSize }
  const axisLabel = { color: '#2e2e2e', fontSize }
  const dot = (value, r) => ({ value: Number(value), itemStyle: { color: r.outOfRange ? '#d4380d' : '#1677ff' } })
  const band = threshold?.low != null && threshold?.high != null
    ? { silent: true, itemStyle: { color: 'rgba(82, 196, 26, 0.15)' }, label: { color: '#1f1f1f', fontSize }, data: [[{ yAxis: Number(threshold.low), name: '目标范围' }, { yAxis: Number(threshold.high) }]] }
    : undefined
  const series = kind === 'blood-pressure'
    ? [
        { name: '收缩压', type: 'line', data: points.map((r) => dot(r.systolic, r)), symbolSize: 9, label: { ...label, position: 'top' }, markArea: band },
        { name: '舒张压', type: 'line', data: points.map((r) => dot(r.diastolic, r)), symbolSize: 9, label: { ...label, position: 'bottom' } },
      ]
    : [{ name: READING_KINDS.find((k) => k.value === kind)?.label ?? '', type: 'line', data: points.map((r) => dot(r.value, r)), symbolSize: 9,
        label: { ...label, position: 'top' }, markArea: band }]
  return {
    animation: false,
    grid: { left: fontSize > 12 ? 60 : 48, right: 16, top: fontSize > 12 ? 48 : 32, bottom: fontSize > 12 ? 52 : 40 },
    tooltip: { trigger: 'axis' },
    legend: kind === 'blood-pressure' ? { data: ['收缩压', '舒张压'], top: 0, textStyle: { color: '#1f1f1f', fontSize } } : undefined,
    xAxis: { type: 'category', data: points.map((r) => formatDate(r.measuredAt)), axisLabel },
    yAxis: { type: 'value', name: unit, scale: true, axisLabel, nameTextStyle: axisLabel },
    series,
  }
}

// Parses a device export (CSV lines "时间,类型,数值[,数值2]", e.g. "2026-12-01 07:30,血压,135,85") into readings for
// the import call; returns { readings, errors } with the line numbers that could not be read.
export function parseReadingsCsv(text) {
  const readings = []
  const errors = []
  const kinds = { 血压: 'blood-pressure', 血糖: 'glucose', 体重: 'weight' }
  String(text ?? '').split(/\r?\n/).forEach((line, i) => {
    const cells = line.split(/[,，]/).map((c) => c.trim())
    if (!line.trim() || (i === 0 && cells[0] === '时间')) return
    const [when, kindText, a, b] = cells
    const kind = kinds[kindText]
    const at = new Date(`${when.replace(' ', 'T')}:00+08:00`)
    if (!kind || Number.isNaN(at.getTime()) || a === undefined || a === '' || Number.isNaN(Number(a))) { errors.push(i + 1); return }
    if (kind === 'blood-pressure') {
      if (b === undefined || Number.isNaN(Number(b))) { errors.push(i + 1); return }
      readings.push({ kind, systolic: Number(a), diastolic: Number(b), measuredAt: at.toISOString() })
    } else readings.push({ kind, value: Number(a), measuredAt: at.toISOString() })
  })
  return { readings, errors }
}
