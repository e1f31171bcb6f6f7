import { test } from 'node:test'
import assert from 'node:assert/strict'
import { yuan } from '../shared/format.js'
import { ApiError } from '../shared/problem.js'
import {
  findOrder, isSearchShortcut, isSubmitChord, listQuery, orderSourcePath, orderStatusText, paymentErrorMessage,
  requestWeixinPay, waitForWeixinBridge, wasPaid,
} from '../shared/payment.js'

test('yuan shows fen as ¥ with two decimals', () => {
  assert.equal(yuan(5000), '¥50.00')
  assert.equal(yuan(1), '¥0.01')
  assert.equal(yuan(0), '¥0.00')
  assert.equal(yuan(123456), '¥1234.56')
  assert.equal(yuan(-250), '-¥2.50')
  assert.equal(yuan(undefined), '')
  assert.equal(yuan(null), '')
  assert.equal(yuan(Number.NaN), '')
})

// A clock that moves only when the code sleeps, so the retry schedule is checked without waiting.
function fakeClock() {
  let t = 0
  const slept = []
  return { now: () => t, sleep: async (ms) => { slept.push(ms); t += ms }, slept }
}

test('findOrder asks again until the order appears, preferring the pending one', async () => {
  const clock = fakeClock()
  const answers = [{ items: [] }, { items: [] }, { items: [{ id: 'old', status: 'closed' }, { id: 'new', status: 'pending' }] }]
  const order = await findOrder(async () => answers.shift(), clock)
  assert.equal(order.id, 'new')
  assert.deepEqual(clock.slept, [300, 600])
})

test('findOrder gives up with null after the timeout, and stops when asked', async () => {
  const clock = fakeClock()
  let calls = 0
  assert.equal(await findOrder(async () => { calls += 1; return { items: [] } }, { ...clock, timeoutMs: 15_000 }), null)
  assert.ok(clock.now() <= 15_000)
  assert.ok(calls > 5)
  const stoppedClock = fakeClock()
  assert.equal(await findOrder(async () => ({ items: [] }), { ...stoppedClock, stopped: () => true }), null)
  assert.deepEqual(stoppedClock.slept, [])
})

test('findOrder retries network and server errors but not refusals', async () => {
  const clock = fakeClock()
  const answers = [new ApiError(0, null), new ApiError(503, null), { items: [{ id: 'a', status: 'paid' }] }]
  const order = await findOrder(async () => {
    const next = answers.shift()
    if (next instanceof Error) throw next
    return next
  }, clock)
  assert.equal(order.id, 'a')
  await assert.rejects(findOrder(async () => { throw new ApiError(403, { code: 'forbidden' }) }, fakeClock()), (e) => e.status === 403)
  await assert.rejects(findOrder(async () => { throw new ApiError(502, null) }, { ...fakeClock(), timeoutMs: 1_000 }), (e) => e.status === 502)
})

test('the WeChat bridge is used at once when present, awaited when announced, null when it never comes', async () => {
  const bridge = { invoke() {} }
  assert.equal(await waitForWeixinBridge({ win: { WeixinJSBridge: bridge }, doc: new EventTarget() }), bridge)

  const win = {}
  const doc = new EventTarget()
  const waiting = waitForWeixinBridge({ win, doc, timeoutMs: 5_000 })
  win.WeixinJSBridge = bridge
  doc.dispatchEvent(new Event('WeixinJSBridgeReady'))
  assert.equal(await waiting, bridge)

  assert.equal(await waitForWeixinBridge({ win: {}, doc: new EventTarget(), timeoutMs: 10 }), null)
})

test('the cashier answer is read from err_msg', async () => {
  const answering = (err_msg) => ({ invoke: (name, params, cb) => { assert.equal(name, 'getBrandWCPayRequest'); cb({ err_msg }) } })
  assert.equal(await requestWeixinPay(answering('get_brand_wcpay_request:ok'), {}), 'ok')
  assert.equal(await requestWeixinPay(answering('get_brand_wcpay_request:cancel'), {}), 'cancel')
  assert.equal(await requestWeixinPay(answering('get_brand_wcpay_request:fail'), {}), 'fail')
})

test('payment errors show the server detail, else the code text', () => {
  assert.equal(paymentErrorMessage(new ApiError(409, { code: 'order_closed', detail: '订单已超时关闭' })), '订单已超时关闭')
  assert.equal(paymentErrorMessage(new ApiError(503, { code: 'pay_unavailable' })), '支付服务暂时不可用，请稍后重试')
  assert.equal(paymentErrorMessage({ code: 'not_in_wechat' }), '请在微信中打开本页面完成支付')
  assert.equal(paymentErrorMessage(new ApiError(0, null)), '网络连接失败，请检查网络后重试')
})

test('order helpers: status text, paid states, source links', () => {
  assert.equal(orderStatusText({ status: 'pending' }), '待支付')
  assert.equal(orderStatusText({ status: 'paid', statusText: '已支付' }), '已支付')
  assert.ok(wasPaid('partiallyRefunded'))
  assert.ok(!wasPaid('pending'))
  assert.equal(orderSourcePath({ kind: 'registration', sourceId: 'a b' }), '/appointments/a%20b')
  assert.equal(orderSourcePath({ kind: 'outpatient', sourceId: 'inv-1', patientId: 'p 1' }), '/payment?patientId=p%201')
  assert.equal(orderSourcePath({ kind: 'deposit', sourceId: 'acct-1', patientId: 'p1' }), '/fees?patientId=p1')
  assert.equal(orderSourcePath({ kind: 'outpatient' }), '/payment')
  assert.equal(orderSourcePath({ kind: 'refund-fee', sourceId: 'x' }), null)
})

test('keyboard: / focuses search outside inputs, Ctrl+Enter submits', () => {
  assert.ok(isSearchShortcut({ key: '/', target: { tagName: 'DIV' } }))
  assert.ok(!isSearchShortcut({ key: '/', target: { tagName: 'INPUT' } }))
  assert.ok(!isSearchShortcut({ key: '/', ctrlKey: true, target: { tagName: 'DIV' } }))
  assert.ok(isSubmitChord({ key: 'Enter', ctrlKey: true }))
  assert.ok(isSubmitChord({ key: 'Enter', metaKey: true }))
  assert.ok(!isSubmitChord({ key: 'Enter' }))
})

test('staff list queries leave out empty filters', () => {
  assert.equal(listQuery({ q: '', status: 'paid', page: 2, pageSize: 50 }), '?status=paid&page=2&pageSize=50')
  assert.equal(listQuery({ q: undefined }), '')
})
