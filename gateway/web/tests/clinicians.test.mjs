import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cliniciansApi, linkedElsewhere, practitionerLabel, roleLabel } from '../shared/clinicians.js'

test('practitioners read as name, title, departments and staff number', () => {
  assert.equal(
    practitionerLabel({ name: '贾磊鑫', title: '主任医师', departments: ['心血管内科'], staffNumber: 'D1029' }),
    '贾磊鑫 · 主任医师 · 心血管内科（D1029）',
  )
  assert.equal(practitionerLabel(null, 'prac-777'), 'prac-777（HIS 医生名录暂无此人）')
  assert.equal(practitionerLabel(null, null), '')
  assert.equal(roleLabel('pharmacist'), '药师')
})

test('a practitioner held by another account is flagged', () => {
  assert.equal(linkedElsewhere({ linkedAccountId: 'a' }, 'b'), true)
  assert.equal(linkedElsewhere({ linkedAccountId: 'a' }, 'a'), false)
  assert.equal(linkedElsewhere({ linkedAccountId: null }, 'a'), false)
})

test('the API calls the admin endpoints', async () => {
  const calls = []
  const api = {
    get: async (path) => calls.push(['GET', path]),
    put: async (path, json) => calls.push(['PUT', path, json]),
  }
  const c = cliniciansApi(api)
  await c.list(' 贾 ')
  await c.searchPractitioners('')
  await c.link('acc', 'prac-029')
  await c.link('acc', null)
  assert.deepEqual(calls, [
    ['GET', `/api/identity/admin/clinicians?q=${encodeURIComponent('贾')}`],
    ['GET', '/api/identity/admin/practitioners'],
    ['PUT', '/api/identity/admin/clinicians/acc/practitioner', { practitionerId: 'prac-029' }],
    ['PUT', '/api/identity/admin/clinicians/acc/practitioner', { practitionerId: null }],
  ])
})
