const { test } = require('node:test')
const assert = require('node:assert/strict')
const h = require('./helpers/harness.js')
const f = require('./helpers/fixtures.js')
const timing = require('../miniprogram/utils/timing.js')

test('my queue polls while the page is visible and stops when it is hidden', async () => {
  timing.queuePollMs = 5
  let ahead = 3
  const wx = h.install({ routes: [{ method: 'GET', path: '/api/queue/me', reply: () => ({ data: [{ ...f.myQueue[0], peopleAhead: ahead }] }) }] })
  wx.setStorageSync('platform.mp.access', 'access-1')
  const page = await h.openPage('queue')
  assert.match(h.text(page), /12 号.*候诊中.*前面还有 3 人，预计等待约 18 分钟.*正在叫 9 号/)
  page.instance.onShow()
  ahead = 0
  await h.waitFor(() => /下一位就是您/.test(h.text(page)), { what: 'the poll picked up the change' })
  page.instance.onHide()
  const asked = wx.requests.length
  // Absence can only be observed over a window: eight poll intervals without a request.
  await new Promise((resolve) => setTimeout(resolve, timing.queuePollMs * 8))
  assert.ok(wx.requests.length <= asked + 1, 'no polling while hidden (at most the one already in flight)')
  page.instance.onUnload()
})
