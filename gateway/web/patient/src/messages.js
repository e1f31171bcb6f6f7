import { computed, reactive } from 'vue'
import { api, push } from './platform.js'
import { session } from './session.js'

// The message centre: the account's messages from the Notification service (paged history, unread count),
// kept current by the hub ('message', 'unreadCount'); after a reconnect the hub's CatchUp sends what was missed.
// Public hospital announcements (no account needed) stay on this device only.
const PAGE_SIZE = 20
const ANNOUNCEMENTS_KEY = 'platform.patient.messages'
const MAX_ANNOUNCEMENTS = 50

function loadAnnouncements() {
  try {
    const parsed = JSON.parse(localStorage.getItem(ANNOUNCEMENTS_KEY) || '[]')
    return Array.isArray(parsed) ? parsed.filter((m) => m && m.id && m.title) : []
  } catch {
    return []
  }
}

function saveAnnouncements(items) {
  try {
    localStorage.setItem(ANNOUNCEMENTS_KEY, JSON.stringify(items))
  } catch {
    // Storage full or disabled: the announcements still show during this visit.
  }
}

const state = reactive({
  items: [],
  announcements: loadAnnouncements(),
  unread: 0,
  nextBefore: null,
  loaded: false,
  loading: false,
  error: null,
  latestCritical: null,
})

// Newest first, one entry per id (a catch-up may resend what a live push already brought).
export function mergeMessages(existing, incoming) {
  const byId = new Map(existing.map((m) => [m.id, m]))
  for (const m of incoming) byId.set(m.id, { ...byId.get(m.id), ...m })
  return [...byId.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1))
}

async function loadFirstPage() {
  if (!session.signedIn.value) return
  state.loading = true
  state.error = null
  try {
    const [page, unread] = await Promise.all([
      api.get(`/api/notification/messages?limit=${PAGE_SIZE}`),
      api.get('/api/notification/messages/unread-count'),
    ])
    state.items = mergeMessages([], page.items)
    state.nextBefore = page.nextBefore
    state.unread = unread.count
    state.loaded = true
  } catch (error) {
    state.error = error
  } finally {
    state.loading = false
  }
}

async function loadMore() {
  if (!state.nextBefore || state.loading) return
  state.loading = true
  try {
    const page = await api.get(`/api/notification/messages?limit=${PAGE_SIZE}&before=${encodeURIComponent(state.nextBefore)}`)
    state.items = mergeMessages(state.items, page.items)
    state.nextBefore = page.nextBefore
  } catch (error) {
    state.error = error
  } finally {
    state.loading = false
  }
}

async function markRead(message) {
  if (message.announcement) {
    const stored = state.announcements.find((a) => a.id === message.id)
    if (stored) stored.read = true
    saveAnnouncements(state.announcements)
    return
  }
  if (message.readAt) return
  const updated = await api.post(`/api/notification/messages/${message.id}/read`)
  state.items = mergeMessages(state.items, [updated])
  state.unread = Math.max(0, state.unread - 1)
}

async function markAllRead() {
  for (const a of state.announcements) a.read = true
  saveAnnouncements(state.announcements)
  if (!session.signedIn.value) return
  await api.post('/api/notification/messages/read-all')
  const now = new Date().toISOString()
  state.items = state.items.map((m) => (m.readAt ? m : { ...m, readAt: now }))
  state.unread = 0
}

function receive(message) {
  if (!message?.id) return
  const known = state.items.some((m) => m.id === message.id)
  state.items = mergeMessages(state.items, [{ readAt: null, ...message }])
  if (!known && message.severity === 'critical') state.latestCritical = `${message.title}：${message.body}`
}

async function catchUp() {
  if (!session.signedIn.value) return
  const newest = state.items[0]
  try {
    await push.connection.invoke('CatchUp', newest ? newest.id : new Date(Date.now() - 24 * 3600 * 1000).toISOString())
  } catch {
    // The next reconnect tries again; the list reloads whenever the page opens.
  }
}

push.on('message', receive)
push.on('unreadCount', (data) => {
  if (typeof data?.count === 'number') state.unread = data.count
})
push.onReconnected(catchUp)

export const inbox = {
  items: computed(() =>
    mergeMessages(state.items, state.announcements.map((a) => ({ ...a, announcement: true, readAt: a.read ? a.createdAt : null }))),
  ),
  messages: computed(() => state.items),
  announcements: computed(() => state.announcements),
  unread: computed(() => state.unread + state.announcements.filter((m) => !m.read).length),
  hasMore: computed(() => Boolean(state.nextBefore)),
  loading: computed(() => state.loading),
  loaded: computed(() => state.loaded),
  error: computed(() => state.error),
  latestCritical: computed(() => state.latestCritical),
  refresh: loadFirstPage,
  loadMore,
  markRead,
  markAllRead,
  catchUp,
  // A public announcement (hospital information changed) kept on this device.
  add({ title, body, link, at }) {
    const id = `local-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
    state.announcements.unshift({ id, title, body, link: link ?? null, createdAt: at ?? new Date().toISOString(), category: 'announcement', severity: 'normal', read: false })
    state.announcements.splice(MAX_ANNOUNCEMENTS)
    saveAnnouncements(state.announcements)
  },
  clearAnnouncements() {
    state.announcements.splice(0)
    saveAnnouncements(state.announcements)
  },
}

// Turns a hub event into an announcement.
export function messageFromHospitalChange(change) {
  if (change?.kind === 'department') {
    return {
      title: '科室信息已更新',
      body: `${change.name ?? '科室'}的介绍、位置或电话已更新，点击查看。`,
      link: change.id ? `/departments/${change.id}` : '/departments',
      at: change.changedAt,
    }
  }
  if (change?.kind === 'slots') {
    return {
      title: '临时限号',
      body: `${change.name ?? ''}门诊号源已调整，剩余${change.remainingSlots ?? 0}个号。原因：${change.reason ?? ''}`,
      link: '/booking',
      at: change.changedAt,
    }
  }
  return { title: '医院信息已更新', body: change?.name ?? '医院公开信息有更新。', link: null, at: change?.changedAt }
}

// The badge is right from the first screen, not only after the message page was opened.
if (session.signedIn.value) loadFirstPage()
