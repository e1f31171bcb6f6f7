import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSmsSimulator } from '../src/app.mjs';

let sim;
let base;
before(async () => {
  sim = createSmsSimulator({ apiKey: 'k' });
  base = `http://127.0.0.1:${await sim.start(0)}`;
});
after(() => sim.stop());

const post = (path, body, key = 'k') => fetch(base + path, {
  method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify(body),
});

test('records a sent message and lists it newest first', async () => {
  await fetch(`${base}/$sim/reset`, { method: 'POST' });
  assert.equal((await post('/sms/send', { phone: '13800000009', template: 'verification_code', params: { code: '111111', minutes: 5 } })).status, 200);
  assert.equal((await post('/sms/send', { phone: '13800000009', template: 'verification_code', params: { code: '222222', minutes: 5 } })).status, 200);
  const list = await (await fetch(`${base}/$sim/messages?phone=13800000009`)).json();
  assert.deepEqual(list.map((m) => m.params.code), ['222222', '111111']);
  assert.match(list[0].content, /222222/);
});

test('rejects a wrong api key, a bad number and an unknown template', async () => {
  assert.equal((await post('/sms/send', { phone: '13800000009', template: 'notice', params: { text: 'x' } }, 'nope')).status, 401);
  assert.equal((await post('/sms/send', { phone: '12345', template: 'notice', params: { text: 'x' } })).status, 400);
  assert.equal((await post('/sms/send', { phone: '13800000009', template: 'spam', params: {} })).status, 400);
});

test('injected faults affect the next requests only', async () => {
  await post('/$sim/faults', { mode: 'rate_limit', count: 1 });
  const limited = await post('/sms/send', { phone: '13800000008', template: 'notice', params: { text: 'x' } });
  assert.equal(limited.status, 429);
  assert.equal((await limited.json()).code, 'RATE_LIMITED');
  assert.equal((await post('/sms/send', { phone: '13800000008', template: 'notice', params: { text: 'x' } })).status, 200);
});

test('timeout fault delays the answer', async () => {
  await post('/$sim/faults', { mode: 'timeout', count: 1, delayMs: 300 });
  const started = Date.now();
  await post('/sms/send', { phone: '13800000007', template: 'notice', params: { text: 'x' } });
  assert.ok(Date.now() - started >= 280);
});
