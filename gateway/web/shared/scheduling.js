// Scheduling service (预约挂号): API calls and the display rules the patient H5 and the admin console share.
// Contract: /api/scheduling (campuses, departments, schedule, slots, appointments, admin sessions and bookings,
// 加诊 requests, exam rooms' 设备故障).
const base = '/api/scheduling'

function query(params) {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''))
  return search.size ? `?${search}` : ''
}

const id = (value) => encodeURIComponent(value)

export function schedulingApi(api) {
  return {
    campuses: () => api.get(`${base}/campuses`, { anonymous: true }),
    departments: (campus) => api.get(`${base}/departments${query({ campus })}`, { anonymous: true }),
    doctors: (departmentId) => api.get(`${base}/doctors${query({ departmentId })}`, { anonymous: true }),
    schedule: (departmentId, days = 14) => api.get(`${base}/schedule${query({ departmentId, days })}`, { anonymous: true }),
    slots: ({ departmentId, doctorId, date, sessionId }) =>
      api.get(`${base}/slots${query({ departmentId, doctorId, date, sessionId })}`, { anonymous: true }),
    book: ({ slotId, patientId }, idempotencyKey) =>
      api.post(`${base}/appointments`, { slotId, patientId }, { headers: { 'Idempotency-Key': idempotencyKey } }),
    appointments: () => api.get(`${base}/appointments`),
    appointment: (appointmentId) => api.get(`${base}/appointments/${id(appointmentId)}`),
    cancel: (appointmentId, reason) => api.post(`${base}/appointments/${id(appointmentId)}/cancel`, reason ? { reason } : {}),
    reschedule: (appointmentId, slotId, idempotencyKey) =>
      api.post(`${base}/appointments/${id(appointmentId)}/reschedule`, { slotId }, { headers: { 'Idempotency-Key': idempotencyKey } }),
    offers: () => api.get(`${base}/offers`),
    offer: (offerId) => api.get(`${base}/offers/${id(offerId)}`),
    acceptOffer: (offerId) => api.post(`${base}/offers/${id(offerId)}/accept`, {}),
    declineOffer: (offerId) => api.post(`${base}/offers/${id(offerId)}/decline`, {}),
    joinWaitlist: ({ sessionId, patientId }) => api.post(`${base}/waitlist`, { sessionId, patientId }),
    waitlist: () => api.get(`${base}/waitlist`),
    leaveWaitlist: (entryId) => api.delete(`${base}/waitlist/${id(entryId)}`),
    examOrders: (patientId) => api.get(`${base}/exams/orders${query({ patientId })}`),
    examSlots: (orderId, date) => api.get(`${base}/exams/orders/${id(orderId)}/slots${query({ date })}`),
    bookExam: (orderId, slotId, idempotencyKey) =>
      api.post(`${base}/exams/orders/${id(orderId)}/appointments`, { slotId }, { headers: { 'Idempotency-Key': idempotencyKey } }),
    examPlan: (patientId) => api.get(`${base}/exams/plan${query({ patientId })}`),
    examAppointments: (patientId) => api.get(`${base}/exams/appointments${query({ patientId })}`),
    cancelExam: (appointmentId) => api.post(`${base}/exams/appointments/${id(appointmentId)}/cancel`, {}),
    examOffers: (patientId) => api.get(`${base}/exams/offers${query({ patientId })}`),
    acceptExamOffer: (offerId) => api.post(`${base}/exams/offers/${id(offerId)}/accept`, {}),
    declineExamOffer: (offerId) => api.post(`${base}/exams/offers/${id(offerId)}/decline`, {}),
    adminSessions: ({ date, departmentId }) => api.get(`${base}/admin/sessions${query({ date, departmentId })}`),
    adminBookings: ({ date, departmentId }) => api.get(`${base}/admin/bookings${query({ date, departmentId })}`),
    stopSession: (sessionId, reason) => api.post(`${base}/admin/sessions/${id(sessionId)}/stop`, { reason }),
    limitSession: (sessionId, remaining, reason) => api.post(`${base}/admin/sessions/${id(sessionId)}/limit`, { remaining, reason }),
    adminSessionRequests: ({ date, departmentId }) => api.get(`${base}/admin/session-requests${query({ date, departmentId })}`),
    addSession: ({ doctorId, departmentId, date, period, units }) =>
      api.post(`${base}/admin/sessions`, { doctorId, departmentId, date, period, units }),
    adminExamRooms: ({ date }) => api.get(`${base}/admin/exam-rooms${query({ date })}`),
    startOutage: (roomId, { from, to, reason }) => api.post(`${base}/admin/exam-rooms/${id(roomId)}/outage`, { from, to, reason }),
    endOutage: (roomId, outageId) => api.post(`${base}/admin/exam-rooms/${id(roomId)}/outage/${id(outageId)}/end`, {}),
  }
}

