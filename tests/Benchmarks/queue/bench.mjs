// Queue call latency benchmark (issue 14, Load). PATIENTS patients wait in QUEUES clinic queues today, each with the app's
// SignalR connection open as that patient; the clinics' doctor calls the next number in every queue at once, round after
// round, through the real call API. Measured per delivery: from sending call-next to each patient of that queue receiving
// the queueChanged push the 我的排队 page listens to (Queue outbox → QueueChanged → Notification consumer → PushRequested
// per account → hub group user:<account>, through the edge). Then a few rounds where each patient, like the page, re-reads
// GET /api/queue/me on the push ("position": the call until the updated place is on screen). Then the bare-hub broadcast
// of `./platform bench push` to as many clients, for the ratio.
//
// Setup goes through the platform's own paths: patients register through Identity (SMS code from the simulator, real-name
// verified 本人 patient) and are kept in QUEUE_ACCOUNTS_FILE for later runs; their visits arrive as Scheduling announces
// them (AppointmentBooked on the broker, for the clinics of the seeded doctor's practitioner); each patient checks in with
// the clinic's signed QR code. Loopback only; bounded in patients, queues, rounds and time; exits by itself.
import * as signalr from '@microsoft/signalr'
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { createHubClients, env, hardDeadline, log, loopbackOnly, pct, sleep } from '../lib/hub-bench.mjs'
import {
  AMQP_URI, EDGE, RABBIT_MGMT, SMS_SIM, REALNAME_SIM, call, clinicianToken, eventPublisher, loadAccounts, pool, registerPatient,
  renewPatient, saveAccounts, until, waitForIdleBroker,
} from './stack.mjs'

const PATIENTS = Math.min(Number(env('QUEUE_PATIENTS', '5000')), 20000)
const QUEUES = Math.max(1, Math.min(Number(env('QUEUE_QUEUES', '100')), 500, PATIENTS))
const WARMUP_ROUNDS = Math.min(Number(env('QUEUE_WARMUP_ROUNDS', '1')), 5)
const ROUNDS = Math.min(Number(env('QUEUE_ROUNDS', '5')), 20)
const REREAD_ROUNDS = Math.min(Number(env('QUEUE_REREAD_ROUNDS', '2')), 10)
const BARE_ROUNDS = Math.min(Number(env('QUEUE_BARE_ROUNDS', '3')), 20)
const BATCH = Number(env('QUEUE_BATCH', '250'))
const ROUND_TIMEOUT_MS = Number(env('QUEUE_ROUND_TIMEOUT_MS', '30000'))
const DEADLINE_MS = Number(env('QUEUE_DEADLINE_S', '3600')) * 1000
const DRAIN_S = Number(env('QUEUE_DRAIN_S', '1500'))
const REGISTER_WIDTH = Number(env('QUEUE_REGISTER_CONCURRENCY', '32'))
const CHECKIN_WIDTH = Number(env('QUEUE_CHECKIN_CONCURRENCY', '32'))
const ACCOUNTS_FILE = env('QUEUE_ACCOUNTS_FILE', `${env('TMPDIR', '/tmp')}/platform-bench-queue-accounts.json`)
const DOCTOR = {
  username: env('QUEUE_DOCTOR_USER', 'doctor01'), password: env('QUEUE_DOCTOR_PASSWORD', 'Doctor@2026'), clientId: 'doctor',
  totpSecret: env('QUEUE_DOCTOR_TOTP', 'JBSWY3DPEHPK3PXP'),
}
const ADMIN = { username: env('QUEUE_STAFF_USER', 'admin'), password: env('QUEUE_STAFF_PASSWORD', 'Admin@2026'), totpSecret: DOCTOR.totpSecret }
// The practitioner the seeded doctor account is linked to (Identity's demo accounts): a doctor calls only their own clinics.
const PRACTITIONER = env('QUEUE_PRACTITIONER', 'prac-029')
const HUB = EDGE + '/hubs/notifications'
const BARE_BASE = env('BARE_HUB_BASE', '')
const BOOKED = 'Platform.Contracts.Scheduling:AppointmentBookedIntegrationEvent'
const TOKEN_FRESH_MS = 8 * 60_000 // access tokens live 15 minutes; the re-reads must not meet an expired one

