const { test } = require('node:test')
const assert = require('node:assert/strict')
const h = require('./helpers/harness.js')
const f = require('./helpers/fixtures.js')

function signedIn(wx) {
  wx.setStorageSync('platform.mp.access', 'access-1')
  wx.setStorageSync('platform.mp.refresh', 'refresh-1')
}

test('the phone button sends WeChat\'s one-time code and shows the masked number the server verified', async () => {
  const wx = h.install({
    routes: [
      { method: 'GET', path: '/api/identity/me/patients', reply: { data: f.patients } },
      { method: 'POST', path: '/api/identity/me/phone/wechat', reply: (c) => (c.data.code === 'phone-code-1'
        ? { data: { phone: '138****0000' } }
        : { status: 400, data: f.problem(400, 'wechat_phone_invalid', '手机号授权无效', '手机号授权已失效，请重新授权') }) },
    ],
  })
  signedIn(wx)
  const mine = await h.openPage('mine')
  const button = mine.querySelector('#phone-button')
  assert.equal(h.templateAttribute('pages/mine/index', '#phone-button', 'open-type'), 'getPhoneNumber')
  assert.equal(h.templateAttribute('pages/mine/index', '#phone-button', 'bindgetphonenumber'), 'onPhoneNumber')
  button.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: 'phone-code-1' } })
  await h.waitFor(() => mine.data.phone, { what: 'phone shown' })
  assert.equal(h.text(mine, '#phone'), '138****0000')
  const call = wx.requests.find((r) => r.path === '/api/identity/me/phone/wechat')
  assert.deepEqual(call.data, { code: 'phone-code-1' })
  assert.equal(call.header.Authorization, 'Bearer access-1')

  button.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:fail user deny' } })
  await h.waitFor(() => mine.data.error, { what: 'refusal explained' })
  assert.match(h.text(mine, '#error'), /未获得手机号授权/)
  assert.equal(wx.requests.filter((r) => r.path === '/api/identity/me/phone/wechat').length, 1, 'no code, no request')

  button.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: 'stale' } })
  await h.waitFor(() => /重新授权/.test(mine.data.error), { what: 'server refusal shown' })
})

test('我的 lists the account\'s patients masked, and the patient selector offers them', async () => {
  const wx = h.install({ routes: [{ method: 'GET', path: '/api/identity/me/patients', reply: { data: f.patients } }] })
  signedIn(wx)
  const mine = await h.openPage('mine')
  await h.waitFor(() => mine.data.patients.length === 2, { what: 'patients' })
  assert.match(h.text(mine), /张三（本人）.*1101\*{12}12.*李秀英（父母）/)
  assert.doesNotMatch(h.text(mine), /\d{17}/, 'no full ID number on the page')
})

test('elder mode switched in 我的 enlarges every open page and is kept, on the phone and in the account', async () => {
  const wx = h.install({
    routes: [
      { method: 'GET', path: '/api/identity/me/patients', reply: { data: f.patients } },
      { method: 'GET', path: '/api/identity/me/preferences', reply: { data: { elderMode: false } } },
      { method: 'PUT', path: '/api/identity/me/preferences', reply: (c) => ({ data: c.data }) },
    ],
  })
  signedIn(wx)
  const mine = await h.openPage('mine')
  const home = await h.openPage('home')
  assert.equal(home.data.elderClass, '')
  h.click(mine, '#elder-switch')
  await h.waitFor(() => home.data.elderClass === 'elder', { what: 'home in elder mode' })
  assert.ok(home.querySelector('.elder'), 'the page root carries the elder class')
  assert.equal(wx.getStorageSync('platform.mp.elder'), 'on')
  await h.waitFor(() => wx.requests.some((r) => r.method === 'PUT'), { what: 'saved to the account' })
  assert.deepEqual(wx.requests.find((r) => r.method === 'PUT').data, { elderMode: true })
  const later = await h.openPage('queue')
  assert.equal(later.data.elderClass, 'elder', 'a page opened later starts in elder mode')
  assert.match(h.templateAttribute('pages/home/index', '#entry-{{item.key}}', 'aria-label'), /\{\{item.label\}\}：/, 'controls carry a spoken label')
  assert.equal(h.templateAttribute('pages/mine/index', '#elder-switch', 'aria-label'), '长辈模式')
  h.click(mine, '#elder-switch')
  await h.waitFor(() => home.data.elderClass === '', { what: 'elder mode off' })
  assert.equal(wx.getStorageSync('platform.mp.elder'), '')
})

test('the account\'s elder mode, chosen on the H5, is applied when 我的 opens', async () => {
  const wx = h.install({
    routes: [
      { method: 'GET', path: '/api/identity/me/patients', reply: { data: f.patients } },
      { method: 'GET', path: '/api/identity/me/preferences', reply: { data: { elderMode: true } } },
    ],
  })
  wx.setStorageSync('platform.mp.access', 'access-1')
  const mine = await h.openPage('mine')
  await h.waitFor(() => mine.data.elderClass === 'elder', { what: 'elder mode from the account' })
  assert.equal(wx.getStorageSync('platform.mp.elder'), 'on')
})

test('an expired access token is refreshed once and the call repeated', async () => {
  const wx = h.install({
    routes: [
      { method: 'GET', path: '/api/identity/me/patients', reply: (c) => (c.header.Authorization === 'Bearer access-2' ? { data: f.patients } : { status: 401, data: null }) },
      { method: 'POST', path: '/api/identity/connect/token', reply: { data: f.tokens(2) } },
    ],
  })
  signedIn(wx)
  const mine = await h.openPage('mine')
  await h.waitFor(() => mine.data.patients.length === 2, { what: 'patients after refresh' })
  const refresh = wx.requests.find((r) => r.path === '/api/identity/connect/token')
  assert.deepEqual(Object.fromEntries(new URLSearchParams(refresh.data)), { grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: 'patient' })
  assert.equal(wx.getStorageSync('platform.mp.refresh'), 'refresh-2')
})
