import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRealNameSimulator, sign } from '../src/app.mjs';

let sim;
let base;
before(async () => {
  sim = createRealNameSimulator({ secret: 's' });
  base = `http://127.0.0.1:${await sim.start(0)}`;
});
after(() => sim.stop());

async function verify(path, body, secret = 's') {
  const raw = JSON.stringify(body);
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': sign(secret, raw) }, body: raw });
  return { status: res.status, body: await res.json() };
}

test('a seeded person matches by id card, a wrong name does not', async () => {
  const ok = await verify('/verify/id-card', { name: '张三', idNumber: '110101199003071233' });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.result, 'match');
  assert.ok(ok.body.requestId);
  assert.equal((await verify('/verify/id-card', { name: '张四', idNumber: '110101199003071233' })).body.result, 'mismatch');
});

test('bank card needs the reserved phone, social security the card number', async () => {
  const person = { name: '张三', idNumber: '110101199003071233' };
  assert.equal((await verify('/verify/bank-card', { ...person, cardNumber: '6222020200112345678', phone: '13800000001' })).body.result, 'match');
  assert.equal((await verify('/verify/bank-card', { ...person, cardNumber: '6222020200112345678', phone: '13800000002' })).body.result, 'mismatch');
  assert.equal((await verify('/verify/social-security', { ...person, cardNumber: '110101900307123301' })).body.result, 'match');
});

test('an unsigned or wrongly signed request is refused', async () => {
  assert.equal((await verify('/verify/id-card', { name: '张三', idNumber: '110101199003071233' }, 'other')).status, 401);
});

test('people can be added and faults injected', async () => {
  const added = await fetch(`${base}/$sim/people`, { method: 'POST', body: JSON.stringify({ name: '钱七', idNumber: '110101199003078996' }) });
  assert.equal(added.status, 201);
  assert.equal((await verify('/verify/id-card', { name: '钱七', idNumber: '110101199003078996' })).body.result, 'match');
  await fetch(`${base}/$sim/faults`, { method: 'POST', body: JSON.stringify({ mode: 'rate_limit', count: 1 }) });
  const limited = await verify('/verify/id-card', { name: '钱七', idNumber: '110101199003078996' });
  assert.equal(limited.status, 429);
  assert.equal(limited.body.code, 'RATE_LIMITED');
  assert.equal((await verify('/verify/id-card', { name: '钱七', idNumber: '110101199003078996' })).status, 200);
});
