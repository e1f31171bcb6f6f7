import test from 'node:test';
import assert from 'node:assert/strict';
import { issueRequest, startSimulator } from '../support/harness.mjs';

test('bad, stale, foreign, tampered, unsigned and replayed requests are refused with 401 SIGN_ERROR', async () => {
  const sim = await startSimulator();
  try {
    const order = issueRequest();
    const attempts = {
      wrongSecret: { secret: 'not-the-secret' },
      stale: { timestamp: Math.floor(Date.now() / 1000) - 600 },
      future: { timestamp: Math.floor(Date.now() / 1000) + 600 },
      foreignApp: { appId: 'other-hospital' },
      tamperedBody: { signedBody: JSON.stringify({ ...order, totalFen: 1 }) },
      otherPath: { signedPath: '/api/v1/invoices/33060126/0061000001' },
      unsigned: { omit: true },
    };
    for (const [name, overrides] of Object.entries(attempts)) {
      const refused = await sim.api('POST', '/api/v1/invoices', order, overrides);
      assert.equal(refused.status, 401, name);
      assert.equal(refused.json.code, 'SIGN_ERROR', name);
      assert.match(refused.json.message, /[\u4e00-\u9fa5]/, `${name} explains in Chinese`);
    }

    const nonce = 'nonce-used-once';
    assert.equal((await sim.api('POST', '/api/v1/invoices', order, { nonce })).status, 201);
    const replayed = await sim.api('POST', '/api/v1/invoices', order, { nonce });
    assert.equal(replayed.status, 401);
    assert.match(replayed.json.message, /重放/);

    const state = (await sim.control('GET', '/$sim/state')).json;
    assert.equal(state.counters.signatureFailures, Object.keys(attempts).length + 1);
    assert.equal(state.counters.issued, 1);
  } finally {
    await sim.stop();
  }
});

test('a forged request does not spend the nonce of the genuine one', async () => {
  const sim = await startSimulator();
  try {
    const order = issueRequest();
    assert.equal((await sim.api('POST', '/api/v1/invoices', order, { nonce: 'n1', secret: 'forged' })).status, 401);
    assert.equal((await sim.api('POST', '/api/v1/invoices', order, { nonce: 'n1' })).status, 201);
  } finally {
    await sim.stop();
  }
});

test('the secret and app id come from the environment', async () => {
  const sim = await startSimulator({ EINVOICE_APP_ID: 'other-app', EINVOICE_APP_SECRET: 's3cret' });
  try {
    assert.equal(sim.config.appId, 'other-app');
    assert.equal((await sim.api('POST', '/api/v1/invoices', issueRequest())).status, 201);
    assert.equal((await sim.api('POST', '/api/v1/invoices', issueRequest(), { secret: 'einvoice-local-secret' })).status, 401);
  } finally {
    await sim.stop();
  }
});
