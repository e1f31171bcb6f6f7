import { onBeforeUnmount, onMounted } from 'vue'

// Re-reads public information while the page is open (anonymous pages have no push channel); paused while hidden.
export function usePolling(load, intervalMs) {
  let timer = null
  const tick = () => { if (document.visibilityState !== 'hidden') load({ background: true }) }
  onMounted(() => {
    load()
    timer = setInterval(tick, intervalMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
}
