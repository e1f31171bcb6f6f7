import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr'
import { onBeforeUnmount, reactive } from 'vue'
import { getToken } from './auth.js'

export const HUB_PATH = '/hubs/notifications'

// Never gives up: 1 s, 2 s, 4 s … capped at 30 s, with jitter so a restarted server is not
// hit by every client at the same instant.
export const foreverRetryPolicy = {
  nextRetryDelayInMilliseconds({ previousRetryCount }) {
    const base = Math.min(30_000, 1_000 * 2 ** Math.min(previousRetryCount, 5))
    return Math.round(base * (0.8 + Math.random() * 0.4))
  },
}

// One hub connection per app. state is reactive: 'connected' | 'reconnecting' | 'disconnected'.
export function createPushClient({ tokenKey, hubPath = HUB_PATH } = {}) {
  const status = reactive({ state: 'disconnected', lastError: null })
  const handlers = new Map()
  const reconnectedHandlers = new Set()
  let stopped = false
  let restartTimer = null
  let startAttempts = 0
  let everConnected = false

  const connection = new HubConnectionBuilder()
    .withUrl(hubPath, { accessTokenFactory: () => (tokenKey && getToken(tokenKey)) || '' })
    .withAutomaticReconnect(foreverRetryPolicy)
    .configureLogging(LogLevel.Warning)
    .build()

  connection.onreconnecting((error) => {
    status.state = 'reconnecting'
    status.lastError = error?.message ?? null
  })
  connection.onreconnected(() => markConnected())
  // Reached when the server closes without allowing reconnect: keep trying ourselves.
  connection.onclose((error) => {
    status.lastError = error?.message ?? null
    if (stopped) {
      status.state = 'disconnected'
      return
    }
    status.state = 'reconnecting'
    scheduleStart()
  })

  function markConnected() {
    const wasReconnect = everConnected || startAttempts > 1
    everConnected = true
    startAttempts = 0
    status.state = 'connected'
    status.lastError = null
    if (wasReconnect) {
      for (const handler of [...reconnectedHandlers]) {
        try {
          handler()
        } catch (error) {
          console.error('reconnected handler failed', error)
        }
      }
    }
  }

  function scheduleStart() {
    clearTimeout(restartTimer)
    const delay = foreverRetryPolicy.nextRetryDelayInMilliseconds({ previousRetryCount: startAttempts })
    restartTimer = setTimeout(start, delay)
  }

  async function start() {
    stopped = false
    if (connection.state !== HubConnectionState.Disconnected) return
    startAttempts += 1
    try {
      await connection.start()
      markConnected()
    } catch (error) {
      status.lastError = error?.message ?? null
      if (stopped) return
      // The first try failing means the push service is down: show we are retrying.
      status.state = 'reconnecting'
      scheduleStart()
    }
  }

  async function stop() {
    stopped = true
    clearTimeout(restartTimer)
    await connection.stop()
    status.state = 'disconnected'
  }

  // Subscribes to a server method; returns the unsubscribe function.
  function on(method, handler) {
    const key = method.toLowerCase()
    if (!handlers.has(key)) {
      handlers.set(key, new Set())
      connection.on(method, (...args) => {
        for (const h of [...(handlers.get(key) ?? [])]) h(...args)
      })
    }
    handlers.get(key).add(handler)
    return () => handlers.get(key)?.delete(handler)
  }

  function onReconnected(handler) {
    reconnectedHandlers.add(handler)
    return () => reconnectedHandlers.delete(handler)
  }

  // Component helpers: subscriptions end with the component.
  function useEvent(method, handler) {
    const off = on(method, handler)
    onBeforeUnmount(off)
  }

  function useReconnected(handler) {
    const off = onReconnected(handler)
    onBeforeUnmount(off)
  }

  return { status, connection, start, stop, on, onReconnected, useEvent, useReconnected }
}

export const PUSH_STATE_TEXT = Object.freeze({
  connected: '实时连接正常',
  reconnecting: '正在重连…',
  disconnected: '实时连接未建立',
})
