// What the benchmarks and the chaos run do as patients through the edge: calls, registering accounts (SMS code from the
// simulator, agreements, real-name checked patients), waiting on conditions and on an idle broker. Loopback only.
import { randomInt, randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';

const edge = process.env.PLATFORM_EDGE_URL ?? 'http://127.0.0.1:8080';
const smsSim = process.env.PLATFORM_SMS_SIM_URL ?? 'http://127.0.0.1:5302';
const realNameSim = process.env.PLATFORM_REALNAME_SIM_URL ?? 'http://127.0.0.1:5303';
const rabbit = process.env.PLATFORM_RABBIT_MGMT ?? 'http://127.0.0.1:55673';
const rabbitAuth = 'Basic ' + Buffer.from(`${process.env.PLATFORM_RABBIT_USER ?? 'platform'}:${process.env.PLATFORM_RABBIT_PASSWORD ?? 'platform-dev-password'}`).toString('base64');

const log = (...a) => console.error(new Date().toISOString().slice(11, 19), ...a);

async function call(method, path, { token, body, headers = {}, base = edge } = {}) {
  const response = await fetch(base + path, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = { raw: text }; }
  return { status: response.status, json };
}

async function must(method, path, options) {
  const r = await call(method, path, options);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}

async function pool(items, width, work) {
  let next = 0;
  const workers = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) { const i = next++; await work(items[i], i); }
  });
  await Promise.all(workers);
}

const until = async (what, check, seconds) => {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 500));
  }
};

// GB 11643 resident ID with a valid check character.
function residentId() {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const born = new Date(Date.UTC(1950 + randomInt(50), randomInt(12), 1 + randomInt(28)));
  const first17 = `110101${born.toISOString().slice(0, 10).replaceAll('-', '')}${String(randomInt(1000)).padStart(3, '0')}`;
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}
const phone = () => '137' + String(randomInt(100_000_000)).padStart(8, '0');
const names = ['王建国', '李秀英', '张小明', '刘丽华', '陈志强', '杨桂兰', '赵浩然', '黄淑珍'];

async function smsCode(number, since) {
  return until(`SMS code for ${number}`, async () => {
    const messages = await (await fetch(`${smsSim}/$sim/messages?phone=${number}`)).json();
    const m = messages.find(x => x.params?.code && new Date(x.sentAt) >= since);
    return m?.params.code;
  }, 30);
}

// Random ID numbers of earlier runs may collide (already_bound): draw another person then.
async function addPatient(token, relation) {
  for (let attempt = 1; ; attempt++) {
    const name = names[randomInt(names.length)], idNumber = residentId();
    const person = await fetch(`${realNameSim}/$sim/people`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, idNumber, bankCards: [], socialSecurityCards: [] }),
    });
    if (!person.ok) throw new Error(`real-name simulator: ${person.status}`);
    const r = await call('POST', '/api/identity/me/patients', {
      token, body: { relation, name, idType: 'resident_id', idNumber, phone: phone(), method: 'id_card' },
    });
    if (r.status < 300) return r.json.id;
    if (r.json?.code !== 'already_bound' || attempt >= 5) throw new Error(`adding a patient: ${r.status} ${JSON.stringify(r.json)}`);
  }
}

async function registerAccount(perAccount) {
  const number = phone();
  const since = new Date(Date.now() - 2000);
  await must('POST', '/api/identity/sms-codes', { body: { phone: number, purpose: 'register' } });
  const code = await smsCode(number, since);
  const acceptedAgreements = [];
  for (const kind of ['registration', 'privacy', 'booking']) {
    const current = await must('GET', `/api/identity/agreements/${kind}/current`);
    acceptedAgreements.push({ kind, version: current.version });
  }
  const registered = await must('POST', '/api/identity/accounts', {
    body: { phone: number, smsCode: code, username: `b_${randomUUID().replaceAll('-', '').slice(0, 14)}`, password: `Pw#${randomInt(100000, 999999)}ab`, acceptedAgreements },
  });
  const token = registered.tokens.access_token;
  const ids = [];
  for (let i = 0; i < perAccount; i++) ids.push(await addPatient(token, i === 0 ? 'self' : 'other'));
  return { token, patientIds: ids };
}

async function brokerIdle() {
  const queues = await (await fetch(`${rabbit}/api/queues`, { headers: { authorization: rabbitAuth } })).json();
  // A stopped Notification replica's push queue has no consumer and fills until x-expires removes it: not work pending.
  return queues.every(q => (q.messages ?? 0) === 0 || q.name.endsWith('_error') || q.name.endsWith('_skipped')
    || (q.name.includes('push-requested') && (q.consumers ?? 0) === 0));
}

// The HIS adapter works through its durable command table (a new patient's HIS record, exam orders and medications;
// bookings and cancellations), not a queue: an idle broker can hide minutes of HIS work still to do. Read with psql
// against the stack's PostgreSQL (PGHOST, PGPORT, PGUSER, PGPASSWORD as booking.sh exports them).
function hisCommandsPending() {
  const out = execFileSync('psql', ['-d', process.env.PLATFORM_HIS_DB ?? 'hisadapter', '-Atc',
    "SELECT count(*) FROM his_commands WHERE status = 'pending'"], { encoding: 'utf8' });
  return Number(out.trim());
}

// Nothing left to do anywhere: no message in a queue and no HIS command waiting.
async function settled() {
  return await brokerIdle() && hisCommandsPending() === 0;
}

// The open units of the released days, earliest first, until SLOT_UNITS: a rush is on whatever the hospital released.
async function openUnits(slotUnits) {
  const departments = await must('GET', '/api/scheduling/departments');
  const today = new Date(Date.now() + 8 * 3600_000);
  const chosen = [];
  let units = 0;
  for (let d = 1; d <= 7 && units < slotUnits; d++) {
    const date = new Date(today.getTime() + d * 86400_000).toISOString().slice(0, 10);
    for (const department of departments) {
      for (const slot of await must('GET', `/api/scheduling/slots?departmentId=${department.id}&date=${date}`)) {
        if (units >= slotUnits) break;
        if (slot.status !== 'open' || slot.remaining <= 0) continue;
        chosen.push(slot);
        units += slot.remaining;
      }
    }
  }
  if (units === 0) throw new Error('no released day has open slots: is the HIS simulator synced?');
  return { slots: chosen, units };
}

export { openUnits, edge, smsSim, realNameSim, rabbit, rabbitAuth, log, call, must, pool, until, residentId, phone, addPatient, registerAccount, brokerIdle, settled };
