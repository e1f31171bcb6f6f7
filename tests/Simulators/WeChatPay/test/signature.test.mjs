import test from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { jsapiOrder, startSimulator } from '../support/harness.mjs';

const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

test('a correctly signed request is answered with a platform signature the referee accepts', async () => {
  const sim = await startSimulator();
  try {
    const created = await sim.api('POST', '/v3/pay/transactions/jsapi', jsapiOrder(sim.config));
    assert.equal(created.status, 200);
    assert.match(created.json.prepay_id, /^wx\d{14}[0-9a-f]{20}$/);
    assert.equal(created.signed, true);
    assert.equal(created.headers['wechatpay-serial'], sim.config.platformSerial);
    assert.ok(created.headers['request-id']);
  } finally {
    await sim.stop();
  }
});

test('forged, stale, foreign-merchant, wrong-serial, tampered and unsigned requests are refused with a signed 401', async () => {
  const sim = await startSimulator();
  try {
    const order = jsapiOrder(sim.config);
    const attempts = {
      forged: { privateKey: strangerKey },
      stale: { timestamp: Math.floor(Date.now() / 1000) - 600 },
      wrongMchid: { mchid: '1900000999' },
      wrongSerial: { serial: 'ABCDEF0123456789' },
      tamperedBody: { signedBody: JSON.stringify({ ...order, amount: { total: 1 } }) },
      otherPath: { signedPath: '/v3/pay/transactions/native' },
      unsigned: { omit: true },
    };
    for (const [name, sign] of Object.entries(attempts)) {
      const refused = await sim.api('POST', '/v3/pay/transactions/jsapi', order, sign);
      assert.equal(refused.status, 401, name);
      assert.equal(refused.json.code, 'SIGN_ERROR', name);
      assert.ok(refused.json.message, name);
      assert.equal(refused.signed, true, `${name} error answer is signed`);
    }
    const state = await sim.control('GET', '/$sim/state');
    assert.equal(state.json.counters.signatureFailures, Object.keys(attempts).length);
    assert.equal(state.json.counters.orders, 0);
  } finally {
    await sim.stop();
  }
});

test('the query string is part of what is signed', async () => {
  const sim = await startSimulator();
  try {
    const order = jsapiOrder(sim.config);
    await sim.api('POST', '/v3/pay/transactions/jsapi', order);
    const path = `/v3/pay/transactions/out-trade-no/${order.out_trade_no}?mchid=${sim.config.mchId}`;
    assert.equal((await sim.api('GET', path)).status, 200);
    const withoutQuery = await sim.api('GET', path, undefined, { signedPath: path.split('?')[0] });
    assert.equal(withoutQuery.status, 401);
  } finally {
    await sim.stop();
  }
});
