// Push latency benchmark. Connects N SignalR clients (in batches) and measures, per client, the time from publishing
// one event to its arrival:
//   1. pipeline: DepartmentChangedIntegrationEvent published on RabbitMQ → Notification.API consumer → outbox →
//      PushRequested on every replica's own queue → hub broadcast to the public group (through the edge by default);
//   2. bare: the same broadcast from a minimal ASP.NET SignalR app (tests/Benchmarks/BareHub) with nothing in between.
// A first, warm-up round on each side (JIT, connection pools, the consumer's first scope) is printed apart and left out of
// the figures. Prints p50/p99 of each and, on one line, the ratio for both. Loopback only; bounded in clients, rounds
// and time; exits by itself. The client, percentile and bare-hub code is shared with queue/bench.mjs (../lib).
import * as signalr from '@microsoft/signalr'
import amqp from 'amqplib'
import { randomUUID } from 'node:crypto'
import { createHubClients, env, hardDeadline, loopbackOnly } from '../lib/hub-bench.mjs'

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

loopbackOnly([PIPELINE_HUB, BARE_BASE, AMQP_URI])
const clearDeadline = hardDeadline(DEADLINE_MS)
const hub = createHubClients(signalr)
const settings = { count: CLIENTS, batch: BATCH, rounds: ROUNDS, warmupRounds: WARMUP_ROUNDS, roundTimeoutMs: ROUND_TIMEOUT_MS }

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
  results.push(await hub.broadcastLatency({
    name: 'pipeline', url: PIPELINE_HUB, method: 'hospitalChanged', idOf: (change) => change?.id, publish: publisher.publish, ...settings,
  }))
} finally {
  await publisher.close()
}
if (BARE_BASE) results.push(await hub.bareHub({ base: BARE_BASE, ...settings }))

console.log('')
console.log(`push latency, publish → receipt, ${CLIENTS} clients × ${ROUNDS} rounds (after ${WARMUP_ROUNDS} warm-up round${WARMUP_ROUNDS === 1 ? '' : 's'})`)
for (const r of results)
  console.log(`  ${r.name.padEnd(9)} connected ${r.connected}, received ${r.received}/${r.expected}, p50 ${r.p50} ms, p99 ${r.p99} ms`)
if (results.length === 2) {
  const [pipe, bare] = results
  console.log(`  ratio     p50 ${(pipe.p50 / bare.p50).toFixed(2)}×, p99 ${(pipe.p99 / bare.p99).toFixed(2)}× (pipeline / bare hub, goal ≤ 1.5× on both)`)
}
clearDeadline()
const complete = results.every((r) => r.connected > 0 && r.received === r.expected)
process.exit(complete ? 0 : 1)
