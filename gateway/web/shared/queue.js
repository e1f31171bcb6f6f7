// Queue (排队叫号): the patient H5's 报到 and 我的排队, the doctor workstation's 叫号. Pure helpers take plain data so
// node --test covers them without a browser.
const base = '/api/queue'

export function queueApi(api) {
  return {
    checkInOptions: (code) => api.get(`${base}/check-ins/options?code=${encodeURIComponent(code)}`),
    checkIn: ({ code, appointmentId }) => api.post(`${base}/check-ins`, { code, appointmentId }),
    mine: () => api.get(`${base}/me`),
    // `mine`: only the clinics of the doctor's own practitioner (the practitioner_id in their token).
    // `kind`: clinic (default), exam, blood or pharmacy — the staff's and pharmacists' desks ask for theirs.
    today: ({ mine = false, kind } = {}) => api.get(`${base}/queues${queryOf({ mine: mine || undefined, kind })}`),
    queue: (id) => api.get(`${base}/queues/${encodeURIComponent(id)}`),
    checkInCode: (id) => api.get(`${base}/queues/${encodeURIComponent(id)}/check-in-code`),
    act: (id, action) => api.post(`${base}/queues/${encodeURIComponent(id)}/${action}`, {}),
    // Staff hand today's clinic to another doctor (替诊) or to the one the HIS left out.
    assign: (id, practitionerId) => api.put(`${base}/queues/${encodeURIComponent(id)}/practitioner`, { practitionerId }),
    overview: () => api.get(`${base}/public/overview`, { anonymous: true }),
    // 电子健康卡 (X15): the patient's own short-lived code; a kiosk or desk reads it to check the patient in.
    healthCard: (patientId) => api.get(`${base}/health-card?patientId=${encodeURIComponent(patientId)}`),
    kioskCheckIn: (code) => api.post(`${base}/kiosk/check-ins`, { code }),
    board: (area) => api.get(`${base}/public/board?area=${encodeURIComponent(area)}`, { anonymous: true }),
    // 今日行程 (X07): the day's steps in order for the account's patient (or the family member named).
    itinerary: (patientId) => api.get(`${base}/itinerary${queryOf({ patientId })}`),
  }
}

