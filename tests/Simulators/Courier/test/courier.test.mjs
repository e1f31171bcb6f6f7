import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createCourierSimulator } from '../src/app.mjs';
import { signedHeaders, verify } from '../src/signature.mjs';

const secret = 'courier-test-secret';

/** A pharmacy stand-in that verifies every callback the way the platform does and keeps what it got. */
async function receiver() {
  const got = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      got.push({ valid: verify(secret, 'POST', '/cb', req.headers, body) === null, nonce: req.headers['x-nonce'], event: JSON.parse(body) });
      res.writeHead(200).end('{"code":"SUCCESS"}');
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { got, url: `http://127.0.0.1:${server.address().port}/cb`, close: () => new Promise((r) => server.close(r)) };
}

describe('courier simulator', () => {
  let sim, base, cb;
  before(async () => {
    cb = await receiver();
    sim = createCourierSimulator({ host: '127.0.0.1', port: 0, appId: 'app', appSecret: secret, autoStepMs: 0, retryBaseMs: 10 });
    base = `http://127.0.0.1:${await sim.start()}`;
  });
  after(async () => { await sim.stop(); await cb.close(); });

  const create = async (orderId, { sign = true } = {}) => {
    const body = JSON.stringify({ orderId, coldChain: false, callbackUrl: cb.url, receiver: { name: '张三', phone: '13800000001', address: '解放大道100号' } });
    const headers = signedHeaders('app', sign ? secret : 'wrong', 'POST', '/api/waybills', body);
    const res = await fetch(`${base}/api/waybills`, { method: 'POST', headers, body });
    return { status: res.status, body: await res.json() };
  };
  const post = async (path, body = {}) => (await fetch(`${base}${path}`, { method: 'POST', body: JSON.stringify(body) })).json();

  it('refuses an unsigned waybill request and deduplicates on the order id', async () => {
    assert.equal((await create('o-1', { sign: false })).status, 401);
    const first = await create('o-1');
    const again = await create('o-1');
    assert.equal(first.status, 200);
    assert.equal(again.body.waybillNo, first.body.waybillNo);
  });

  it('walks a parcel through signed callbacks with rising sequence numbers to delivered', async () => {
    const { body } = await create('o-2');
    for (let i = 0; i < 5; i++) await post(`/$sim/waybills/${body.waybillNo}/advance`);
    const mine = cb.got.filter((g) => g.event.waybillNo === body.waybillNo);
    assert.deepEqual(mine.map((g) => g.event.status), ['handed-over', 'in-transit', 'in-transit', 'delivered']);
    assert.deepEqual(mine.map((g) => g.event.sequence), [1, 2, 3, 4]);
    assert.ok(mine.every((g) => g.valid));
  });

  it('duplicates, reorders, replays and loses on request', async () => {
    const { body } = await create('o-3');
    await post('/$sim/faults', { duplicate: true });
    await post(`/$sim/waybills/${body.waybillNo}/advance`);
    await fetch(`${base}/$sim/faults`, { method: 'DELETE' });
    await post('/$sim/faults', { reorder: true });
    await post(`/$sim/waybills/${body.waybillNo}/advance`);
    await post(`/$sim/waybills/${body.waybillNo}/lose`);
    await fetch(`${base}/$sim/faults`, { method: 'DELETE' });
    await post(`/$sim/waybills/${body.waybillNo}/replay`);
    const mine = cb.got.filter((g) => g.event.waybillNo === body.waybillNo);
    assert.deepEqual(mine.map((g) => g.event.sequence), [1, 1, 3, 2, 2]);
    assert.equal(mine[2].event.status, 'lost');
    assert.equal(mine[4].nonce, mine[3].nonce, 'a replay is the same request again');
  });
});
