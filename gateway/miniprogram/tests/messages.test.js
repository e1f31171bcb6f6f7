const { test } = require('node:test')
const assert = require('node:assert/strict')
const h = require('./helpers/harness.js')
const f = require('./helpers/fixtures.js')

test('the message centre lists 20 at a time, pages with before=, and marks a message read when opened', async () => {
  const first = f.messages(20)
  const second = f.messages(3, 20)
  const wx = h.install({
    routes: [
      { method: 'GET', path: '/api/notification/messages', reply: (c) => (c.query.before
        ? { data: { items: second, nextBefore: null } }
        : { data: { items: first, nextBefore: 'cursor-20' } }) },
      { method: 'GET', path: '/api/notification/messages/unread-count', reply: { data: { count: 10 } } },
      { method: 'POST', path: /^\/api\/notification\/messages\/[0-9a-f-]+\/read$/, reply: (c) => ({ data: { ...first[0], readAt: '2026-12-07T04:00:00Z' } }) },
    ],
  })
  wx.setStorageSync('platform.mp.access', 'access-1')
  const page = await h.openPage('messages')
  await h.waitFor(() => page.data.items.length === 20, { what: 'first page' })
  assert.equal(wx.requests.find((r) => r.path === '/api/notification/messages').query.limit, '20')
  assert.equal(h.text(page, '#unread'), '未读消息 10 条')
  assert.match(h.text(page, `#message-${first[0].id}`), /预约.*预约成功.*未读.*12-07 周一 10:00/)

  h.click(page, '#more')
  await h.waitFor(() => page.data.items.length === 23, { what: 'second page' })
  assert.equal(wx.requests.filter((r) => r.path === '/api/notification/messages')[1].query.before, 'cursor-20')
  assert.equal(page.querySelector('#more'), undefined, 'no more pages')

  h.tap(page, `#message-${first[0].id}`)
  await h.waitFor(() => page.data.unread === 9, { what: 'marked read' })
  assert.ok(wx.requests.some((r) => r.method === 'POST' && r.path === `/api/notification/messages/${first[0].id}/read`))
  assert.doesNotMatch(h.text(page, `#message-${first[0].id}`), /未读/)
  const nav = await h.navigated(wx)
  assert.equal(nav.url, `/pages/appointment/index?id=${f.ids.appointment}`)
  assert.deepEqual(wx.unmatched, [])
})

test('the message centre asks a signed-out patient to sign in and calls nothing', async () => {
  const wx = h.install()
  const page = await h.openPage('messages')
  assert.ok(page.querySelector('#sign-in'))
  assert.equal(wx.requests.length, 0)
})