export const STATUS_TEXT = Object.freeze({
  locking: '锁号中',
  awaitingPayment: '待支付',
  booked: '已预约',
  failed: '预约失败',
  cancelled: '已取消',
  expired: '已过期',
})

export const SESSION_STATUS_TEXT = Object.freeze({
  open: '可预约',
  full: '已约满',
  stopped: '停诊',
  notReleased: '未放号',
  past: '已过时',
  limited: '限号',
})

export const PERIOD_TEXT = Object.freeze({ AM: '上午', PM: '下午' })

export function statusText(status) {
  return STATUS_TEXT[status] ?? status ?? ''
}

// 元 from integer fen: 2500 → "25.00 元".
export function yuan(fen) {
  if (typeof fen !== 'number' || !Number.isFinite(fen)) return ''
  return `${(fen / 100).toFixed(2)} 元`
}

const SHANGHAI = 'Asia/Shanghai'
const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: SHANGHAI, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
})

// { date: 'YYYY-MM-DD', time: 'HH:mm' } of an instant in China Standard Time.
export function shanghaiParts(value) {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return { date: '', time: '' }
  const p = Object.fromEntries(partsFormat.formatToParts(date).map((x) => [x.type, x.value]))
  const hour = p.hour === '24' ? '00' : p.hour
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${hour}:${p.minute}` }
}

export function shanghaiToday(now = new Date()) {
  return shanghaiParts(now).date
}

export function timeRange(startsAt, endsAt) {
  return `${shanghaiParts(startsAt).time}–${shanghaiParts(endsAt).time}`
}

export function windowMinutes(slot) {
  return Math.round((new Date(slot.endsAt) - new Date(slot.startsAt)) / 60000)
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

function addDays(isoDate, days) {
  const d = new Date(`${isoDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

// What the date strip shows for a day: 今天/明天/周X and M/D.
export function dayLabel(isoDate, today = shanghaiToday()) {
  const [, month, day] = isoDate.split('-').map(Number)
  const weekday = WEEKDAYS[new Date(`${isoDate}T00:00:00Z`).getUTCDay()]
  const name = isoDate === today ? '今天' : isoDate === addDays(today, 1) ? '明天' : weekday
  return { name, weekday, short: `${month}/${day}`, long: `${month}月${day}日 ${weekday}` }
}

// 「07:00 放号」 for a day not released yet (day d+7 opens at 07:00 of day d); releaseHint says which day.
export function releaseText(day, releaseTime = '07:00') {
  if (day.released) return ''
  return `${day.releasesAt ? shanghaiParts(day.releasesAt).time : releaseTime} 放号`
}

export function releaseHint(day, releaseTime = '07:00') {
  if (day.released) return ''
  const { date, time } = day.releasesAt ? shanghaiParts(day.releasesAt) : { date: addDays(day.date, -7), time: releaseTime }
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日 ${time} 开放预约`
}

export function daySummary(day) {
  if (!day.released) return 'notReleased'
  const sessions = day.sessions ?? []
  if (!sessions.length) return 'none'
  if (sessions.some((s) => s.status === 'open' && s.remaining > 0)) return 'open'
  if (sessions.every((s) => s.status === 'stopped')) return 'stopped'
  return 'full'
}

// The booking progress as steps: 锁号中 → (待支付) → 已预约, or ending in 预约失败 / 已取消 / 已过期.
export function progressSteps(appointment) {
  if (!appointment) return []
  const seen = new Set((appointment.steps ?? []).map((s) => s.status))
  seen.add(appointment.status)
  const at = (status) => [...(appointment.steps ?? [])].reverse().find((s) => s.status === status)?.at ?? null
  const path = ['locking']
  if (seen.has('awaitingPayment')) path.push('awaitingPayment')
  const ending = ['failed', 'cancelled', 'expired'].find((s) => s === appointment.status)
  if (seen.has('booked') || !ending) path.push('booked')
  if (ending) path.push(ending)
  const currentIndex = path.indexOf(appointment.status)
  return path.map((status, index) => ({
    status,
    title: STATUS_TEXT[status],
    at: at(status),
    state: index < currentIndex ? 'done' : index === currentIndex ? (ending ? 'failed' : status === 'booked' ? 'done' : 'current') : 'todo',
  }))
}

// 「已于 12-06 18:00 提醒」 once the day-before reminder went out (hospital time); '' before.
export function remindedText(remindedAt) {
  if (!remindedAt) return ''
  const { date, time } = shanghaiParts(remindedAt)
  return date ? `已于 ${date.slice(5)} ${time} 提醒` : ''
}

export function isFinal(status) {
  return ['booked', 'failed', 'cancelled', 'expired'].includes(status)
}

export function newIdempotencyKey() {
  if (globalThis.crypto?.randomUUID) return globalThis.crypto.randomUUID()
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}

const KEY_PREFIX = 'platform.booking.key.'

// One Idempotency-Key per attempt (slot + patient), kept in sessionStorage so a retry after a lost answer or a
// reload of the confirm page sends the same key and gets the first answer back instead of a second booking.
export function attemptKey(scope, storage = globalThis.sessionStorage) {
  const name = KEY_PREFIX + scope
  try {
    const existing = storage?.getItem(name)
    if (existing) return existing
    const key = newIdempotencyKey()
    storage?.setItem(name, key)
    return key
  } catch {
    return newIdempotencyKey()
  }
}

export function forgetAttemptKey(scope, storage = globalThis.sessionStorage) {
  try {
    storage?.removeItem(KEY_PREFIX + scope)
  } catch {
    // storage disabled: nothing was kept
  }
}

// What a refused booking means to the patient, by the contract's stable codes.
export const BOOKING_ERRORS = Object.freeze({
  slot_full: '该时段已约满，请选择其他时段',
  slot_closed: '该时段已停诊或限号，请选择其他时段',
  slot_past: '该时段已过，请选择其他时段',
  slot_not_released: '该日号源尚未开放，请在放号后预约',
  already_booked: '该就诊人当天已预约本科室，不能重复预约',
  patient_not_linked: '该就诊人不在您的就诊人列表中',
  agreement_required: '请先阅读并同意预约服务协议',
  slot_not_found: '该时段不存在或已被调整，请重新选择',
  idempotency_key_reused: '预约信息有变，请重新提交',
  time_conflict: '与已预约的检查时间重叠，请选择其他时段',
  order_closed: '该检查申请已完成或已撤销，不能预约',
  slot_not_for_order: '该时段不属于这项检查，请重新选择',
  cancel_too_late: '距就诊不足 2 小时，不能取消',
  not_cancellable: '该预约当前不能取消',
  offer_expired: '保留时间已过，该时段已释放，请重新预约',
  offer_declined: '您已放弃该时段，请重新预约',
  offer_not_found: '保留的时段不存在或已处理',
})

export function bookingErrorMessage(error) {
  return error?.problem?.detail || BOOKING_ERRORS[error?.code] || error?.problem?.title || error?.message || '预约失败，请稍后重试'
}

// 「还剩 1小时59分」 / 「还剩 04:59」 until an offer's hold ends; '' once it has.
export function countdownText(holdUntil, now = Date.now()) {
  const left = Math.floor((new Date(holdUntil).getTime() - now) / 1000)
  if (!Number.isFinite(left) || left <= 0) return ''
  const h = Math.floor(left / 3600)
  const m = Math.floor((left % 3600) / 60)
  const s = left % 60
  return h > 0 ? `还剩 ${h}小时${m}分` : `还剩 ${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
}

// 「为您保留：12月8日 周二 09:30–10:00 CT2室」: the exam window held after 设备故障, as the exams page shows it.
export function examOfferText(offer, today = shanghaiToday()) {
  const { date } = shanghaiParts(offer.startsAt)
  if (!date) return ''
  return `为您保留：${dayLabel(date, today).long} ${timeRange(offer.startsAt, offer.endsAt)} ${offer.roomName}`
}

export const OFFER_KIND_TEXT = Object.freeze({ rebooking: '停诊改约', waitlist: '候补到号' })

// Minutes since 00:00 China Standard Time of an instant (for drawing a day's timeline).
export function shanghaiMinutes(value) {
  const [h, m] = shanghaiParts(value).time.split(':').map(Number)
  return h * 60 + m
}
