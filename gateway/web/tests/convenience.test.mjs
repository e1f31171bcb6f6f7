import { test } from 'node:test'
import assert from 'node:assert/strict'
import { bookableDays, chronicTrendOption, convenienceApi, orderFormProblem, orderStepIndex, orderSteps, parseReadingsCsv, readingText, yuanOfFen } from '../shared/convenience.js'
import { orderSourcePath } from '../shared/payment.js'

test('mailed orders show 已寄出, others go from 已受理 to 已完成', () => {
  assert.deepEqual(orderSteps({ contact: { name: '张*' } }).map((s) => s.status), ['paid', 'accepted', 'shipped', 'completed'])
  assert.deepEqual(orderSteps({ contact: null }).map((s) => s.status), ['paid', 'accepted', 'completed'])
  assert.equal(orderStepIndex({ status: 'shipped', contact: {} }), 2)
  assert.equal(orderStepIndex({ status: 'completed', contact: null }), 2)
  assert.equal(orderStepIndex({ status: 'awaiting-payment' }), -1)
  assert.equal(orderStepIndex({ status: 'refunded' }), -1)
})

test('prices read in yuan, a free service says so', () => {
  assert.equal(yuanOfFen(1000), '¥10.00')
  assert.equal(yuanOfFen(0), '免费')
})

test('the order form names what is missing', () => {
  const parking = { windows: [{ id: 'w' }], mustShow: '出示订单' }
  assert.equal(orderFormProblem(parking, {}), '请选择服务日期和时段')
  assert.equal(orderFormProblem(parking, { date: '2026-12-08', windowId: 'w' }), '请确认出示要求')
  assert.equal(orderFormProblem(parking, { date: '2026-12-08', windowId: 'w', acknowledgedMustShow: true }), '')
  assert.equal(orderFormProblem({ needsAddress: true, windows: [] }, { contact: { name: '张三' } }), '请填写邮寄地址')
})

test('blood pressure trends draw two lines with the target band and red out-of-range points', () => {
  const readings = [
    { measuredAt: '2026-12-01T07:30:00Z', systolic: 128, diastolic: 82, outOfRange: false },
    { measuredAt: '2026-12-02T07:30:00Z', systolic: 172, diastolic: 104, outOfRange: true },
  ]
  const option = chronicTrendOption(readings, 'blood-pressure', { low: 90, high: 140 })
  assert.equal(option.series.length, 2)
  assert.deepEqual(option.series[0].data.map((d) => d.value), [128, 172])
  assert.equal(option.series[0].data[1].itemStyle.color, '#d4380d')
  assert.equal(option.series[0].markArea.data[0][0].yAxis, 90)
  assert.equal(option.yAxis.name, 'mmHg')
  assert.equal(option.series[0].label.fontSize, 12)
  const elder = chronicTrendOption(readings, 'blood-pressure', null, undefined, 18)
  assert.equal(elder.series[1].label.fontSize, 18)
  assert.equal(elder.xAxis.axisLabel.fontSize, 18)
  assert.equal(elder.legend.textStyle.fontSize, 18)
  const weight = chronicTrendOption([{ measuredAt: '2026-12-01T00:00:00Z', value: 70.5 }], 'weight', null)
  assert.equal(weight.series.length, 1)
  assert.equal(weight.series[0].markArea, undefined)
})

test('a device CSV becomes readings and bad lines are named', () => {
  const { readings, errors } = parseReadingsCsv('时间,类型,数值,数值2\n2026-12-01 07:30,血压,135,85\n2026-12-01 07:35,血糖,6.2\nxx,体重,70\n2026-12-02 08:00,血压,140')
  assert.deepEqual(readings.map((r) => r.kind), ['blood-pressure', 'glucose'])
  assert.equal(readings[0].measuredAt, '2026-11-30T23:30:00.000Z')
  assert.deepEqual(errors, [4, 5])
  assert.equal(readingText({ valueText: '6.2 mmol/L', context: 'fasting' }), '6.2 mmol/L（空腹）')
})

test('payment orders for services lead back to their pages', () => {
  assert.equal(orderSourcePath({ kind: 'convenience', sourceId: 'o1', patientId: 'p1' }), '/convenience/orders/o1?patientId=p1')
  assert.equal(orderSourcePath({ kind: 'home-care', sourceId: 'v1', patientId: 'p1' }), '/convenience/home-visits/v1?patientId=p1')
})

test('the patient client calls the documented paths and refreshes its token once for a new 就诊人', async () => {
  const calls = []
  let refreshed = 0
  const raw = {
    get: async (url) => { calls.push(url); if (calls.length === 1) throw Object.assign(new Error('x'), { code: 'patient_unknown' }); return [] },
    post: async (url, body) => { calls.push([url, body]); return {} },
    put: async (url, body) => { calls.push([url, body]); return {} },
    refresh: async () => { refreshed += 1; return true },
  }
  const api = convenienceApi(raw)
  await api.orders('p 1')
  assert.equal(refreshed, 1)
  assert.deepEqual(calls.slice(0, 2), ['/api/convenience/patients/p%201/orders', '/api/convenience/patients/p%201/orders'])
  await api.readings('p1', 'glucose', 7)
  assert.equal(calls.at(-1), '/api/convenience/patients/p1/chronic/readings?kind=glucose&days=7')
  await api.setReminder('p1', 'weight', '07:30')
  assert.deepEqual(calls.at(-1), ['/api/convenience/patients/p1/chronic/reminders/weight', { time: '07:30', active: true }])
})

test("home-visit days run from the server's first bookable date, across month ends", () => {
  assert.deepEqual(bookableDays('2026-12-30', 3), ['2026-12-30', '2026-12-31', '2027-01-01'])
  assert.deepEqual(bookableDays(undefined, 3), [])
})
