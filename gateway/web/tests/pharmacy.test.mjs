import { test } from 'node:test'
import assert from 'node:assert/strict'
import { activeStepIndex, deliveryProgress, doseTimeText, pharmacyApi, yuanOfFen } from '../shared/pharmacy.js'

test('delivery progress never goes back and ends done', () => {
  assert.deepEqual(deliveryProgress('handed-over').map((s) => s.state), ['done', 'done', 'active', 'todo', 'todo'])
  assert.deepEqual(deliveryProgress('delivered').map((s) => s.state), ['done', 'done', 'done', 'done', 'done'])
  assert.deepEqual(deliveryProgress('awaiting-payment').map((s) => s.state), ['todo', 'todo', 'todo', 'todo', 'todo'])
  assert.equal(activeStepIndex('in-transit'), 3)
  assert.equal(activeStepIndex('delivered'), 4)
  assert.equal(activeStepIndex('awaiting-payment'), -1)
})

test('dose times read as parts of the day', () => {
  assert.equal(doseTimeText('08:00'), '早上 8:00')
  assert.equal(doseTimeText('12:30'), '中午 12:30')
  assert.equal(doseTimeText('18:00'), '傍晚 18:00')
  assert.equal(doseTimeText('21:00'), '晚上 21:00')
  assert.equal(doseTimeText('x'), '')
})

test('money is shown in yuan', () => {
  assert.equal(yuanOfFen(1800), '18.00')
})

test('the api escapes ids and names the category', async () => {
  const calls = []
  const api = { get: async (url) => calls.push(url), put: async (url, body) => calls.push([url, body]), post: async (url, body) => calls.push([url, body]) }
  const p = pharmacyApi(api)
  await p.prescriptions('a/b', 'discharge')
  await p.setReminder('p', 'r', true, ['08:00'])
  assert.deepEqual(calls, ['/api/pharmacy/patients/a%2Fb/prescriptions?category=discharge',
    ['/api/pharmacy/patients/p/prescriptions/r/reminder', { enabled: true, times: ['08:00'] }]])
})

test('a 就诊人 the token does not know yet is asked for again once with fresh tokens', async () => {
  let refreshed = 0
  let calls = 0
  const api = {
    refresh: async () => { refreshed += 1; return true },
    get: async () => {
      calls += 1
      if (calls === 1) throw Object.assign(new Error('x'), { code: 'patient_unknown' })
      return ['ok']
    },
  }
  assert.deepEqual(await pharmacyApi(api).prescriptions('p'), ['ok'])
  assert.equal(refreshed, 1)
  const failing = { refresh: async () => true, get: async () => { throw Object.assign(new Error('x'), { code: 'not_found' }) } }
  await assert.rejects(pharmacyApi(failing).prescriptions('p'))
})

test('a pending delivery fee is paid on its delivery page', async () => {
  const { orderSourcePath, ORDER_KIND_TEXT } = await import('../shared/payment.js')
  assert.equal(ORDER_KIND_TEXT.delivery, '药品配送费')
  assert.equal(orderSourcePath({ kind: 'delivery', sourceId: 'd1', patientId: 'p1' }), '/pharmacy/deliveries/d1?patientId=p1')
})
