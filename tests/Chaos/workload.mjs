// The patients' side of ./platform chaos, all through the edge on loopback: ACCOUNTS accounts (PER_ACCOUNT patients
// each) are registered, each account keeps the patient app's hub connection open (reconnecting and catching up as the
// app does), then PATIENTS patients, CONCURRENCY at a time and spread over WORKLOAD_SECONDS, book a slot, wait for the
// HIS to lock it and pay the registration fee at the WeChat Pay simulator. Requests that meet a dead replica or a
// restarting broker or database are retried as a client would (same Idempotency-Key, bounded backoff). chaos.sh injects
// the faults once $CHAOS_DIR/started exists and writes $CHAOS_DIR/faults-done when they are over; the workload then
// probes every service for FOLLOW_SECONDS (5xx there means an error that outlived the faults), waits for the bookings
// and payments to settle and for every account's messages to have reached its hub client, and writes
// $CHAOS_DIR/summary.json for chaos.sh's checks. Bounded in count and time.
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import * as signalr from '@microsoft/signalr';
import { brokerIdle, call, edge, log, openUnits, pool, registerAccount, until } from '../Benchmarks/lib/patients.mjs';

const dir = process.env.CHAOS_DIR;
const patients = Number(process.env.PATIENTS ?? 200);
const perAccount = Number(process.env.PER_ACCOUNT ?? 5);
const concurrency = Number(process.env.CONCURRENCY ?? 40);
const workloadSeconds = Number(process.env.WORKLOAD_SECONDS ?? 150);
const followSeconds = Number(process.env.FOLLOW_SECONDS ?? 15);
const payProbability = Number(process.env.PAY_SHARE ?? 0.9);
const wechatPaySim = process.env.PLATFORM_WECHATPAY_SIM_URL ?? 'http://127.0.0.1:5305';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const transient = (status) => status === 0 || status >= 500;

const errors = [];
const outcomes = {};
const count = (what) => { outcomes[what] = (outcomes[what] ?? 0) + 1; };

/** One client request, retried while the answer is a network failure or a 5xx (every 5xx is recorded). */
async function resilient(method, path, options = {}, attempts = 12) {
  for (let attempt = 1; ; attempt++) {
    let r;
    try { r = await call(method, path, options); } catch (e) { r = { status: 0, json: { error: String(e.cause?.code ?? e.message) } }; }
    if (transient(r.status)) errors.push({ at: Date.now(), status: r.status, call: `${method} ${path.replace(/[0-9a-f-]{36}/g, '{id}').replace(/\?.*/, '')}`, code: r.json?.code ?? r.json?.error ?? null });
    if (!transient(r.status) || attempt >= attempts) return r;
    await sleep(Math.min(5000, 200 * 2 ** attempt));
  }
}

