import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  attemptKey, bookingErrorMessage, dayLabel, daySummary, forgetAttemptKey, progressSteps, releaseHint, releaseText, remindedText,
  schedulingApi, shanghaiParts, timeRange, windowMinutes, yuan,
} from '../shared/scheduling.js'
import { ApiError } from '../shared/problem.js'

test('fees are shown in 元 from integer fen', () => {
  assert.equal(yuan(2500), '25.00 元')
  assert.equal(yuan(1250), '12.50 元')
  assert.equal(yuan(0), '0.00 元')
  assert.equal(yuan(undefined), '')
})

test('times are shown in China Standard Time', () => {
  assert.deepEqual(shanghaiParts('2026-12-07T00:15:00Z'), { date: '2026-12-07', time: '08:15' })
  assert.deepEqual(shanghaiParts('2026-12-06T16:00:00Z'), { date: '2026-12-07', time: '00:00' })
  assert.equal(timeRange('2026-12-07T00:00:00Z', '2026-12-07T00:30:00Z'), '08:00–08:30')
  assert.equal(windowMinutes({ startsAt: '2026-12-07T00:00:00Z', endsAt: '2026-12-07T00:15:00Z' }), 15)
})

test('the date strip names today, tomorrow and weekdays, and days not released show 07:00 放号', () => {
  assert.equal(dayLabel('2026-12-07', '2026-12-07').name, '今天')
  assert.equal(dayLabel('2026-12-08', '2026-12-07').name, '明天')
  assert.equal(dayLabel('2026-12-09', '2026-12-07').name, '周三')
  assert.equal(dayLabel('2026-12-09', '2026-12-07').short, '12/9')
  const day = { date: '2026-12-15', released: false, releasesAt: '2026-12-07T23:00:00Z', sessions: [] }
  assert.equal(releaseText(day), '07:00 放号')
  assert.equal(releaseHint(day), '12月8日 07:00 开放预约')
  assert.equal(releaseText({ date: '2026-12-15', released: false }), '07:00 放号')
  assert.equal(releaseText({ date: '2026-12-08', released: true }), '')
  assert.equal(daySummary(day), 'notReleased')
  assert.equal(daySummary({ released: true, sessions: [{ status: 'full', remaining: 0 }, { status: 'open', remaining: 2 }] }), 'open')
  assert.equal(daySummary({ released: true, sessions: [{ status: 'stopped', remaining: 3 }] }), 'stopped')
  assert.equal(daySummary({ released: true, sessions: [] }), 'none')
})

test('progress runs 锁号中 → 已预约, shows 待支付 when it happened, and ends in the failure', () => {
  const states = (a) => progressSteps(a).map((s) => `${s.title}:${s.state}`)
  assert.deepEqual(states({ status: 'locking', steps: [{ status: 'locking', at: 't1' }] }), ['锁号中:current', '已预约:todo'])
  assert.deepEqual(states({ status: 'booked', steps: [{ status: 'locking' }, { status: 'booked' }] }), ['锁号中:done', '已预约:done'])
  assert.deepEqual(states({ status: 'awaitingPayment', steps: [{ status: 'locking' }, { status: 'awaitingPayment' }] }),
    ['锁号中:done', '待支付:current', '已预约:todo'])
  assert.deepEqual(states({ status: 'failed', steps: [{ status: 'locking' }, { status: 'failed' }] }), ['锁号中:done', '预约失败:failed'])
  assert.deepEqual(states({ status: 'cancelled', steps: [{ status: 'locking' }, { status: 'booked' }, { status: 'cancelled' }] }),
    ['锁号中:done', '已预约:done', '已取消:failed'])
})

test('an attempt keeps its Idempotency-Key until it is forgotten', () => {
  const store = new Map()
  const storage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v), removeItem: (k) => store.delete(k) }
  const first = attemptKey('slot-1:pat-1', storage)
  assert.ok(first.length >= 8 && first.length <= 100)
  assert.equal(attemptKey('slot-1:pat-1', storage), first)
  assert.notEqual(attemptKey('slot-1:pat-2', storage), first)
  forgetAttemptKey('slot-1:pat-1', storage)
  assert.notEqual(attemptKey('slot-1:pat-1', storage), first)
})

test('booking refusals read as Chinese by their code', () => {
  assert.equal(bookingErrorMessage(new ApiError(409, { code: 'slot_full' })), '该时段已约满，请选择其他时段')
  assert.equal(bookingErrorMessage(new ApiError(409, { code: 'slot_full', detail: '服务端说明' })), '服务端说明')
})

test('booking sends the Idempotency-Key header and the JSON body', async () => {
  const calls = []
  const api = { post: (path, json, options) => calls.push({ path, json, options }) }
  await schedulingApi(api).book({ slotId: 's', patientId: 'p' }, 'key-12345678')
  assert.deepEqual(calls[0], {
    path: '/api/scheduling/appointments', json: { slotId: 's', patientId: 'p' }, options: { headers: { 'Idempotency-Key': 'key-12345678' } },
  })
})

test('an exam appointment is cancelled by its id', async () => {
  const calls = []
  const api = { post: (path, json) => calls.push({ path, json }) }
  await schedulingApi(api).cancelExam('a/1')
  assert.deepEqual(calls[0], { path: '/api/scheduling/exams/appointments/a%2F1/cancel', json: {} })
})

test('the day-before reminder reads 已于 MM-dd HH:mm 提醒 in China Standard Time', () => {
  assert.equal(remindedText('2026-12-06T10:00:30Z'), '已于 12-06 18:00 提醒')
  assert.equal(remindedText(null), '')
})

test('an offer hold counts down in hours and minutes, then minutes and seconds', async () => {
  const { countdownText } = await import('../shared/scheduling.js')
  const now = Date.parse('2026-12-07T00:00:00Z')
  assert.equal(countdownText('2026-12-07T01:59:30Z', now), '还剩 1小时59分')
  assert.equal(countdownText('2026-12-07T00:04:59Z', now), '还剩 04:59')
  assert.equal(countdownText('2026-12-06T23:59:00Z', now), '')
})

test('an exam window held after 设备故障 reads 为您保留：day, time and room in China Standard Time', async () => {
  const { examOfferText } = await import('../shared/scheduling.js')
  const offer = { startsAt: '2026-12-08T01:30:00Z', endsAt: '2026-12-08T02:00:00Z', roomName: 'CT2室' }
  assert.equal(examOfferText(offer, '2026-12-06'), '为您保留：12月8日 周二 09:30–10:00 CT2室')
  assert.equal(examOfferText(offer, '2026-12-07'), '为您保留：12月8日 周二 09:30–10:00 CT2室')
  assert.equal(examOfferText({ startsAt: 'x', endsAt: 'x', roomName: 'CT2室' }), '')
})

test('exam offers are listed per patient and accepted or declined by their id', async () => {
  const calls = []
  const api = { get: (path) => calls.push({ path }), post: (path, json) => calls.push({ path, json }) }
  const scheduling = schedulingApi(api)
  await scheduling.examOffers('p1')
  await scheduling.acceptExamOffer('o/1')
  await scheduling.declineExamOffer('o/1')
  assert.deepEqual(calls, [
    { path: '/api/scheduling/exams/offers?patientId=p1' },
    { path: '/api/scheduling/exams/offers/o%2F1/accept', json: {} },
    { path: '/api/scheduling/exams/offers/o%2F1/decline', json: {} },
  ])
})
