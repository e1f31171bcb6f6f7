import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  consultationApi, doctorConsultationApi, followUpCard, lastSeq, mergeMessages, parseCard, pharmacistPrescriptionApi, pushFor,
  receiptText, timeLeftText, FOLLOW_UP_TEMPLATES,
} from '../shared/consultation.js'

test('messages merge by number: no duplicates after a reconnection, newer read receipts win, order kept', () => {
  const held = [{ seq: 1, text: 'a', readByOther: false }, { seq: 2, text: 'b', readByOther: false }]
  const merged = mergeMessages(held, [{ seq: 3, text: 'c' }, { seq: 2, text: 'b', readByOther: true }])
  assert.deepEqual(merged.map((m) => m.seq), [1, 2, 3])
  assert.equal(merged[1].readByOther, true)
  assert.equal(lastSeq(merged), 3)
  assert.equal(lastSeq([]), 0)
})

test('a push concerns only its own consultation', () => {
  assert.equal(pushFor('c1', { consultationId: 'c2', change: 'message', seq: 4 }), null)
  assert.deepEqual(pushFor('c1', { consultationId: 'c1', change: 'message', status: 'in-progress', seq: 4 }),
    { change: 'message', status: 'in-progress', seq: 4 })
})

test('read receipts show under one\'s own messages only', () => {
  assert.equal(receiptText({ sender: 'patient', readByOther: true }, 'patient'), '已读')
  assert.equal(receiptText({ sender: 'patient', readByOther: false }, 'patient'), '未读')
  assert.equal(receiptText({ sender: 'doctor', readByOther: false }, 'patient'), '')
  assert.equal(receiptText({ sender: 'system' }, 'doctor'), '')
})

test('time left reads in hours and minutes and disappears when over', () => {
  const now = Date.parse('2026-12-07T00:00:00Z')
  assert.equal(timeLeftText('2026-12-08T01:30:00Z', now), '剩余 25小时30分')
  assert.equal(timeLeftText('2026-12-07T00:10:00Z', now), '剩余 10分钟')
  assert.equal(timeLeftText('2026-12-06T00:00:00Z', now), '')
  assert.equal(timeLeftText(null, now), '')
})

test('a follow-up plan card round-trips and junk is not a card', () => {
  const card = parseCard(followUpCard(FOLLOW_UP_TEMPLATES[0]))
  assert.equal(card.title, '高血压随访')
  assert.ok(card.items.length > 0)
  assert.equal(parseCard('not json'), null)
  assert.equal(parseCard('{"title":"x"}'), null)
})

test('the api escapes ids and sends what the service expects', async () => {
  const calls = []
  const raw = {
    get: async (url) => calls.push(['GET', url]),
    post: async (url, body) => calls.push(['POST', url, body]),
    put: async (url, body) => calls.push(['PUT', url, body]),
    upload: async (url, form) => calls.push(['UPLOAD', url, form.get('consultationId')]),
  }
  const c = consultationApi(raw)
  await c.doctors('followup', 'n/k')
  await c.messages('a/b', 7)
  await c.read('id1', 3)
  await c.upload(new Blob(['x']), 'c9')
  await c.eligibility('p1', 'd1')
  await doctorConsultationApi(raw).end('c1', '小结')
  await pharmacistPrescriptionApi(raw).approve('r/1', '通过')
  assert.deepEqual(calls, [
    ['GET', '/api/consultation/doctors?kind=followup&department=n%2Fk'],
    ['GET', '/api/consultation/consultations/a%2Fb/messages?after=7'],
    ['POST', '/api/consultation/consultations/id1/read', { seq: 3 }],
    ['UPLOAD', '/api/consultation/media', 'c9'],
    ['POST', '/api/consultation/followups/eligibility', { patientId: 'p1', practitionerId: 'd1', urgent: false }],
    ['POST', '/api/consultation/doctor/consultations/c1/end', { summary: '小结' }],
    ['POST', '/api/consultation/pharmacist/prescriptions/r%2F1/approve', { note: '通过' }],
  ])
})