async function simCall(method, path, body) {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${wechatPaySim}/$sim/${path}`, {
        method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined, signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) throw new Error(`${method} $sim/${path}: ${response.status} ${await response.text()}`);
      return await response.json();
    } catch (e) {
      if (attempt >= 5) throw e;
      await sleep(500 * attempt);
    }
  }
}

// ---- pushes: the patient app's hub connection, one per account ----
class PushClient {
  constructor(account, since) {
    this.account = account;
    this.received = new Map();
    this.reconnects = 0;
    this.lastSeen = since;
    this.stopped = false;
    this.connection = new signalr.HubConnectionBuilder()
      .withUrl(`${edge}/hubs/notifications`, { accessTokenFactory: () => account.token })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ({ previousRetryCount }) => Math.min(5000, 500 * 2 ** previousRetryCount) })
      .configureLogging(signalr.LogLevel.None)
      .build();
    this.connection.on('message', (m) => {
      if (!this.received.has(m.id)) this.received.set(m.id, m.createdAt);
      // CatchUp takes the newest message the app holds (or, before any, a time).
      if (!this.newest || m.createdAt >= this.newest) { this.newest = m.createdAt; this.lastSeen = m.id; }
    });
    this.connection.on('unreadCount', () => {});
    for (const other of ['appointmentChanged', 'offerChanged', 'paymentChanged', 'queueChanged', 'hospitalChanged']) this.connection.on(other, () => {});
    this.connection.onreconnected(() => { this.reconnects++; this.catchUp(); });
    // Past the automatic retries, the app starts again by itself.
    this.connection.onclose(() => { if (!this.stopped) { this.reconnects++; this.start(); } });
  }

  async start() {
    while (!this.stopped) {
      try { await this.connection.start(); await this.catchUp(); return; } catch { await sleep(1000); }
    }
  }

  async catchUp() { try { await this.connection.invoke('CatchUp', this.lastSeen); } catch { /* the next reconnect catches up */ } }

  get connected() { return this.connection.state === signalr.HubConnectionState.Connected; }

  async stop() { this.stopped = true; await this.connection.stop().catch(() => {}); }
}

/** Every message of the account (all made during this run: the accounts are new). */
async function messagesOf(account) {
  const ids = [];
  let before = '';
  for (let page = 0; page < 20; page++) {
    const r = await resilient('GET', `/api/notification/messages?limit=100${before ? `&before=${before}` : ''}`, { token: account.token });
    if (r.status !== 200) throw new Error(`messages: ${r.status}`);
    ids.push(...r.json.items.map((m) => m.id));
    if (!r.json.nextBefore) break;
    before = r.json.nextBefore;
  }
  return ids;
}

// ---- one patient: book, wait for the HIS to lock the unit, pay the registration fee ----
const full = new Set();
const booked = [];
const payments = [];

async function appointmentStatus(person, id) {
  const r = await resilient('GET', `/api/scheduling/appointments/${id}`, { token: person.token });
  return r.status === 200 ? r.json.status : null;
}

async function journey(person, slots) {
  let key = randomUUID();
  let appointment = null;
  for (let tries = 0; tries < 8 && !appointment; tries++) {
    const open = slots.filter((s) => !full.has(s.id));
    if (open.length === 0) { count('no open slot left'); return; }
    const slot = open[randomInt(open.length)];
    const r = await resilient('POST', '/api/scheduling/appointments', {
      token: person.token, body: { slotId: slot.id, patientId: person.patientId }, headers: { 'idempotency-key': key },
    });
    if (r.status >= 200 && r.status < 300) appointment = { id: r.json.id, slotId: slot.id, person };
    else if (r.json?.code === 'slot_full') { full.add(slot.id); key = randomUUID(); }
    else { count(`book refused: ${r.status} ${r.json?.code ?? ''}`.trim()); return; }
  }
  if (!appointment) { count('book: every slot tried was full'); return; }
  booked.push({ id: appointment.id, slotId: appointment.slotId, accountId: person.accountId });
  let status = null;
  await until('the HIS lock', async () => { status = await appointmentStatus(person, appointment.id); return status && status !== 'locking'; }, 180)
    .catch(() => {});
  if (status !== 'awaitingPayment') { count(`appointment ${status ?? 'unknown'} before payment`); return; }
  if (Math.random() > payProbability) { count('left unpaid (patient walked away)'); return; }
  let order = null;
  await until('the registration-fee order', async () => {
    const r = await resilient('GET', `/api/payment/orders?sourceId=${appointment.id}`, { token: person.token });
    order = r.json?.items?.[0] ?? null;
    return order;
  }, 120).catch(() => {});
  if (!order) { count('no registration-fee order'); return; }
  const how = await resilient('POST', `/api/payment/orders/${order.id}/pay`, { token: person.token });
  if (how.status !== 200 || !how.json?.codeUrl) { count(`pay refused: ${how.status} ${how.json?.code ?? ''}`.trim()); return; }
  const simOrder = (await simCall('GET', 'orders')).find((o) => o.code_url === how.json.codeUrl);
  if (!simOrder) { count('order unknown to WeChat Pay'); return; }
  // A retried pay whose first attempt went through is told ORDERPAID: paid all the same.
  await simCall('POST', 'pay', { out_trade_no: simOrder.out_trade_no }).catch((e) => { if (!/ORDERPAID/.test(e.message)) throw e; });
  payments.push({ appointmentId: appointment.id, orderId: order.id, outTradeNo: simOrder.out_trade_no, amountFen: order.amountFen, person });
  count('paid at WeChat Pay');
}

// ---- the run ----
const started = new Date();
const startedIso = started.toISOString();
log(`registering ${Math.ceil(patients / perAccount)} accounts × ${perAccount} patients through Identity…`);
const accounts = [];
await pool(Array.from({ length: Math.ceil(patients / perAccount) }), 8, async () => {
  const a = await registerAccount(perAccount);
  const me = JSON.parse(Buffer.from(a.token.split('.')[1], 'base64url').toString());
  accounts.push({ ...a, accountId: me.sub });
});
const people = accounts.flatMap((a) => a.patientIds.map((id) => ({ token: a.token, accountId: a.accountId, patientId: id }))).slice(0, patients);
await until('an idle broker (every patient known to Scheduling)', brokerIdle, 120);
const pushClients = accounts.map((a) => new PushClient(a, startedIso));
await Promise.all(pushClients.map((c) => c.start()));
const target = await openUnits(patients + 50);
log(`${people.length} patients, ${concurrency} at a time over ${workloadSeconds} s; ${target.units} units in ${target.slots.length} slots; ${pushClients.length} hub clients`);

writeFileSync(`${dir}/started`, new Date().toISOString());
const workStarted = Date.now();
await pool(people, concurrency, async (person, i) => {
  const due = workStarted + (i * workloadSeconds * 1000) / people.length;
  if (due > Date.now()) await sleep(due - Date.now());
  await journey(person, target.slots).catch((e) => count(`journey error: ${e.message.slice(0, 80)}`));
});
log(`workload done in ${((Date.now() - workStarted) / 1000).toFixed(0)} s; waiting for the faults to end…`);
await until('the end of the faults', async () => existsSync(`${dir}/faults-done`), 400).catch(() => log('faults never ended'));

// After the faults: every service answers again, and keeps answering, through the edge.
const probes = ['/api/identity/agreements/privacy/current', '/api/hospital/departments', '/api/scheduling/departments',
  '/api/payment/orders', '/api/notification/messages/unread-count', '/api/scheduling/appointments'];
const followStart = Date.now();
const follow = { requests: 0, errors: 0 };
while (Date.now() - followStart < followSeconds * 1000) {
  for (const path of probes) {
    let status;
    try { status = (await call('GET', path, { token: accounts[0].token })).status; } catch { status = 0; }
    follow.requests++;
    if (transient(status)) { follow.errors++; errors.push({ at: Date.now(), status, call: `GET ${path}`, code: 'after faults' }); }
  }
  await sleep(500);
}

log('waiting for every paid appointment to be booked and every booking to settle…');
const finalStatus = new Map();
const byAccount = new Map(accounts.map((a) => [a.accountId, a]));
const paidIds = new Set(payments.map((p) => p.appointmentId));
await until('settled appointments', async () => {
  const pending = booked.filter((b) => !['booked', 'failed', 'cancelled', 'expired'].includes(finalStatus.get(b.id)));
  await pool(pending, 10, async (b) => { finalStatus.set(b.id, await appointmentStatus(byAccount.get(b.accountId), b.id)); });
  return booked.every((b) => (paidIds.has(b.id) ? ['booked', 'cancelled'].includes(finalStatus.get(b.id)) : finalStatus.get(b.id) !== 'locking'));
}, 120).catch((e) => log(e.message));

log('waiting for every message to reach its account\'s hub client…');
let pushes = null;
await until('pushes delivered', async () => {
  let requested = 0, delivered = 0;
  const missing = [];
  await pool(pushClients, 10, async (client) => {
    const ids = await messagesOf(client.account);
    requested += ids.length;
    for (const id of ids) { if (client.received.has(id)) delivered++; else missing.push(id); }
  });
  pushes = { requested, delivered, missing: missing.length, clients: pushClients.length,
    connectedAtEnd: pushClients.filter((c) => c.connected).length, reconnects: pushClients.reduce((s, c) => s + c.reconnects, 0) };
  if (missing.length) log(`pushes: ${delivered} of ${requested} delivered, ${pushes.connectedAtEnd}/${pushes.clients} clients connected`);
  return missing.length === 0;
}, 90).catch(() => log('some messages never reached their hub client'));
await Promise.all(pushClients.map((c) => c.stop()));

const simOrders = new Map((await simCall('GET', 'orders')).map((o) => [o.out_trade_no, o]));
const states = {};
for (const s of finalStatus.values()) states[s ?? 'unknown'] = (states[s ?? 'unknown'] ?? 0) + 1;
const summary = {
  started: startedIso, patients: people.length, accounts: accounts.length, outcomes, appointmentStates: states,
  booked: booked.map((b) => ({ id: b.id, slotId: b.slotId, status: finalStatus.get(b.id) ?? null })),
  payments: payments.map((p) => ({ appointmentId: p.appointmentId, orderId: p.orderId, outTradeNo: p.outTradeNo, amountFen: p.amountFen,
    simState: simOrders.get(p.outTradeNo)?.trade_state ?? null, appointmentStatus: finalStatus.get(p.appointmentId) ?? null })),
  errors, follow, pushes,
};
writeFileSync(`${dir}/summary.json`, JSON.stringify(summary, null, 1));
log('workload summary written');
process.exit(0);
