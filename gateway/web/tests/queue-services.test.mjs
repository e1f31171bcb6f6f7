import { test } from 'node:test'
import assert from 'node:assert/strict'
import { healthCardRefreshMs, queueApi, roomStatusText, serviceKindsFor } from '../shared/queue.js'

function recordingApi() {
  const calls = []
  const api = {
    get: (url, options) => { calls.push(['get', url, options]); return Promise.resolve(null) },
    post: (url, body) => { calls.push(['post', url, body]); return Promise.resolve(null) },
  }
  return { api, calls }
}

test('desks ask for their kind of queue; the health card and kiosk use their own endpoints', async () => {
  const { api, calls } = recordingApi()
  const queue = queueApi(api)
  await queue.today()
  await queue.today({ mine: true })
  await queue.today({ kind: 'pharmacy' })
  await queue.healthCard('p 1')
  await queue.kioskCheckIn('HC1.a.b')
  assert.deepEqual(calls.map((c) => c[1]), [
    '/api/queue/queues', '/api/queue/queues?mine=true', '/api/queue/queues?kind=pharmacy',
    '/api/queue/health-card?patientId=p%201', '/api/queue/kiosk/check-ins',
  ])
  assert.deepEqual(calls[4][2], { code: 'HC1.a.b' })
})

test('pharmacists get the pick-up windows only; staff every service queue', () => {
  assert.deepEqual(serviceKindsFor(['pharmacist']).map((k) => k.kind), ['pharmacy'])
  assert.deepEqual(serviceKindsFor(['staff']).map((k) => k.kind), ['exam', 'blood', 'pharmacy'])
  assert.deepEqual(serviceKindsFor(['patient']), [])
})

test('the health card refreshes before its code lapses', () => {
  const now = Date.parse('2026-12-07T08:00:00Z')
  const card = { expiresAt: '2026-12-07T08:02:00Z', refreshAfterSeconds: 90 }
  assert.equal(healthCardRefreshMs(card, now), 90000)
  assert.equal(healthCardRefreshMs({ ...card, refreshAfterSeconds: 200 }, now), 105000)
  assert.equal(healthCardRefreshMs({ ...card, expiresAt: '2026-12-07T08:00:05Z' }, now), 5000)
})

test('room status shows numbers and counts, never a name', () => {
  const room = { name: 'CT室', callingNumber: 4, waitingCount: 3, checkedInToday: 7, bookedToday: 12 }
  assert.equal(roomStatusText(room, 'exam'), '正在叫 4 号，已报到 7 人，候检 3 人，今日预约 12 人')
  assert.equal(roomStatusText({ ...room, callingNumber: null }, 'pharmacy'), '暂未叫号，待取药 3 人')
})

test('the wait text names the place of each kind of queue', async () => {
  const { waitText } = await import('../shared/queue.js')
  assert.equal(waitText({ kind: 'pharmacy', status: 'called', location: '西药房3号窗口' }), '已叫到您的取药号，请立即到西药房3号窗口取药')
  assert.equal(waitText({ kind: 'blood', status: 'called' }), '已叫到您，请立即到采血窗口')
  assert.equal(waitText({ kind: 'exam', status: 'waiting', peopleAhead: 0 }), '下一位就是您，请在检查室门口等候')
  assert.equal(waitText({ kind: 'clinic', status: 'called' }), '已叫到您，请立即到诊室就诊')
})
