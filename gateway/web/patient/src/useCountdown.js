import { computed, onBeforeUnmount, ref } from 'vue'

// Resend countdown for SMS codes: start(60) disables the button for a minute.
export function useCountdown() {
  const remaining = ref(0)
  let timer = null
  function stop() {
    if (timer) clearInterval(timer)
    timer = null
  }
  function start(seconds = 60) {
    stop()
    remaining.value = seconds
    timer = setInterval(() => {
      remaining.value -= 1
      if (remaining.value <= 0) stop()
    }, 1000)
  }
  onBeforeUnmount(stop)
  return { remaining, running: computed(() => remaining.value > 0), start }
}