loopbackOnly([EDGE, HUB, BARE_BASE, AMQP_URI, RABBIT_MGMT, SMS_SIM, REALNAME_SIM])
const callsPerQueue = Math.floor(PATIENTS / QUEUES)
if (WARMUP_ROUNDS + ROUNDS + REREAD_ROUNDS > callsPerQueue)
  throw new Error(`${QUEUES} queues of ${callsPerQueue} patients cannot take ${WARMUP_ROUNDS + ROUNDS + REREAD_ROUNDS} calls each`)
const beijing = new Date(Date.now() + 8 * 3600_000)
if (beijing.getUTCHours() === 23 && beijing.getUTCMinutes() >= 15)
  throw new Error('the clinic day (Beijing) ends within the check-in window: run after 00:00 Beijing time')
const clearDeadline = hardDeadline(DEADLINE_MS, 'bench queue')
const hub = createHubClients(signalr)
const started = performance.now()
const since = () => `${((performance.now() - started) / 1000).toFixed(0)}s`

// 1. Patients: kept accounts with fresh tokens, then new registrations for the rest.
const kept = await loadAccounts(ACCOUNTS_FILE)
const people = []
await pool(kept.slice(0, PATIENTS), REGISTER_WIDTH, async (account) => {
  const renewed = await renewPatient(account).catch(() => null)
  if (renewed) people.push(renewed)
})
log(`${people.length} kept bench patients signed in again (${since()})`)
const missing = PATIENTS - people.length
let registrationErrors = 0
let saving = Promise.resolve()
if (missing > 0) {
  log(`registering ${missing} patients through Identity (SMS simulator, real-name simulator), ${REGISTER_WIDTH} at a time…`)
  await pool(Array.from({ length: missing }), REGISTER_WIDTH, async () => {
    try {
      people.push(await registerPatient())
    } catch (e) {
      if (registrationErrors++ < 5) log(`registration failed: ${e.message}`)
    }
    if (people.length % 500 === 0) {
      log(`  ${people.length} patients (${since()})`)
      saving = saving.then(() => saveAccounts(ACCOUNTS_FILE, [...people, ...kept.slice(PATIENTS)])) // a run cut short keeps them
    }
  })
  await saving
  await saveAccounts(ACCOUNTS_FILE, [...people, ...kept.slice(PATIENTS)])
  log(`${people.length} patients ready, ${registrationErrors} registrations failed (${since()}); waiting for Queue and Notification to learn them…`)
  await waitForIdleBroker(300)
} else await saveAccounts(ACCOUNTS_FILE, [...people, ...kept.slice(PATIENTS)])

// Access tokens live 15 minutes; a refresh token works once, so the new ones are kept at once for the next run.
async function renewStale(list) {
  const stale = list.filter((p) => Date.now() - p.tokenAt > TOKEN_FRESH_MS)
  if (!stale.length) return
  await pool(stale, REGISTER_WIDTH, async (person) => {
    const renewed = await renewPatient(person).catch(() => null)
    if (renewed) Object.assign(person, renewed)
  })
  await saveAccounts(ACCOUNTS_FILE, [...people, ...kept.slice(PATIENTS)])
  log(`renewed ${stale.length} patients' tokens (${since()})`)
}

// 2. Today's clinics, each announced for the doctor's practitioner, and one visit per patient (round robin).
let doctorToken = await clinicianToken(DOCTOR)
let doctorTokenAt = Date.now()
const doctor = async () => {
  if (Date.now() - doctorTokenAt > TOKEN_FRESH_MS) [doctorToken, doctorTokenAt] = [await clinicianToken(DOCTOR), Date.now()]
  return doctorToken
}
const run = randomUUID().slice(0, 6)
const queues = Array.from({ length: QUEUES }, (_, q) => ({
  index: q, location: `压测${run}-${q + 1}诊室`, doctorName: `压测医生${q + 1}`, id: null, patients: [], done: new Set(), code: null,
}))
const soon = Date.now() + 15 * 60_000
people.forEach((person, i) => {
  const queue = queues[i % QUEUES]
  person.queue = queue
  person.appointmentId = randomUUID()
  person.startsAt = new Date(soon + queue.patients.length * 1000)
  queue.patients.push(i)
})
const broker = await eventPublisher()
try {
  await broker.check(BOOKED)
  for (const person of people) {
    broker.publish(BOOKED, {
      appointmentId: person.appointmentId, patientId: person.patientId, departmentName: '压测门诊', doctorName: person.queue.doctorName,
      location: person.queue.location, startsAt: person.startsAt.toISOString(),
      endsAt: new Date(person.startsAt.getTime() + 15 * 60_000).toISOString(), confirmedByHis: true, practitionerHisId: PRACTITIONER,
    })
  }
  await broker.flush()
} finally {
  await broker.close()
}
log(`announced ${people.length} visits in ${QUEUES} clinics (run ${run}) for practitioner ${PRACTITIONER} (${since()})`)
await until('the bench clinics on the doctor\'s 叫号 desk', async () => {
  const r = await call('GET', '/api/queue/queues?mine=true', { token: await doctor() })
  if (r.status !== 200) return false
  const byLocation = new Map(r.json.map((q) => [q.location, q.id]))
  for (const queue of queues) queue.id ??= byLocation.get(queue.location) ?? null
  return queues.every((q) => q.id)
}, 300, 1000)

