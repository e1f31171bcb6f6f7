// Against the running stack (edge at MINIPROGRAM_LIVE_BASE, default http://127.0.0.1:8080): only public endpoints.
// Skipped, and said so, when the stack is not reachable.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const h = require('./helpers/harness.js')

const BASE = process.env.MINIPROGRAM_LIVE_BASE || 'http://127.0.0.1:8080'

async function reachable() {
  try {
    const res = await fetch(`${BASE}/api/scheduling/departments`, { signal: AbortSignal.timeout(3000) })
    return res.ok
  } catch (e) {
    return false
  }
}

test('live: the department list and a department\'s schedule come from the running stack', async (t) => {
  if (!(await reachable())) return t.skip(`the stack is not reachable at ${BASE}`)
  const wx = h.install({ live: true, apiBase: BASE })
  const expected = await (await fetch(`${BASE}/api/scheduling/departments`)).json()
  assert.ok(Array.isArray(expected) && expected.length > 0, 'the stack has bookable departments')

  const departments = await h.openPage('departments')
  await h.waitFor(() => !departments.data.loading, { timeout: 10000, what: 'departments loaded' })
  assert.equal(departments.data.error, '')
  const shown = departments.data.campuses.flatMap((c) => c.departments)
  assert.deepEqual(shown.map((d) => d.id).sort(), expected.map((d) => d.id).sort())
  for (const d of expected) assert.ok(departments.querySelector(`#department-${d.id}`), `${d.name} is listed`)

  const first = expected[0]
  const slots = await h.openPage('slots', { departmentId: first.id, name: encodeURIComponent(first.name) })
  await h.waitFor(() => !slots.data.loading, { timeout: 10000, what: 'schedule loaded' })
  assert.equal(slots.data.error, '')
  assert.equal(slots.data.days.length, 14, 'the 14-day schedule')
  assert.deepEqual(wx.requests.map((r) => r.path), ['/api/scheduling/departments', '/api/scheduling/schedule'])
})

test('live: a refused request shows the stack\'s Chinese problem detail', async (t) => {
  if (!(await reachable())) return t.skip(`the stack is not reachable at ${BASE}`)
  h.install({ live: true, apiBase: BASE })
  const slots = await h.openPage('slots', { departmentId: 'not-a-department' })
  await h.waitFor(() => !slots.data.loading, { timeout: 10000, what: 'answer' })
  assert.match(slots.data.error, /[\u4e00-\u9fa5]/, 'the error is in Chinese')
})
