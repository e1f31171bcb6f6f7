import { test } from 'node:test'
import assert from 'node:assert/strict'
import { accessLine, documentSections, flagText, openBlob, parsePatientId, pdfFileName, reportsApi, trendable, splitReports, trendOption } from '../shared/reports.js'

test('flag words for the printed arrows', () => {
  assert.equal(flagText({ abnormal: false }), '正常')
  assert.equal(flagText({ abnormal: true, arrow: '↑' }), '偏高')
  assert.equal(flagText({ abnormal: true, arrow: '↓' }), '偏低')
  assert.equal(flagText({ abnormal: true, critical: true, arrow: '↑' }), '危急值，偏高')
})

test('reports split by kind keep their order', () => {
  const { lab, imaging } = splitReports([{ kind: 'lab', id: 1 }, { kind: 'imaging', id: 2 }, { kind: 'lab', id: 3 }])
  assert.deepEqual(lab.map((r) => r.id), [1, 3])
  assert.deepEqual(imaging.map((r) => r.id), [2])
})

test('document sections', () => {
  assert.deepEqual(documentSections('【主诉】咳嗽3天。\n【诊断】上感'), [{ title: '主诉', body: '咳嗽3天。' }, { title: '诊断', body: '上感' }])
})

test('trend option draws the reference band and marks abnormal points', () => {
  const option = trendOption({ name: '空腹血糖', unit: 'mmol/L', low: 3.9, high: 6.1, points: [
    { at: '2026-01-01T00:00:00Z', value: 5.9, flag: 'N' }, { at: '2026-06-01T00:00:00Z', value: 7.8, flag: 'H' }] })
  assert.deepEqual(option.series[0].data.map((d) => d.value), [5.9, 7.8])
  assert.equal(option.series[0].markArea.data[0][0].yAxis, 3.9)
  assert.equal(option.series[0].markArea.data[0][1].yAxis, 6.1)
  assert.notEqual(option.series[0].data[0].itemStyle.color, option.series[0].data[1].itemStyle.color)
})

test('access lines say who, and refusals', () => {
  assert.equal(accessLine({ who: '赵强医生', roleText: '医生', what: '血常规' }), '赵强医生（医生）查看了血常规')
  assert.match(accessLine({ who: '家属', roleText: '其他账号', what: '报告', refused: true }), /已拒绝/)
})

test('the PDF is fetched with the token as a blob and named without patient data', async () => {
  const calls = []
  const api = reportsApi({ getBlob: async (path) => { calls.push(path); return 'blob' } })
  assert.equal(await api.pdf('r/1'), 'blob')
  assert.deepEqual(calls, ['/api/reports/reports/r%2F1/pdf'])
  assert.equal(pdfFileName({ title: '血糖 + 糖化/血红蛋白', hisId: 'dr-lab-00185' }), '血糖_+_糖化_血红蛋白-dr-lab-00185.pdf')
  assert.equal(pdfFileName({}), '报告.pdf')
})

test('a blob opens through an object URL that is clicked and later released', () => {
  const clicked = []
  const link = { click() { clicked.push(this.href) }, remove() {} }
  const doc = { createElement: () => link, body: { appendChild() {} } }
  const urls = { createObjectURL: () => 'blob:1', revokeObjectURL() {} }
  assert.equal(openBlob('pdf', 'a.pdf', doc, urls), 'blob:1')
  assert.deepEqual(clicked, ['blob:1'])
  assert.equal(link.download, 'a.pdf')
})

test('a patient id typed at the workstation', () => {
  assert.equal(parsePatientId(' 0193A2B4-1C2D-7E8F-9A0B-1C2D3E4F5A6B '), '0193a2b4-1c2d-7e8f-9a0b-1c2d3e4f5a6b')
  assert.equal(parsePatientId('张三'), null)
  assert.equal(parsePatientId(''), null)
  assert.ok(trendable({ loinc: '14749-6', value: '7.8' }))
  assert.ok(!trendable({ loinc: '14749-6', value: '阴性' }))
  assert.ok(!trendable({ loinc: null, value: '7.8' }))
})
