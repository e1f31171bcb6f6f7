import { test } from 'node:test'
import assert from 'node:assert/strict'
import { answerText, answersToSave, conditionTerms, followUpAdminApi, followUpApi, missingRequired, photoProblem, scoreSeries, shrunkSize, valuesFromAnswers } from '../shared/followup.js'

const items = [
  { linkId: 'overall', type: 'rating', required: true },
  { linkId: 'wait', type: 'choice' },
  { linkId: 'good', type: 'multiple' },
  { linkId: 'nps', type: 'nps' },
  { linkId: 'advice', type: 'text' },
]

test('only the questions answered are saved, so a half-filled survey saves what was given', () => {
  const values = { overall: null, wait: '半小时内', good: [], nps: 0, advice: '  ' }
  assert.deepEqual(answersToSave(items, values), [
    { linkId: 'wait', choices: ['半小时内'] },
    { linkId: 'nps', number: 0 },
  ])
  assert.deepEqual(missingRequired(items, values).map((i) => i.linkId), ['overall'])
})

test('saved answers fill the form again', () => {
  const values = valuesFromAnswers(items, [{ linkId: 'overall', number: 4 }, { linkId: 'good', choices: ['医生'] }, { linkId: 'advice', text: '好' }])
  assert.deepEqual(values, { overall: 4, wait: '', good: ['医生'], nps: null, advice: '好' })
  assert.deepEqual(answersToSave(items, values).map((a) => a.linkId), ['overall', 'good', 'advice'])
  assert.equal(missingRequired(items, values).length, 0)
})

test('photos must be small images', () => {
  assert.equal(photoProblem({ type: 'image/png', size: 1000 }), '')
  assert.match(photoProblem({ type: 'image/svg+xml', size: 10 }), /JPG/)
  assert.equal(photoProblem({ type: 'image/jpeg', size: 6 * 1024 * 1024 }), '')
  assert.match(photoProblem({ type: 'image/jpeg', size: 30 * 1024 * 1024 }), /太大/)
  assert.match(photoProblem({ type: 'image/jpeg', size: 10 }, 4), /最多/)
})

test('photos are shrunk to 1600 px on the longer side and never enlarged', () => {
  assert.deepEqual(shrunkSize(4032, 3024), { width: 1600, height: 1200 })
  assert.deepEqual(shrunkSize(3024, 4032), { width: 1200, height: 1600 })
  assert.deepEqual(shrunkSize(800, 600), { width: 800, height: 600 })
})

test('the api escapes ids and sends answers with the submit flag', async () => {
  const calls = []
  const api = { get: async (url) => calls.push(url), put: async (url, body) => calls.push([url, body]), post: async (url, body) => calls.push([url, body]), getBlob: async (url) => calls.push(url) }
  const f = followUpApi(api)
  await f.surveys('a/b')
  await f.saveAnswers('s?1', [{ linkId: 'x', number: 1 }], true)
  await f.rate('c 1', 5, '好')
  assert.deepEqual(calls, [
    '/api/followup/patients/a%2Fb/surveys',
    ['/api/followup/surveys/s%3F1/answers', { answers: [{ linkId: 'x', number: 1 }], submit: true }],
    ['/api/followup/complaints/c%201/rating', { rating: 5, comment: '好' }],
  ])
  const admin = followUpAdminApi({ get: async (url) => url })
  assert.equal(await admin.complaints('routed', '医务部'), '/api/followup/admin/complaints?status=routed&group=%E5%8C%BB%E5%8A%A1%E9%83%A8')
  assert.equal(await admin.complaints(), '/api/followup/admin/complaints')
})

test('score series have one line per department with gaps for silent weeks', () => {
  const { weeks, series } = scoreSeries([
    { department: '心内科', week: '2026-W48', averageRating: 4.5 },
    { department: '眼科', week: '2026-W49', averageRating: 3 },
  ])
  assert.deepEqual(weeks, ['2026-W48', '2026-W49'])
  assert.deepEqual(series, [{ name: '心内科', data: [4.5, null] }, { name: '眼科', data: [null, 3] }])
})

test('answers read as staff see them', () => {
  assert.equal(answerText({ type: 'rating' }, { linkId: 'a', number: 4, choices: [] }), '4 星')
  assert.equal(answerText({ type: 'number' }, { linkId: 'a', number: 8, choices: [] }), '8')
  assert.equal(answerText({ type: 'multiple' }, { linkId: 'a', choices: ['医生', '护士'] }), '医生、护士')
  assert.equal(answerText({ type: 'text' }, undefined), '未答')
})

test('a study\'s diagnoses are kept trimmed, without blanks or repeats, codes compared without case', () => {
  assert.deepEqual(conditionTerms(' E11 , 2型糖尿病、e11\n\n；E10.9 '), ['E11', '2型糖尿病', 'E10.9'])
  assert.deepEqual(conditionTerms(''), [])
  assert.deepEqual(conditionTerms(undefined), [])
})

test('the department assignments are the office\'s API under /staff', async () => {
  const calls = []
  const record = (method) => async (url, body) => { calls.push([method, url, body]); return url }
  const admin = followUpAdminApi({ get: record('GET'), post: record('POST'), put: record('PUT'), delete: record('DELETE') })
  await admin.myDesk()
  await admin.claimComplaintsOffice()
  await admin.staffMembers()
  const account = '0192d3e4-5f60-7a8b-9c0d-1e2f3a4b5c6d'
  await admin.putStaffMember(account, { name: '张干事', departments: ['医务部'], complaintsOffice: false })
  await admin.deleteStaffMember(account)
  assert.deepEqual(calls.map(([m, u]) => `${m} ${u}`), [
    'GET /api/followup/admin/staff/me',
    'POST /api/followup/admin/staff/me/complaints-office',
    'GET /api/followup/admin/staff',
    `PUT /api/followup/admin/staff/${account}`,
    `DELETE /api/followup/admin/staff/${account}`,
  ])
  assert.deepEqual(calls[3][2].departments, ['医务部'])
})