function queryOf(params) {
  const pairs = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')
  return pairs.length ? `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : ''
}

// The queues staff run beside the clinics: exam rooms, the blood-draw station (采血) and pharmacy windows (取药, also
// pharmacists).
export const SERVICE_KINDS = Object.freeze([
  { kind: 'exam', label: '检查室', roles: ['staff'] },
  { kind: 'blood', label: '采血', roles: ['staff'] },
  { kind: 'pharmacy', label: '取药窗口', roles: ['staff', 'pharmacist'] },
])

export function serviceKindsFor(roles) {
  const mine = new Set(roles ?? [])
  return SERVICE_KINDS.filter((k) => k.roles.some((r) => mine.has(r)))
}

// When to fetch a fresh health-card code: as the server advises, and always at least 15 s before the code lapses.
export function healthCardRefreshMs(card, now = Date.now()) {
  if (!card) return 10000
  const advised = (Number(card.refreshAfterSeconds) || 60) * 1000
  const lapse = new Date(card.expiresAt).getTime() - now - 15000
  return Math.max(5000, Math.min(advised, lapse))
}

// One line of 候诊信息 for an exam room, blood-draw window or pharmacy window: numbers and counts only.
export function roomStatusText(room, kind) {
  if (!room) return ''
  const calling = room.callingNumber == null ? '暂未叫号' : `正在叫 ${room.callingNumber} 号`
  if (kind === 'pharmacy') return `${calling}，待取药 ${room.waitingCount} 人`
  const booked = room.bookedToday ? `，今日预约 ${room.bookedToday} 人` : ''
  return `${calling}，已报到 ${room.checkedInToday} 人，候检 ${room.waitingCount} 人${booked}`
}

export const DESK_ACTIONS = Object.freeze([
  { action: 'call-next', label: '叫下一位', key: 'n', hint: 'N' },
  { action: 'recall', label: '重呼', key: 'r', hint: 'R' },
  { action: 'skip', label: '过号', key: 's', hint: 'S' },
  { action: 'absent', label: '未到', key: 'a', hint: 'A' },
])

// The desk action a key press means, unless the doctor is typing in a field.
export function deskActionForKey(event) {
  if (!event || event.ctrlKey || event.metaKey || event.altKey) return null
  const tag = (event.target?.tagName || '').toLowerCase()
  if (tag === 'input' || tag === 'textarea' || event.target?.isContentEditable) return null
  return DESK_ACTIONS.find((a) => a.key === String(event.key || '').toLowerCase())?.action ?? null
}

// The place word of each kind of queue, for what the patient is told to do.
const PLACE = { clinic: '诊室', exam: '检查室', blood: '采血窗口', pharmacy: '取药窗口' }

export function waitText(ticket) {
  if (!ticket) return ''
  const place = PLACE[ticket.kind] ?? PLACE.clinic
  if (ticket.status === 'called') {
    if (ticket.kind === 'pharmacy') return `已叫到您的取药号，请立即到${ticket.location || place}取药`
    return ticket.kind && ticket.kind !== 'clinic' ? `已叫到您，请立即到${place}` : '已叫到您，请立即到诊室就诊'
  }
  if (ticket.peopleAhead === 0) return `下一位就是您，请在${place}门口等候`
  return `前面还有 ${ticket.peopleAhead} 人，预计等待约 ${ticket.estimatedWaitMinutes} 分钟`
}

// The dots of the drawn queue: those ahead, then the patient; long lines are folded so the phone shows at most `max`.
export function queueDots(peopleAhead, max = 12) {
  const ahead = Math.max(0, Number(peopleAhead) || 0)
  if (ahead + 1 <= max) return { shown: ahead, folded: 0 }
  return { shown: max - 1, folded: ahead - (max - 1) }
}

// 张三明 → 张*明, 李四 → 李*: a name on a shared screen never shows in full.
export function maskName(name) {
  const chars = Array.from(String(name ?? '').trim())
  if (chars.length === 0) return ''
  if (chars.length === 1) return chars[0]
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

// The 叫号 desk's clinic list: the doctor's own clinics, and with `showAll` the others too, which they may not run
// (the server refuses with queue_not_yours) and so are listed disabled.
export function deskQueues(all, showAll = false) {
  const mine = (all ?? []).filter((q) => q.mine)
  if (!showAll) return mine.map((q) => ({ ...q, disabled: false }))
  return [...mine, ...(all ?? []).filter((q) => !q.mine)].map((q) => ({ ...q, disabled: !q.mine }))
}

// Whether a queueChanged push (ids and counts only) concerns the clinic open on the desk.
export function concernsDesk(push, queueId) {
  return Boolean(push && queueId && push.queueId === queueId)
}

// 今日行程 (X07): the step a route is drawn to (the current one, else the next to do) and where the walk starts: the
// place of the last step before it that has one (done steps are where the patient has been), else the hall.
export function nextStep(steps) {
  const list = steps ?? []
  return list.find((s) => s.status === 'current') ?? list.find((s) => s.status === 'upcoming') ?? null
}

export function routeTarget(steps, startPlaceId) {
  const list = steps ?? []
  const target = nextStep(list)
  if (!target?.placeId) return null
  const at = list.indexOf(target)
  const before = list.slice(0, at).reverse().find((s) => s.status === 'done' && s.placeId && s.placeId !== target.placeId)
  const from = before?.placeId ?? startPlaceId
  return from && from !== target.placeId ? { from, to: target.placeId, step: target } : null
}

export const ITINERARY_STATUS = Object.freeze({
  done: { label: '已完成', icon: 'checked' },
  current: { label: '进行中', icon: 'clock' },
  upcoming: { label: '待进行', icon: 'circle' },
})

// 「前面 3 人 · 约 24 分钟」 under a step; nothing for steps without a queue.
export function stepQueueText(step) {
  if (step?.status === 'done' || step?.queueAhead == null) return ''
  const wait = step.estimatedWaitMinutes ? ` · 约 ${step.estimatedWaitMinutes} 分钟` : ''
  return `前面 ${step.queueAhead} 人${wait}`
}