// 3. Every patient's app connection, signed in as that patient, open before the check-ins: each check-in pushes to
// everyone waiting in that clinic, and the last one (the whole clinic waiting) reaching every patient tells that the
// setup's pushes have drained (they wait in Notification's outbox, not on the broker, so an idle broker says nothing).
await renewStale(people)
const seenWaiting = people.map(() => 0)
const inFlight = new Map() // queue id → the call being measured
let reread = false
const onQueueChanged = (i, change) => {
  const at = performance.now()
  if (change?.change === 'check-in') {
    if (change.queueId === people[i].queue.id) seenWaiting[i] = Math.max(seenWaiting[i], change.waitingCount ?? 0)
    return
  }
  const current = inFlight.get(change?.queueId)
  if (!current || change.change !== 'call-next' || current.pushed.has(i)) return
  current.pushed.set(i, at)
  current.numbers.set(i, change.callingNumber)
  if (reread) current.rereads.push(rereadPosition(current, i, change))
}
// As 我的排队 does on the push: GET /api/queue/me; the place is updated once it shows the number just called (or the
// ticket is gone: the patient just seen).
async function rereadPosition(current, i, change) {
  const person = people[i]
  for (let attempt = 0; attempt < 3; attempt++) {
    const r = await call('GET', '/api/queue/me', { token: person.token }).catch(() => null)
    if (r?.status === 200) {
      const ticket = r.json.find((t) => t.ticketId === person.ticketId)
      if (!ticket || ticket.callingNumber === change.callingNumber) { current.positions.set(i, performance.now()); return }
    }
  }
}
const patients = await hub.connectAll({
  url: HUB, count: people.length, batch: BATCH, label: `${HUB} as ${people.length} patients`,
  options: (i) => ({ accessTokenFactory: () => people[i].token }),
  wire: (connection, i) => connection.on('queueChanged', (change) => onQueueChanged(i, change)),
})


// 4. Check-in with each clinic's QR code, as the patient's phone does after scanning it.
const checkInCode = async (queue, renew = false) => {
  if (!queue.code || renew) {
    const r = await call('GET', `/api/queue/queues/${queue.id}/check-in-code`, { token: await doctor() })
    if (r.status !== 200) throw new Error(`check-in code: ${r.status} ${JSON.stringify(r.json)}`)
    queue.code = r.json.code
  }
  return queue.code
}
let checkInErrors = 0
await pool(people, CHECKIN_WIDTH, async (person) => {
  const deadline = Date.now() + 120_000
  for (;;) {
    const r = await call('POST', '/api/queue/check-ins', {
      token: person.token, body: { code: await checkInCode(person.queue), appointmentId: person.appointmentId },
    })
    if (r.status === 200) { person.ticketId = r.json.ticketId; return }
    if (r.json?.code === 'checkin_code_expired') { await checkInCode(person.queue, true); continue }
    // The visit or the account's patient link may not have reached Queue yet.
    const early = ['appointment_not_found', 'appointment_not_yours'].includes(r.json?.code)
    if (!early || Date.now() > deadline) {
      if (checkInErrors++ < 5) log(`check-in failed: ${r.status} ${JSON.stringify(r.json)}`)
      return
    }
    await sleep(1000)
  }
})
const waiting = people.filter((p) => p.ticketId)
log(`${waiting.length}/${people.length} patients checked in (${since()}); waiting for the check-in pushes to drain…`)
const connected = new Set(patients.indices.filter((i) => people[i].ticketId))
for (const queue of queues) queue.waiting = queue.patients.filter((i) => people[i].ticketId).length
const drainStarted = performance.now()
const unsettled = () => [...connected].filter((i) => seenWaiting[i] < people[i].queue.waiting).length
let lastReport = 0
try {
  await until('the check-in pushes to drain', () => {
    const left = unsettled()
    if (performance.now() - lastReport > 30_000) { lastReport = performance.now(); log(`  ${connected.size - left}/${connected.size} patients have seen their whole clinic waiting (${since()})`) }
    return left === 0
  }, DRAIN_S, 1000)
} catch {
  log(`${unsettled()} patients still had not seen their whole clinic waiting after ${DRAIN_S}s; measuring anyway`)
}
const drainSeconds = (performance.now() - drainStarted) / 1000
await waitForIdleBroker(120)
log(`check-in pushes drained ${drainSeconds.toFixed(0)}s after the last check-in (${since()})`)

