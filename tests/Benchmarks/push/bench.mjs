// Push latency benchmark. Connects N SignalR clients (in batches) and measures, per client, the time from publishing
// one event to its arrival:
//   1. pipeline: DepartmentChangedIntegrationEvent published on RabbitMQ → Notification.API consumer → outbox →
//      PushRequested on every replica's own queue → hub broadcast to the public group (through the edge by default);
//   2. bare: the same broadcast from a minimal ASP.NET SignalR app (tests/Benchmarks/BareHub) with nothing in between.
// A first, warm-up round on each side (JIT, connection pools, the consumer's first scope) is printed apart and left out of
// the figures. Prints p50/p99 of each and, on one line, the ratio for both. Loopback only; bounded in clients, rounds
// and time; exits by itself.
import { HubConnectionBuilder, HttpTransportType, LogLevel } from '@microsoft/signalr'
import amqp from 'amqplib'
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'

const env = (name, fallback) => process.env[name] || fallback
const CLIENTS = Math.min(Number(env('PUSH_CLIENTS', '5000')), 20000)
const BATCH = Number(env('PUSH_BATCH', '250'))
const ROUNDS = Math.min(Number(env('PUSH_ROUNDS', '3')), 20)
const WARMUP_ROUNDS = Math.min(Number(env('PUSH_WARMUP_ROUNDS', '1')), 5)
const ROUND_TIMEOUT_MS = Number(env('PUSH_ROUND_TIMEOUT_MS', '30000'))
const DEADLINE_MS = Number(env('PUSH_DEADLINE_S', '600')) * 1000
const PIPELINE_HUB = env('PIPELINE_HUB_URL', env('PLATFORM_EDGE_URL', 'http://127.0.0.1:8080') + '/hubs/notifications')
const BARE_BASE = env('BARE_HUB_BASE', '')
const AMQP_URI = env('PLATFORM_AMQP_URI', 'amqp://platform:platform-dev-password@127.0.0.1:55672/platform')
const EXCHANGE = 'Platform.Contracts.Hospital:DepartmentChangedIntegrationEvent'

for (const url of [PIPELINE_HUB, BARE_BASE, AMQP_URI].filter(Boolean)) {
  const host = new URL(url).hostname
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`refusing non-loopback target ${url}`)
}

const hardStop = setTimeout(() => {
  console.error(`bench: deadline of ${DEADLINE_MS / 1000}s reached, stopping`)
  process.exit(3)
}, DEADLINE_MS)

const log = (...args) => console.log(new Date().toISOString().slice(11, 19), ...args)

async function connectAll(url) {
  const arrivals = new Map() // event id → arrival times
  const connections = []
  let failed = 0
  const started = performance.now()
  for (let i = 0; i < CLIENTS; i += BATCH) {
    const batch = []
    for (let j = i; j < Math.min(i + BATCH, CLIENTS); j++) {
      const connection = new HubConnectionBuilder()
        .withUrl(url, { skipNegotiation: true, transport: HttpTransportType.WebSockets })
        .configureLogging(LogLevel.None)
        .build()
      connection.serverTimeoutInMilliseconds = 120_000
      connection.on('hospitalChanged', (change) => arrivals.get(change?.id)?.push(performance.now()))
      batch.push(connection.start().then(() => connection))
    }
    for (const r of await Promise.allSettled(batch)) {
      if (r.status === 'fulfilled') connections.push(r.value)
      else failed += 1
    }
  }
  log(`connected ${connections.length}/${CLIENTS} to ${url} in ${((performance.now() - started) / 1000).toFixed(1)}s (${failed} failed)`)
  return { connections, arrivals, failed }
}

async function disconnectAll({ connections }) {
  for (let i = 0; i < connections.length; i += BATCH)
    await Promise.allSettled(connections.slice(i, i + BATCH).map((c) => c.stop()))
}

