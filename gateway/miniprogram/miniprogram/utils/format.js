// Display rules in China Standard Time (UTC+8, no daylight saving), computed by hand: the mini-program's JS engine on
// older phones lacks full Intl time-zone data.
const OFFSET_MS = 8 * 3600 * 1000
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

const pad = (n) => String(n).padStart(2, '0')

function parts(value) {
  const t = new Date(value).getTime()
  if (!Number.isFinite(t)) return null
  const d = new Date(t + OFFSET_MS)
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    weekday: WEEKDAYS[d.getUTCDay()],
  }
}

function time(value) {
  const p = parts(value)
  return p ? p.time : ''
}

function dateTime(value) {
  const p = parts(value)
  return p ? `${p.date.slice(5)} ${p.weekday} ${p.time}` : ''
}

function timeRange(startsAt, endsAt) {
  return `${time(startsAt)}–${time(endsAt)}`
}

function dayLabel(isoDate) {
  const p = parts(`${isoDate}T00:00:00+08:00`)
  return p ? `${isoDate.slice(5).replace('-', '/')} ${p.weekday}` : isoDate
}

function yuan(fen) {
  return typeof fen === 'number' && Number.isFinite(fen) ? `${(fen / 100).toFixed(2)} 元` : ''
}

const PERIOD_TEXT = { AM: '上午', PM: '下午' }

const STATUS_TEXT = {
  locking: '锁号中', awaitingPayment: '待支付', booked: '已预约', failed: '预约失败', cancelled: '已取消', expired: '已过期',
}

const BOOKING_ERRORS = {
  slot_full: '该时段已约满，请选择其他时段',
  slot_closed: '该时段已停诊或限号，请选择其他时段',
  slot_past: '该时段已过，请选择其他时段',
  already_booked: '该就诊人当天已预约本科室，不能重复预约',
  patient_not_linked: '该就诊人不在您的就诊人列表中',
}

function isFinal(status) {
  return ['booked', 'failed', 'cancelled', 'expired'].indexOf(status) >= 0
}

function newIdempotencyKey() {
  return `mp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}

module.exports = { parts, time, dateTime, timeRange, dayLabel, yuan, PERIOD_TEXT, STATUS_TEXT, BOOKING_ERRORS, isFinal, newIdempotencyKey }