// 5. Rounds: the doctor calls the next number in every queue at once.
async function round() {
  const calls = queues.filter((q) => q.id).map((queue) => ({
    queue, expected: queue.patients.filter((i) => connected.has(i) && people[i].ticketId && !queue.done.has(people[i].patientId)),
    pushed: new Map(), numbers: new Map(), positions: new Map(), rereads: [], t0: 0, answeredAt: 0, callingNumber: null, status: 0,
  }))
  for (const c of calls) inFlight.set(c.queue.id, c)
  const token = await doctor()
  await Promise.all(calls.map(async (c) => {
    c.t0 = performance.now()
    const r = await call('POST', `/api/queue/queues/${c.queue.id}/call-next`, { token })
    c.answeredAt = performance.now()
    c.status = r.status
    if (r.status !== 200) return
    c.callingNumber = r.json.calling?.number ?? null
    for (const entry of r.json.finished ?? []) c.queue.done.add(entry.patientId)
  }))
  const until = performance.now() + ROUND_TIMEOUT_MS
  const complete = () => calls.every((c) => c.status !== 200 || c.expected.every((i) => c.pushed.has(i)))
  while (!complete() && performance.now() < until) await sleep(20)
  if (reread) await Promise.race([Promise.all(calls.flatMap((c) => c.rereads)), sleep(Math.max(0, until - performance.now()))])
  for (const c of calls) inFlight.delete(c.queue.id)
  const result = { expected: 0, latencies: [], positions: [], http: [], failedCalls: 0, wrongNumber: 0 }
  for (const c of calls) {
    if (c.status !== 200) { result.failedCalls += 1; continue }
    result.http.push(c.answeredAt - c.t0)
    result.expected += c.expected.length
    for (const i of c.expected) {
      if (c.pushed.has(i)) result.latencies.push(c.pushed.get(i) - c.t0)
      if (c.positions.has(i)) result.positions.push(c.positions.get(i) - c.t0)
      if (c.pushed.has(i) && c.numbers.get(i) !== c.callingNumber) result.wrongNumber += 1
    }
  }
  return result
}

const totals = { push: { expected: 0, latencies: [], http: [], failedCalls: 0, wrongNumber: 0 }, position: { expected: 0, latencies: [] } }
try {
  await sleep(1000) // let group joins settle
  const plan = [
    ...Array.from({ length: WARMUP_ROUNDS }, (_, r) => ({ label: `warm-up ${r + 1}`, warmup: true, reread: false })),
    ...Array.from({ length: ROUNDS }, (_, r) => ({ label: `round ${r + 1}`, warmup: false, reread: false })),
    ...Array.from({ length: REREAD_ROUNDS }, (_, r) => ({ label: `re-read round ${r + 1}`, warmup: false, reread: true })),
  ]
  for (const step of plan) {
    reread = step.reread
    if (reread) {
      await renewStale(waiting)
    }
    const r = await round()
    const missed = r.expected - r.latencies.length
    const line = `${step.label}: ${QUEUES - r.failedCalls}/${QUEUES} calls (HTTP p50 ${pct(r.http, 50)} ms), pushes ${r.latencies.length}/${r.expected}` +
      ` (${missed} missed), p50 ${pct(r.latencies, 50)} ms, p99 ${pct(r.latencies, 99)} ms` +
      (reread ? `; position ${r.positions.length}/${r.expected}, p50 ${pct(r.positions, 50)} ms, p99 ${pct(r.positions, 99)} ms` : '')
    log(line)
    if (!step.warmup && !reread) {
      totals.push.expected += r.expected
      totals.push.latencies.push(...r.latencies)
      totals.push.http.push(...r.http)
      totals.push.failedCalls += r.failedCalls
      totals.push.wrongNumber += r.wrongNumber
    }
    if (reread) {
      totals.position.expected += r.expected
      totals.position.latencies.push(...r.positions)
    }
    await sleep(1000)
  }
} finally {
  await hub.disconnectAll(patients, BATCH)
}
await handBackClinics().catch((e) => log(`handing the bench clinics back failed: ${e.message}`))

