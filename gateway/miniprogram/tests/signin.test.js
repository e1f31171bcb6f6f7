const { test } = require('node:test')
const assert = require('node:assert/strict')
const h = require('./helpers/harness.js')
const f = require('./helpers/fixtures.js')

const TOKEN = '/api/identity/connect/token'
const LOGIN = '/api/wechat/miniprogram/login'
const form = (call) => Object.fromEntries(new URLSearchParams(call.data))

test('a bound WeChat signs in with the wx.login code and the tokens are stored', async () => {
  const wx = h.install({
    routes: [
      { method: 'POST', path: LOGIN, reply: (c) => ({ data: { ticket: `ticket-for-${c.data.code}`, expiresIn: 60 } }) },
      { method: 'POST', path: TOKEN, reply: { data: f.tokens(1) } },
    ],
  })
  const page = await h.openPage('login')
  h.click(page, '#wechat-signin')
  await h.waitFor(() => page.data.phase === 'done', { what: 'signed in' })

  const login = wx.requests.find((r) => r.path === LOGIN)
  assert.deepEqual(login.data, { code: 'wx-code-1' })
  const grant = wx.requests.find((r) => r.path === TOKEN)
  assert.equal(grant.header['Content-Type'], 'application/x-www-form-urlencoded')
  assert.deepEqual(form(grant), { grant_type: 'wechat_ticket', ticket: 'ticket-for-wx-code-1', client_id: 'patient' })
  assert.equal(wx.getStorageSync('platform.mp.access'), 'access-1')
  assert.equal(wx.getStorageSync('platform.mp.refresh'), 'refresh-1')
  assert.deepEqual(wx.unmatched, [])
})

test('an unbound WeChat signs in by SMS code, then binds after the owner confirms who is bound', async () => {
  const phone = '13800000000'
  let bound = false
  const wx = h.install({
    routes: [
      { method: 'POST', path: LOGIN, reply: (c) => ({ data: { ticket: c.data.intent ? 'bind-ticket' : 'signin-ticket', expiresIn: 60 } }) },
      {
        method: 'POST', path: TOKEN,
        reply: (c) => (form(c).grant_type === 'wechat_ticket' ? { status: 400, data: f.bindRequired() } : { data: f.tokens(2) }),
      },
      { method: 'POST', path: '/api/identity/sms-codes', reply: { status: 202, data: { sent: true, resendAfterSeconds: 60 } } },
      {
        method: 'POST', path: '/api/identity/me/wechat/intents',
        reply: { data: { intent: 'intent-nonce', expiresAt: '2026-12-07T12:10:00Z' }, cookies: ['platform.wxbind=browser-key; path=/api/identity/me/wechat; httponly'] },
      },
      {
        method: 'POST', path: '/api/identity/me/wechat/pending',
        reply: (c) => (c.header.Cookie === 'platform.wxbind=browser-key' && c.data.ticket === 'bind-ticket'
          ? { data: { nickname: '微信用户张三', avatarUrl: null, maskedOpenId: 'oAbC****xYz9', expiresAt: '2026-12-07T12:10:00Z' } }
          : { status: 400, data: f.problem(400, 'wechat_bind_foreign', '请求无效', '该微信授权不是您在本机发起的绑定') }),
      },
      { method: 'POST', path: '/api/identity/me/wechat', reply: (c) => { bound = c.header.Cookie === 'platform.wxbind=browser-key'; return { status: 204 } } },
    ],
  })
  const page = await h.openPage('login')
  h.click(page, '#wechat-signin')
  await h.waitFor(() => page.data.phase === 'sms', { what: 'SMS sign-in offered' })
  assert.match(h.text(page, '#notice'), /尚未绑定/)
  assert.equal(wx.getStorageSync('platform.mp.access'), '')

  h.type(page, '#phone', phone)
  h.click(page, '#send-code')
  await h.waitFor(() => page.data.codeSent, { what: 'code sent' })
  assert.deepEqual(wx.requests.find((r) => r.path === '/api/identity/sms-codes').data, { phone, purpose: 'login' })
  h.type(page, '#sms-code', '123456')
  h.click(page, '#sms-signin')
  await h.waitFor(() => page.data.phase === 'confirmBind', { what: 'binding preview' })

  const grants = wx.requests.filter((r) => r.path === TOKEN).map(form)
  assert.deepEqual(grants[1], { grant_type: 'sms_code', phone, sms_code: '123456', client_id: 'patient' })
  const bindLogin = wx.requests.filter((r) => r.path === LOGIN)[1]
  assert.deepEqual(bindLogin.data, { code: 'wx-code-2', intent: 'intent-nonce' })
  assert.equal(wx.requests.find((r) => r.path === '/api/identity/me/wechat/intents').header.Authorization, 'Bearer access-2')
  assert.match(h.text(page, '#preview-openid'), /oAbC\*\*\*\*xYz9/)
  assert.equal(bound, false, 'nothing is bound before the owner confirms')

  h.click(page, '#confirm-bind-button')
  await h.waitFor(() => page.data.phase === 'done', { what: 'bound' })
  assert.equal(bound, true)
  assert.deepEqual(wx.unmatched, [])
})

test('an account with a second factor is asked for it after the WeChat ticket, and the SMS goes by mfa token', async () => {
  const wx = h.install({
    routes: [
      { method: 'POST', path: LOGIN, reply: { data: { ticket: 't', expiresIn: 60 } } },
      { method: 'POST', path: '/api/identity/mfa/sms', reply: { status: 202, data: { sent: true, resendAfterSeconds: 60 } } },
      { method: 'POST', path: TOKEN, reply: (c) => (form(c).otp === '654321' ? { data: f.tokens(3) } : { status: 400, data: f.mfaRequired(['sms'], 'mfa-token-1') }) },
    ],
  })
  const page = await h.openPage('login')
  h.click(page, '#wechat-signin')
  await h.waitFor(() => page.data.phase === 'mfa', { what: 'second factor asked' })
  h.click(page, '#send-mfa-sms')
  await h.waitFor(() => wx.requests.some((r) => r.path === '/api/identity/mfa/sms'))
  assert.deepEqual(wx.requests.find((r) => r.path === '/api/identity/mfa/sms').data, { mfaToken: 'mfa-token-1' })
  h.type(page, '#otp', '654321')
  h.click(page, '#submit-mfa')
  await h.waitFor(() => page.data.phase === 'done', { what: 'signed in' })
  assert.deepEqual(form(wx.requests.filter((r) => r.path === TOKEN)[1]),
    { grant_type: 'wechat_ticket', mfa_token: 'mfa-token-1', otp_method: 'sms', otp: '654321', client_id: 'patient' })
  assert.equal(wx.getStorageSync('platform.mp.access'), 'access-3')
})
