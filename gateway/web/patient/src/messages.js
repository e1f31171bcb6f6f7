import { computed, reactive, watch } from 'vue'

// In-app inbox fed by the push hub. Kept in localStorage until the Notification service
// offers a message history API.
const STORAGE_KEY = 'platform.patient.messages'
const MAX_MESSAGES = 100

function load() {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) || '[]')
    return Array.isArray(parsed) ? parsed : []
  } catch {
    return []
  }
}

const state = reactive({ items: load() })

watch(
  () => state.items,
  (items) => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(items))
    } catch {
      // Storage full or disabled: the inbox still works for this visit.
    }
  },
  { deep: true },
)

export const inbox = {
  items: computed(() => state.items),
  unread: computed(() => state.items.filter((m) => !m.read).length),
  add({ title, body, link, at }) {
    const id = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
    state.items.unshift({ id, title, body, link: link ?? null, at: at ?? new Date().toISOString(), read: false })
    state.items.splice(MAX_MESSAGES)
  },
  markAllRead() {
    for (const m of state.items) m.read = true
  },
  clear() {
    state.items.splice(0)
  },
}

// Turns a hub event into an inbox message.
export function messageFromHospitalChange(change) {
  if (change?.kind === 'department') {
    return {
      title: '科室信息已更新',
      body: `${change.name ?? '科室'}的介绍、位置或电话已更新，点击查看。`,
      link: change.id ? `/departments/${change.id}` : '/departments',
      at: change.changedAt,
    }
  }
  return { title: '医院信息已更新', body: change?.name ?? '医院公开信息有更新。', link: null, at: change?.changedAt }
}
