import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createApiClient } from '../shared/api.js'

function fakeStorage(initial) {
  const data = new Map(Object.entries(initial))
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => data.set(k, String(v)), removeItem: (k) => data.delete(k) }
}

function json(status, body) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

function setup(t, initial, respond) {
  const storage = fakeStorage(initial)
  globalThis.localStorage = storage
  globalThis.window = globalThis
  t.after(() => {
    delete globalThis.localStorage
    delete globalThis.window
  })
  const calls = []
  t.mock.method(globalThis, 'fetch', async (url, init) => {
    calls.push({ url, init })
    return respond(url, init, calls.length)
  })
  let unauthorized = 0
  const api = createApiClient({ tokenKey: 'app.token', refreshKey: 'app.refresh', clientId: 'patient', onUnauthorized: () => unauthorized++ })
  return { storage, calls, api, unauthorized: () => unauthorized }
}

test('a 401 is answered by one refresh and a retry with the new token', async (t) => {
  const { storage, calls, api, unauthorized } = setup(t, { 'app.token': 'old', 'app.refresh': 'r1' }, (url, init) => {
    if (url.endsWith('/connect/token')) return json(200, { access_token: 'new', refresh_token: 'r2' })
    return init.headers.Authorization === 'Bearer new' ? json(200, { ok: true }) : json(401, { title: '未登录' })
  })
  assert.deepEqual(await api.get('/api/identity/me'), { ok: true })
  assert.equal(calls.length, 3)
  const form = new URLSearchParams(calls[1].init.body)
  assert.equal(form.get('grant_type'), 'refresh_token')
  assert.equal(form.get('refresh_token'), 'r1')
  assert.equal(form.get('client_id'), 'patient')
  assert.equal(storage.data.get('app.token'), 'new')
  assert.equal(storage.data.get('app.refresh'), 'r2')
  assert.equal(unauthorized(), 0)
})

test('concurrent 401s share one refresh, since a refresh token can be spent only once', async (t) => {
  const { calls, api } = setup(t, { 'app.token': 'old', 'app.refresh': 'r1' }, async (url, init) => {
    if (url.endsWith('/connect/token')) {
      await new Promise((resolve) => setTimeout(resolve, 10))
      return json(200, { access_token: 'new', refresh_token: 'r2' })
    }
    return init.headers.Authorization === 'Bearer new' ? json(200, { ok: true }) : json(401, {})
  })
  await Promise.all([api.get('/a'), api.get('/b'), api.get('/c')])
  assert.equal(calls.filter((c) => c.url.endsWith('/connect/token')).length, 1)
})

test('a failed refresh clears both tokens and goes to login', async (t) => {
  const { storage, api, unauthorized } = setup(t, { 'app.token': 'old', 'app.refresh': 'spent' }, (url) =>
    url.endsWith('/connect/token') ? json(400, { code: 'invalid_grant' }) : json(401, {}))
  await assert.rejects(api.get('/api/identity/me'), (e) => e.status === 401)
  assert.equal(storage.data.has('app.token'), false)
  assert.equal(storage.data.has('app.refresh'), false)
  assert.equal(unauthorized(), 1)
})

test('a second 401 after refreshing does not refresh again', async (t) => {
  const { calls, api, unauthorized } = setup(t, { 'app.token': 'old', 'app.refresh': 'r1' }, (url) =>
    url.endsWith('/connect/token') ? json(200, { access_token: 'new', refresh_token: 'r2' }) : json(401, {}))
  await assert.rejects(api.get('/x'), (e) => e.status === 401)
  assert.equal(calls.length, 3)
  assert.equal(unauthorized(), 1)
})

test('anonymous calls (the token endpoint itself) never send the bearer token nor refresh', async (t) => {
  const { calls, api, unauthorized } = setup(t, { 'app.token': 'old', 'app.refresh': 'r1' }, () => json(400, { code: 'invalid_credentials' }))
  await assert.rejects(api.postForm('/api/identity/connect/token', { grant_type: 'password' }, { anonymous: true }), (e) => e.code === 'invalid_credentials')
  assert.equal(calls.length, 1)
  assert.equal(calls[0].init.headers.Authorization, undefined)
  assert.equal(unauthorized(), 0)
})
