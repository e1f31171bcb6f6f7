const { test } = require('node:test')
const assert = require('node:assert/strict')
const h = require('./helpers/harness.js')

test('the web-view opens the H5 through a one-time ticket and never puts a token in its URL', async () => {
  const wx = h.install({
    h5Base: 'https://h5.test',
    routes: [{ method: 'POST', path: '/api/identity/me/handover', reply: (c) => ({ data: { ticket: 'one-time-ticket', expiresIn: 60 } }) }],
  })
  wx.setStorageSync('platform.mp.access', 'secret-access-token')
  wx.setStorageSync('platform.mp.refresh', 'secret-refresh-token')
  const page = await h.openPage('webview', { path: encodeURIComponent('/reports?tab=lab') })
  await h.waitFor(() => page.data.src, { what: 'web-view src' })
  const src = page.data.src
  assert.equal(src, 'https://h5.test/handover?ticket=one-time-ticket&to=%2Freports%3Ftab%3Dlab')
  assert.equal(h.templateAttribute('pages/webview/index', 'web-view', 'src'), '{{src}}')
  assert.doesNotMatch(src, /secret-|access_token|refresh_token|Bearer/)
  // The token went only in the handover request's header, never its URL or body.
  const handover = wx.requests.find((r) => r.path === '/api/identity/me/handover')
  assert.equal(handover.header.Authorization, 'Bearer secret-access-token')
  assert.doesNotMatch(handover.url + JSON.stringify(handover.data || ''), /secret-/)
})

test('the web-view refuses to be pointed at another site', async () => {
  const wx = h.install({ routes: [{ method: 'POST', path: '/api/identity/me/handover', reply: { data: { ticket: 't', expiresIn: 60 } } }] })
  wx.setStorageSync('platform.mp.access', 'secret-access-token')
  const page = await h.openPage('webview', { path: encodeURIComponent('//evil.example/x') })
  await h.waitFor(() => page.data.src, { what: 'src' })
  assert.equal(page.data.src, 'https://h5.test/handover?ticket=t&to=%2F')
})

test('every web-view entry in the app goes through the handover page, and no page builds a URL from a token', () => {
  const fs = require('node:fs')
  const path = require('node:path')
  const files = []
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
    if (e.name === 'miniprogram_npm') return
    const full = path.join(dir, e.name)
    if (e.isDirectory()) walk(full)
    else if (/\.(js|wxml)$/.test(e.name)) files.push(full)
  })
  walk(h.ROOT)
  const webViews = files.filter((file) => /<web-view/.test(fs.readFileSync(file, 'utf8')))
  assert.deepEqual(webViews.map((file) => path.relative(h.ROOT, file)), [path.join('pages', 'webview', 'index.wxml')])
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8')
    assert.doesNotMatch(source, /(accessToken|refreshToken|access_token)\(?\)?\s*[+}]|[?&](access_)?token=/, path.relative(h.ROOT, file))
  }
})