// The doctor's 叫号 page lists their own clinics first and opens the first one: bench clinics left on the seeded doctor would
// come before the acceptance tests' clinic. Staff hand them (this run's and any earlier run's) to a practitioner nobody is
// linked to, as 替诊 does; that sends nothing to the patients.
async function handBackClinics() {
  const staff = await clinicianToken({ ...ADMIN, clientId: 'admin' })
  const mine = await call('GET', '/api/queue/queues?mine=true', { token: await doctor() })
  const bench = (mine.json ?? []).filter((q) => /^压测[0-9a-f]{6}-\d+诊室$/.test(q.location))
  await pool(bench, 8, async (q) => {
    const r = await call('PUT', `/api/queue/queues/${q.id}/practitioner`, { token: staff, body: { practitionerId: `bench-${run}` } })
    if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.json)}`)
  })
  log(`handed ${bench.length} bench clinics from ${PRACTITIONER} to bench-${run}`)
}

// 6. The bare hub's broadcast to as many clients, in the same run.
const bare = BARE_BASE
  ? await hub.bareHub({
    base: BARE_BASE, count: connected.size, batch: BATCH, rounds: BARE_ROUNDS, warmupRounds: 1, roundTimeoutMs: ROUND_TIMEOUT_MS,
  })
  : null

const push = totals.push
const missedPushes = push.expected - push.latencies.length
const p = { p50: pct(push.latencies, 50), p99: pct(push.latencies, 99) }
console.log('')
console.log(`queue call latency, doctor's call-next → the patients' queueChanged push, ${connected.size} waiting patients in ${QUEUES}` +
  ` queues × ${ROUNDS} rounds (after ${WARMUP_ROUNDS} warm-up round${WARMUP_ROUNDS === 1 ? '' : 's'}; every queue called at once each round)`)
console.log(`  pipeline  connected ${patients.connections.length}/${people.length}, received ${push.latencies.length}/${push.expected}` +
  ` (${missedPushes} missed), p50 ${p.p50} ms, p99 ${p.p99} ms; call-next HTTP p50 ${pct(push.http, 50)} ms, p99 ${pct(push.http, 99)} ms` +
  (push.failedCalls ? `, ${push.failedCalls} calls failed` : '') + (push.wrongNumber ? `, ${push.wrongNumber} pushes with another number` : ''))
if (REREAD_ROUNDS > 0) {
  const pos = totals.position
  console.log(`  position  ${REREAD_ROUNDS} rounds, push + the page's GET /api/queue/me: ${pos.latencies.length}/${pos.expected}` +
    ` (${pos.expected - pos.latencies.length} missed), p50 ${pct(pos.latencies, 50)} ms, p99 ${pct(pos.latencies, 99)} ms`)
}
if (bare) {
  console.log(`  bare hub  connected ${bare.connected}, received ${bare.received}/${bare.expected}, p50 ${bare.p50} ms, p99 ${bare.p99} ms` +
    ` (one broadcast to all, ${BARE_ROUNDS} rounds after 1 warm-up)`)
  console.log(`  ratio     p50 ${(p.p50 / bare.p50).toFixed(2)}×, p99 ${(p.p99 / bare.p99).toFixed(2)}× (queue call pipeline / bare hub)`)
}
console.log(`  setup     ${people.length} patients (${registrationErrors} registrations failed), ${waiting.length} checked in` +
  ` (${checkInErrors} failed), check-in pushes drained in ${drainSeconds.toFixed(0)} s, run ${run}, ${since()} in all`)
clearDeadline()
const complete = patients.connections.length === people.length && waiting.length === people.length && missedPushes === 0
  && push.failedCalls === 0 && (!bare || bare.received === bare.expected)
process.exit(complete ? 0 : 1)
