// The admin console's 加诊 and 设备故障 rules: keyboard shortcuts, when to keep refreshing, and the outage window in
// China Standard Time. Pure functions, so the page stays thin and node --test covers them.

// Alt+N 加诊, Alt+E 设备故障. event.code, not event.key: Alt+letter types other characters on some layouts (macOS).
export const SHORTCUTS = Object.freeze({ KeyN: 'addSession', KeyE: 'outage' })

export function shortcutAction(event) {
  if (!event?.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null
  return SHORTCUTS[event.code] ?? null
}

// The hospital's half-days as its timetable has them; an added session fills its period from the start.
export const PERIOD_HOURS = Object.freeze({ AM: { start: '08:00', end: '12:00' }, PM: { start: '14:00', end: '17:30' } })

const minutesOf = (hhmm) => {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 60 + m
}

export function maxUnits(period, slotMinutes) {
  const hours = PERIOD_HOURS[period]
  if (!hours || !(slotMinutes > 0)) return 0
  return Math.floor((minutesOf(hours.end) - minutesOf(hours.start)) / slotMinutes)
}

export const REQUEST_STATUS_TAG = Object.freeze({ pending: 'warning', created: 'success', refused: 'danger' })

// While the HIS has not answered a 加诊, or its session is not yet in the loaded list, the page asks again every few
// seconds. The requests and the sessions are two calls answered side by side: the session can come in between them, so
// a request may already name a session that the sessions answer, read a moment earlier, does not have.
export function hasPending(requests, sessions) {
  const loaded = new Set((sessions ?? []).map((s) => s.id))
  return (requests ?? []).some((r) => r.status === 'pending'
    || (r.status === 'created' && (!r.sessionId || (sessions !== undefined && !loaded.has(r.sessionId)))))
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/

// A date (YYYY-MM-DD) and two times (HH:mm, Asia/Shanghai) to the API's window, or the reason it is not one.
export function outageWindow(date, from, to, now = new Date()) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? '')) return { error: '请选择故障日期' }
  if (!HHMM.test(from ?? '') || !HHMM.test(to ?? '')) return { error: '请填写开始和预计恢复时间（时:分）' }
  if (minutesOf(to) <= minutesOf(from)) return { error: '预计恢复时间应晚于故障开始时间' }
  const window = { from: `${date}T${from}:00+08:00`, to: `${date}T${to}:00+08:00` }
  if (new Date(window.to) <= now) return { error: '预计恢复时间已过，无需登记故障' }
  return window
}

// Outages still in force: not ended, and not yet over.
export function activeOutages(room, now = new Date()) {
  return (room?.outages ?? []).filter((o) => !o.endedAt && new Date(o.to) > now)
}
