// Release-time rush through the edge: register patients through Identity, wait for Scheduling to know them, then
// PATIENTS patients book CONCURRENCY at a time into the open units of one day; a patient whose slot is full tries
// another, as people do. Prints one summary line that booking.sh reads.
import { randomInt, randomUUID } from 'node:crypto';
import { settled, log, must, call, openUnits, pool, registerAccount, until } from '../lib/patients.mjs';

const patients = Number(process.env.PATIENTS ?? 2000);
const perAccount = Number(process.env.PER_ACCOUNT ?? 5);
const concurrency = Number(process.env.CONCURRENCY ?? 200);
const slotUnits = Number(process.env.SLOT_UNITS ?? 500);

function percentile(sorted, p) { return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0; }

log(`registering ${patients} patients (${perAccount} per account) through Identity…`);
const accounts = [];
await pool(Array.from({ length: Math.ceil(patients / perAccount) }), 16, async () => { accounts.push(await registerAccount(perAccount)); });
const people = accounts.flatMap(a => a.patientIds.map(id => ({ token: a.token, patientId: id }))).slice(0, patients);
// Registering leaves work behind (each patient's HIS record, exam orders and medications): the rush starts once it is done.
log('waiting for every registration to reach the services and the HIS…');
await until('a settled stack', settled, 600);

// Patients book CONCURRENCY at a time into the slots; one whose slot is full tries another open one, as people do.
async function rush(patients, slots, width) {
  const full = new Set();
  const result = { ok: 0, slot_full: 0, other: 0, otherCodes: new Map(), okBySlot: new Map(), latencies: [], booked: [] };
  const started = performance.now();
  await pool(patients, width, async person => {
    for (;;) {
      const open = slots.filter(s => !full.has(s.id));
      if (open.length === 0) return;
      const slot = open[randomInt(open.length)];
      const t0 = performance.now();
      const r = await call('POST', '/api/scheduling/appointments', {
        token: person.token, body: { slotId: slot.id, patientId: person.patientId }, headers: { 'idempotency-key': randomUUID() },
      });
      result.latencies.push(performance.now() - t0);
      if (r.status === 202 || r.status === 200 || r.status === 201) {
        result.ok++;
        result.okBySlot.set(slot.id, (result.okBySlot.get(slot.id) ?? 0) + 1);
        result.booked.push({ token: person.token, id: r.json.id });
        return;
      }
      if (r.json?.code === 'slot_full') { result.slot_full++; full.add(slot.id); continue; }
      result.other++;
      const code = `${r.status} ${r.json?.code ?? ''}`;
      result.otherCodes.set(code, (result.otherCodes.get(code) ?? 0) + 1);
      return;
    }
  });
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

const cancelAll = (booked, reason) =>
  pool(booked, 20, async b => { await call('POST', `/api/scheduling/appointments/${b.id}/cancel`, { token: b.token, body: { reason } }); });

// A release-time rush meets services that have been running all day: warm them (JIT tiers, prepared statements, pools)
// with a small rush of the same kind, bookings and refusals, outside the measurement; give its bookings back and let
// the work they cause settle. Its windows lie past the ones the rush will take, so a cancellation still on its way to
// the HIS meets no rush booking.
const warmUnits = Number(process.env.WARMUP_UNITS ?? 40);
const spare = (await openUnits(slotUnits + warmUnits)).slots.slice(-warmUnits);
const warmPatients = people.slice(0, Math.min(people.length, warmUnits * 4));
log(`warming up: ${warmPatients.length} patients on ${spare.length} spare windows, bookings cancelled afterwards…`);
const warm = await rush(warmPatients, spare, Math.min(concurrency, 50));
await cancelAll(warm.booked, '压测预热');
await until('a settled stack', settled, 300);

const target = await openUnits(slotUnits);
log(`rush: ${people.length} patients, ${concurrency} at once, ${target.units} units in ${target.slots.length} slots`);
const initial = new Map(target.slots.map(s => [s.id, s.remaining]));
const { ok, slot_full: slotFull, other, otherCodes, okBySlot, latencies, booked, seconds } = await rush(people, target.slots, concurrency);
const outcomes = { ok, slot_full: slotFull, other };
const oversold = [...okBySlot].reduce((s, [id, n]) => s + Math.max(0, n - initial.get(id)), 0);
latencies.sort((a, b) => a - b);

// The HIS has decided once a booking leaves 锁号中: 待支付 (the registration fee is next), or booked when there is no fee.
const decided = ['awaitingPayment', 'booked', 'failed', 'cancelled', 'expired'];
log('waiting for the HIS to confirm every booking…');
const hisStarted = performance.now();
const states = new Map();
await until('HIS confirmations', async () => {
  const pending = booked.filter(b => !decided.includes(states.get(b.id)));
  await pool(pending, 20, async b => { states.set(b.id, (await must('GET', `/api/scheduling/appointments/${b.id}`, { token: b.token })).status); });
  return pending.every(b => decided.includes(states.get(b.id)));
}, 600).catch(e => log(e.message));
const hisSeconds = (performance.now() - hisStarted) / 1000;
const byState = {};
for (const s of states.values()) byState[s] = (byState[s] ?? 0) + 1;

log('cancelling the bench bookings so the units are free again…');
await cancelAll(booked, '压测结束');
// pgbench runs next on the same PostgreSQL: let the cancellations' work (HIS, payments, messages) finish first.
log('waiting for the stack to settle before pgbench…');
await until('a settled stack', settled, 300).catch(e => log(e.message));

console.log(`units ${target.units} in ${target.slots.length} slots; requests ${latencies.length}; after HIS (${hisSeconds.toFixed(1)} s): ${JSON.stringify(byState)}; other errors: ${JSON.stringify(Object.fromEntries(otherCodes))}`);
console.log(`booking: ${(outcomes.ok / seconds).toFixed(1)} bookings/s, p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p99 ${percentile(latencies, 0.99).toFixed(0)} ms, ${outcomes.ok} ok, ${outcomes.slot_full} slot_full, ${outcomes.other} other, ${oversold} oversold`);
if (oversold > 0) process.exit(3);
