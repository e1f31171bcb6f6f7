import { test } from 'node:test'
import assert from 'node:assert/strict'
import { activeOutages, hasPending, maxUnits, outageWindow, shortcutAction } from '../shared/staffSchedule.js'
import { schedulingApi } from '../shared/scheduling.js'

test('Alt+N opens 加诊 and Alt+E 设备故障, by key position, and nothing else does', () => {
  assert.equal(shortcutAction({ altKey: true, code: 'KeyN', key: '˜' }), 'addSession')
  assert.equal(shortcutAction({ altKey: true, code: 'KeyE', key: 'e' }), 'outage')
  assert.equal(shortcutAction({ altKey: false, code: 'KeyN' }), null)
  assert.equal(shortcutAction({ altKey: true, ctrlKey: true, code: 'KeyN' }), null)
  assert.equal(shortcutAction({ altKey: true, shiftKey: true, code: 'KeyE' }), null)
  assert.equal(shortcutAction({ altKey: true, code: 'KeyX' }), null)
  assert.equal(shortcutAction(undefined), null)
})

test('an added session holds as many units as its half-day fits in the department\'s slot length', () => {
  assert.equal(maxUnits('AM', 15), 16)
  assert.equal(maxUnits('PM', 15), 14)
  assert.equal(maxUnits('PM', 30), 7)
  assert.equal(maxUnits('night', 15), 0)
  assert.equal(maxUnits('AM', 0), 0)
})

test('the page keeps refreshing while a 加诊 waits for the HIS or for its slots', () => {
  assert.equal(hasPending([{ status: 'refused' }, { status: 'created', sessionId: 's1' }]), false)
  assert.equal(hasPending([{ status: 'pending' }]), true)
  assert.equal(hasPending([{ status: 'created', sessionId: null }]), true)
  assert.equal(hasPending(undefined), false)
  // The session the HIS created is not in a sessions answer read just before it came in: ask again.
  assert.equal(hasPending([{ status: 'created', sessionId: 's1' }], [{ id: 's0' }]), true)
  assert.equal(hasPending([{ status: 'created', sessionId: 's1' }], [{ id: 's0' }, { id: 's1' }]), false)
  assert.equal(hasPending([{ status: 'refused' }], []), false)
})

test('an outage window is two times of one day in China Standard Time, ending after it starts and in the future', () => {
  const now = new Date('2026-12-07T00:00:00Z') // 08:00 in Shanghai
  assert.deepEqual(outageWindow('2026-12-07', '09:00', '11:30', now), { from: '2026-12-07T09:00:00+08:00', to: '2026-12-07T11:30:00+08:00' })
  assert.equal(outageWindow('2026-12-07', '07:00', '07:30', now).error, '预计恢复时间已过，无需登记故障')
  assert.equal(outageWindow('2026-12-07', '11:00', '09:00', now).error, '预计恢复时间应晚于故障开始时间')
  assert.equal(outageWindow('2026-12-07', '9点', '11:00', now).error, '请填写开始和预计恢复时间（时:分）')
  assert.equal(outageWindow('', '09:00', '11:00', now).error, '请选择故障日期')
})

test('only outages not ended and not over are in force', () => {
  const now = new Date('2026-12-07T02:00:00Z')
  const room = {
    outages: [
      { id: 'a', to: '2026-12-07T03:00:00Z', endedAt: null },
      { id: 'b', to: '2026-12-07T03:00:00Z', endedAt: '2026-12-07T01:00:00Z' },
      { id: 'c', to: '2026-12-07T01:00:00Z', endedAt: null },
    ],
  }
  assert.deepEqual(activeOutages(room, now).map((o) => o.id), ['a'])
  assert.deepEqual(activeOutages({}, now), [])
})

test('the staff calls go to the admin routes with ids escaped', async () => {
  const calls = []
  const api = { get: async (url) => calls.push(['GET', url]), post: async (url, body) => calls.push(['POST', url, body]) }
  const s = schedulingApi(api)
  await s.addSession({ doctorId: 'd1', date: '2026-12-08', period: 'PM', units: 4 })
  await s.adminSessionRequests({ date: '2026-12-08' })
  await s.adminExamRooms({ date: '2026-12-08' })
  await s.startOutage('r/1', { from: 'a', to: 'b', reason: '故障' })
  await s.endOutage('r1', 'o 1')
  assert.deepEqual(calls, [
    ['POST', '/api/scheduling/admin/sessions', { doctorId: 'd1', departmentId: undefined, date: '2026-12-08', period: 'PM', units: 4 }],
    ['GET', '/api/scheduling/admin/session-requests?date=2026-12-08'],
    ['GET', '/api/scheduling/admin/exam-rooms?date=2026-12-08'],
    ['POST', '/api/scheduling/admin/exam-rooms/r%2F1/outage', { from: 'a', to: 'b', reason: '故障' }],
    ['POST', '/api/scheduling/admin/exam-rooms/r1/outage/o%201/end', {}],
  ])
})
