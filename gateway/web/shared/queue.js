// Queue (排队叫号): the patient H5's 报到 and 我的排队, the doctor workstation's 叫号. Pure helpers take plain data so
// node --test covers them without a browser.
const base = '/api/queue'

export function queueApi(api) {
  return {
    checkInOptions: (code) => api.get(`${base}/check-ins/options?code=${encodeURIComponent(code)}`),
    checkIn: ({ code, appointmentId }) => api.post(`${base}/check-ins`, { code, appointmentId }),
    mine: () => api.get(`${base}/me`),
    // `mine`: only the clinics of the doctor's own practitioner (the practitioner_id in their token).
    today: ({ mine = false } = {}) => api.get(`${base}/queues${mine ? '?mine=true' : ''}`),
    queue: (id) => api.get(`${base}/queues/${encodeURIComponent(id)}`),
    checkInCode: (id) => api.get(`${base}/queues/${encodeURIComponent(id)}/check-in-code`),
    act: (id, action) => api.post(`${base}/queues/${encodeURIComponent(id)}/${action}`, {}),
    overview: () => api.get(`${base}/public/overview`, { anonymous: true }),
    board: (area) => api.get(`${base}/public/board?area=${encodeURIComponent(area)}`, { anonymous: true }),
  }
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

export function waitText(ticket) {
  if (!ticket) return ''
  if (ticket.status === 'called') return '已叫到您，请立即到诊室就诊'
  if (ticket.peopleAhead === 0) return '下一位就是您，请在诊室门口等候'
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
