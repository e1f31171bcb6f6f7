// What the SignalR benchmarks share: the loopback guard, the hard deadline, percentiles, connecting and closing many
// clients in batches, and the one-event-to-every-client latency run (push's pipeline and both benches' bare hub).
// The SignalR client is passed in (createHubClients(signalr)) because this folder has no node_modules of its own:
// each bench resolves @microsoft/signalr from its own package.
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'

export const env = (name, fallback) => process.env[name] || fallback

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export const log = (...args) => console.log(new Date().toISOString().slice(11, 19), ...args)

/** Refuses to aim load at anything but this machine. */
export function loopbackOnly(urls) {
  for (const url of urls.filter(Boolean)) {
    const host = new URL(url).hostname
    if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`refusing non-loopback target ${url}`)
  }
}

/** Exits the process (code 3) once `ms` have passed, whatever is still running. */
export function hardDeadline(ms, name = 'bench') {
  const timer = setTimeout(() => {
    console.error(`${name}: deadline of ${ms / 1000}s reached, stopping`)
    process.exit(3)
  }, ms)
  return () => clearTimeout(timer)
}

export function pct(values, p) {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1))
}

export function createHubClients({ HubConnectionBuilder, HttpTransportType, LogLevel }) {
  /** Opens `count` WebSocket connections to `url`, `batch` at a time. `options(i)` adds to the transport options (an
   * access token), `wire(connection, i)` registers handlers before the start. Returns the started connections with
   * their indices, and how many failed. */
  async function connectAll({ url, count, batch, options = () => ({}), wire = () => {}, label = url }) {
    const connections = []
    const indices = []
    let failed = 0
    const started = performance.now()
    for (let i = 0; i < count; i += batch) {
      const pending = []
      for (let j = i; j < Math.min(i + batch, count); j++) {
        const connection = new HubConnectionBuilder()
          .withUrl(url, { skipNegotiation: true, transport: HttpTransportType.WebSockets, ...options(j) })
          .configureLogging(LogLevel.None)
          .build()
        connection.serverTimeoutInMilliseconds = 120_000
        wire(connection, j)
        pending.push(connection.start().then(() => [connection, j]))
      }
      for (const r of await Promise.allSettled(pending)) {
        if (r.status === 'fulfilled') {
          connections.push(r.value[0])
          indices.push(r.value[1])
        } else failed += 1
      }
    }
    log(`connected ${connections.length}/${count} to ${label} in ${((performance.now() - started) / 1000).toFixed(1)}s (${failed} failed)`)
    return { connections, indices, failed }
  }

  async function disconnectAll({ connections }, batch) {
    for (let i = 0; i < connections.length; i += batch)
      await Promise.allSettled(connections.slice(i, i + batch).map((c) => c.stop()))
  }

  /** One event to every client, `rounds` times after `warmupRounds`: `publish(id)` sends it, each client's `method`
   * handler reports the arrival of the event whose `idOf(payload)` is that id. Returns p50/p99 of publish → receipt. */
  async function broadcastLatency({ name, url, count, batch, rounds, warmupRounds, roundTimeoutMs, method, idOf, publish }) {
    const arrivals = new Map() // event id → arrival times
    const clients = await connectAll({
      url, count, batch,
      wire: (connection) => connection.on(method, (payload) => arrivals.get(idOf(payload))?.push(performance.now())),
    })
    const round = async () => {
      const id = randomUUID()
      const times = []
      arrivals.set(id, times)
      const t0 = performance.now()
      await publish(id)
      const until = t0 + roundTimeoutMs
      while (times.length < clients.connections.length && performance.now() < until) await sleep(20)
      arrivals.delete(id)
      return times.map((t) => t - t0)
    }
    const latencies = []
    let expected = 0
    try {
      await sleep(1000) // let group joins settle
      for (let r = 0; r < warmupRounds + rounds; r++) {
        const got = await round()
        const warmup = r < warmupRounds
        if (!warmup) {
          expected += clients.connections.length
          latencies.push(...got)
        }
        const label = warmup ? `warm-up ${r + 1}` : `round ${r - warmupRounds + 1}`
        log(`${name} ${label}: ${got.length}/${clients.connections.length} received, p50 ${pct(got, 50)} ms, p99 ${pct(got, 99)} ms`)
        await sleep(1000)
      }
    } finally {
      await disconnectAll(clients, batch)
    }
    return { name, connected: clients.connections.length, expected, received: latencies.length, p50: pct(latencies, 50), p99: pct(latencies, 99) }
  }

  /** The baseline: the same broadcast from tests/Benchmarks/BareHub (started by lib/bare-hub.sh at `base`). */
  const bareHub = ({ base, ...settings }) => broadcastLatency({
    name: 'bare hub', url: base + '/hubs/notifications', method: 'hospitalChanged', idOf: (change) => change?.id, ...settings,
    publish: async (id) => {
      const response = await fetch(`${base}/broadcast/${id}`, { method: 'POST' })
      if (!response.ok) throw new Error(`bare hub broadcast answered ${response.status}`)
    },
  })

  return { connectAll, disconnectAll, broadcastLatency, bareHub }
}
