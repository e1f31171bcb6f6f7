import { onBeforeUnmount, onMounted } from 'vue'

// A staff work list kept current: the hub's 'staffWorkChanged' for its area (ids only; the list is re-read from the
// owning API, which filters it by who asks), a re-read after every reconnect, and a poll only while the hub is down.
export const STAFF_WORK_EVENT = 'staffWorkChanged'
export const FALLBACK_POLL_MS = 15000

export function isForArea(change, area) {
  return Boolean(change) && change.area === area
}

export function useStaffWork(push, area, reload, { pollMs = FALLBACK_POLL_MS, visible = () => globalThis.document?.visibilityState !== 'hidden' } = {}) {
  push.useEvent(STAFF_WORK_EVENT, (change) => { if (isForArea(change, area)) reload() })
  push.useReconnected(reload)
  let timer = null
  onMounted(() => {
    timer = setInterval(() => { if (push.status.state !== 'connected' && visible()) reload() }, pollMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
}
