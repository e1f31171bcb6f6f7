import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ApiError, problemFieldErrors, problemMessage } from '../shared/problem.js'
import { groupByCampus, validateDepartment } from '../shared/hospital.js'
import { foreverRetryPolicy } from '../shared/push.js'
import { createApiClient } from '../shared/api.js'
import { requestSequence } from '../shared/requestSequence.js'

test('problem detail is preferred over title, title over the status fallback', () => {
  assert.equal(problemMessage(new ApiError(400, { title: '提交有误', detail: '科室名称不能为空' })), '科室名称不能为空')
  assert.equal(problemMessage(new ApiError(404, { title: '科室不存在' })), '科室不存在')
  assert.equal(problemMessage(new ApiError(503, null)), '服务暂时不可用，请稍后重试')
  assert.equal(problemMessage(new ApiError(0, null)), '网络连接失败，请检查网络后重试')
})

test('field errors are keyed by camelCase field and joined', () => {
  const error = new ApiError(400, { errors: { Name: ['不能为空', '太长'], 'body.Phone': ['格式错误'] } })
  assert.deepEqual(problemFieldErrors(error), { name: '不能为空；太长', phone: '格式错误' })
  assert.deepEqual(problemFieldErrors(new Error('x')), {})
})

test('department validation mirrors the server: name 1-50 chars, phone digits and dashes', () => {
  assert.deepEqual(validateDepartment({ name: '眼科', phone: '010-1234' }), {})
  assert.ok(validateDepartment({ name: '   ' }).name)
  assert.ok(validateDepartment({ name: '科'.repeat(51) }).name)
  assert.equal(validateDepartment({ name: '科'.repeat(50) }).name, undefined)
  assert.ok(validateDepartment({ name: '眼科', phone: '010 1234' }).phone)
  assert.ok(validateDepartment({ name: '眼科', phone: '12ab' }).phone)
})

test('departments are grouped by campus with 本部 first', () => {
  const groups = groupByCampus([
    { name: 'A', campus: '东院区' },
    { name: 'B', campus: '本部院区' },
    { name: 'C', campus: '东院区' },
  ])
  assert.deepEqual(groups.map((g) => [g.campus, g.items.map((d) => d.name)]), [
    ['本部院区', ['B']],
    ['东院区', ['A', 'C']],
  ])
})

test('retry policy never gives up and caps the delay near 30 s', () => {
  const delays = [0, 1, 2, 5, 50, 10_000].map((n) => foreverRetryPolicy.nextRetryDelayInMilliseconds({ previousRetryCount: n }))
  for (const delay of delays) assert.ok(typeof delay === 'number' && delay > 0 && delay <= 36_000, String(delay))
  assert.ok(delays[0] < 2_000)
  assert.ok(delays[5] >= 24_000)
})

test('api client sends the bearer token and turns problem+json into ApiError', async (t) => {
  const calls = []
  globalThis.localStorage = { getItem: () => 'tok', setItem() {}, removeItem() {} }
  globalThis.window = globalThis
  t.after(() => {
    delete globalThis.localStorage
    delete globalThis.window
  })
  t.mock.method(globalThis, 'fetch', async (url, init) => {
    calls.push({ url, init })
    return new Response(JSON.stringify({ title: '无权限', status: 403, code: 'auth.forbidden' }), {
      status: 403,
      headers: { 'content-type': 'application/problem+json' },
    })
  })
  let unauthorized = 0
  const api = createApiClient({ tokenKey: 'platform.staff.token', onUnauthorized: () => unauthorized++ })
  await assert.rejects(api.put('/api/hospital/departments/1', { name: 'x' }), (e) => {
    assert.ok(e instanceof ApiError)
    assert.equal(e.status, 403)
    assert.equal(e.code, 'auth.forbidden')
    assert.equal(e.message, '无权限')
    return true
  })
  assert.equal(calls[0].init.headers.Authorization, 'Bearer tok')
  assert.equal(calls[0].init.headers['Content-Type'], 'application/json')
  assert.equal(unauthorized, 0)
})

test('only the latest of overlapping requests may apply its answer, whichever answers last', async () => {
  const newRequest = requestSequence()
  const shown = []
  const load = async (name, ms) => {
    const isLatest = newRequest()
    await new Promise((resolve) => setTimeout(resolve, ms))
    if (isLatest()) shown.push(name)
  }
  await Promise.all([load('全部', 30), load('眼科', 1)])
  assert.deepEqual(shown, ['眼科'])
})

test('a staff page reloads only for changes of its own work area', async () => {
  const { isForArea } = await import('../shared/staffWork.js')
  assert.equal(isForArea({ area: 'complaints', itemId: 'x' }, 'complaints'), true)
  assert.equal(isForArea({ area: 'convenience', itemId: 'x' }, 'complaints'), false)
  assert.equal(isForArea(null, 'complaints'), false)
})
