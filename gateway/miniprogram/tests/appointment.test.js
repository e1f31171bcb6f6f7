const { test } = require('node:test')
const assert = require('node:assert/strict')
const h = require('./helpers/harness.js')
const f = require('./helpers/fixtures.js')

test('an appointment shows its progress and is cancelled only after the patient confirms', async () => {
  const { ids } = f
  const booked = f.appointment('booked', {
    steps: [
      { status: 'locking', statusText: '锁号中', at: '2026-12-07T02:00:00+00:00' },
      { status: 'awaitingPayment', statusText: '待支付', at: '2026-12-07T02:00:05+00:00' },
      { status: 'booked', statusText: '已预约', at: '2026-12-07T02:01:10+00:00' },
    ],
  })
  const wx = h.install({
    modalAnswers: [false, true],
    routes: [
      { method: 'GET', path: `/api/scheduling/appointments/${ids.appointment}`, reply: { data: booked } },
      { method: 'POST', path: `/api/scheduling/appointments/${ids.appointment}/cancel`,
        reply: { data: { ...booked, status: 'cancelled', statusText: '已取消', canCancel: false } } },
    ],
  })
  wx.setStorageSync('platform.mp.access', 'access-1')
  const page = await h.openPage('appointment', { id: ids.appointment })
  await h.waitFor(() => page.data.detail, { what: 'detail' })
  assert.match(h.text(page, '#detail'), /已预约.*心血管内科 · 王建国.*12-07 周一 10:00 锁号中.*待支付.*12-07 周一 10:01 已预约/)
  assert.equal(page.querySelector('#pay'), undefined, 'nothing to pay once booked')

  h.click(page, '#cancel')
  // The answer's handler has run once the mock counts it (a request would have been sent synchronously within it).
  await h.waitFor(() => wx.modalsAnswered === 1, { what: 'asked to confirm' })
  assert.equal(wx.requests.filter((r) => r.path.endsWith('/cancel')).length, 0, '再想想 cancels nothing')
  h.click(page, '#cancel')
  await h.waitFor(() => page.data.detail.status === 'cancelled', { what: 'cancelled' })
  assert.equal(h.text(page, '#status'), '已取消')
  assert.equal(page.querySelector('#cancel'), undefined)
  assert.equal(wx.requests.filter((r) => r.path.endsWith('/cancel')).length, 1)
})

test('a signed-out patient opening a page that needs an account is sent to sign in', async () => {
  const wx = h.install()
  await h.openPage('appointment', { id: f.ids.appointment })
  assert.deepEqual(await h.navigated(wx), { kind: 'redirectTo', url: '/pages/login/index' })
  assert.equal(wx.requests.length, 0)
})