// One broadcast: publish, then wait until every connected client has it (or the round times out).
async function round(clients, publish) {
  const id = randomUUID()
  const times = []
  clients.arrivals.set(id, times)
  const t0 = performance.now()
  await publish(id)
  const until = t0 + ROUND_TIMEOUT_MS
  while (times.length < clients.connections.length && performance.now() < until) await new Promise((r) => setTimeout(r, 20))
  clients.arrivals.delete(id)
  return times.map((t) => t - t0)
}

async function measure(name, url, publish) {
  const clients = await connectAll(url)
  const latencies = []
  let expected = 0
  try {
    await new Promise((r) => setTimeout(r, 1000)) // let group joins settle
    for (let r = 0; r < WARMUP_ROUNDS + ROUNDS; r++) {
      const got = await round(clients, publish)
      const warmup = r < WARMUP_ROUNDS
      if (!warmup) {
        expected += clients.connections.length
        latencies.push(...got)
      }
      const label = warmup ? `warm-up ${r + 1}` : `round ${r - WARMUP_ROUNDS + 1}`
      log(`${name} ${label}: ${got.length}/${clients.connections.length} received, p50 ${pct(got, 50)} ms, p99 ${pct(got, 99)} ms`)
      await new Promise((res) => setTimeout(res, 1000))
    }
  } finally {
    await disconnectAll(clients)
  }
  return { name, connected: clients.connections.length, expected, received: latencies.length, p50: pct(latencies, 50), p99: pct(latencies, 99) }
}

function pct(values, p) {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1))
}

async function pipelinePublisher() {
  const connection = await amqp.connect(AMQP_URI)
  const channel = await connection.createConfirmChannel()
  await channel.checkExchange(EXCHANGE) // exists once Notification.API has bound its consumer
  const host = new URL(AMQP_URI)
  const publish = async (id) => {
    const messageId = randomUUID()
    const now = new Date().toISOString()
    // MassTransit's JSON envelope, as the outbox dispatcher would publish it.
    const envelope = {
      messageId,
      conversationId: messageId,
      sourceAddress: `rabbitmq://${host.host}${host.pathname}/bench-push`,
      destinationAddress: `rabbitmq://${host.host}${host.pathname}/${EXCHANGE}`,
      messageType: ['urn:message:Platform.Contracts.Hospital:DepartmentChangedIntegrationEvent', 'urn:message:Platform.Contracts:IntegrationEvent'],
      message: { id: messageId, occurredAt: now, departmentId: id, code: 'bench', name: '压测科室', campus: '本部院区', kind: 1 },
      sentTime: now,
      headers: {},
    }
    channel.publish(EXCHANGE, '', Buffer.from(JSON.stringify(envelope)), {
      contentType: 'application/vnd.masstransit+json', messageId, persistent: true,
    })
    await channel.waitForConfirms()
  }
  return { publish, close: () => connection.close() }
}

const results = []
const publisher = await pipelinePublisher()
try {
  results.push(await measure('pipeline', PIPELINE_HUB, publisher.publish))
} finally {
  await publisher.close()
}
if (BARE_BASE) {
  results.push(await measure('bare hub', BARE_BASE + '/hubs/notifications', async (id) => {
    const response = await fetch(`${BARE_BASE}/broadcast/${id}`, { method: 'POST' })
    if (!response.ok) throw new Error(`bare hub broadcast answered ${response.status}`)
  }))
}

console.log('')
console.log(`push latency, publish → receipt, ${CLIENTS} clients × ${ROUNDS} rounds (after ${WARMUP_ROUNDS} warm-up round${WARMUP_ROUNDS === 1 ? '' : 's'})`)
for (const r of results)
  console.log(`  ${r.name.padEnd(9)} connected ${r.connected}, received ${r.received}/${r.expected}, p50 ${r.p50} ms, p99 ${r.p99} ms`)
if (results.length === 2) {
  const [pipe, bare] = results
  console.log(`  ratio     p50 ${(pipe.p50 / bare.p50).toFixed(2)}×, p99 ${(pipe.p99 / bare.p99).toFixed(2)}× (pipeline / bare hub, goal ≤ 1.5× on both)`)
}
clearTimeout(hardStop)
const complete = results.every((r) => r.connected > 0 && r.received === r.expected)
process.exit(complete ? 0 : 1)
