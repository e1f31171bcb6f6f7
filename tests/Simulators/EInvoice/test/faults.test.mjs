import test from 'node:test';
import assert from 'node:assert/strict';
import { issueRequest, startSimulator } from '../support/harness.mjs';

test('down answers 503 until the faults are cleared', async () => {
  const sim = await startSimulator();
  try {
    await sim.control('POST', '/$sim/faults', { down: true });
    const down = await sim.api('POST', '/api/v1/invoices', issueRequest());
    assert.equal(down.status, 503);
    assert.equal(down.json.code, 'SERVICE_UNAVAILABLE');
    assert.equal((await sim.control('DELETE', '/$sim/faults')).status, 200);
    assert.equal((await sim.api('POST', '/api/v1/invoices', issueRequest())).status, 201);
    assert.equal((await sim.control('GET', '/$sim/state')).json.counters.refusedWhileDown, 1);
  } finally {
    await sim.stop();
  }
});

test('failNext answers the planned error for the matching path the given number of times', async () => {
  const sim = await startSimulator();
  try {
    await sim.control('POST', '/$sim/faults', { failNext: { path: '/api/v1/invoices', status: 500, code: 'SYSTEM_ERROR', count: 2 } });
    const order = issueRequest();
    for (let i = 0; i < 2; i += 1) {
      const failed = await sim.api('POST', '/api/v1/invoices', order);
      assert.equal(failed.status, 500);
      assert.equal(failed.json.code, 'SYSTEM_ERROR');
    }
    assert.equal((await sim.api('POST', '/api/v1/invoices', order)).status, 201);
    assert.equal((await sim.control('GET', `/$sim/invoices?bizNo=${order.bizNo}`)).json.length, 1);
  } finally {
    await sim.stop();
  }
});

test('refuseNext refuses new issues with 422 REFUSED, then issues normally', async () => {
  const sim = await startSimulator();
  try {
    await sim.control('POST', '/$sim/faults', { refuseNext: 1 });
    const order = issueRequest();
    const refused = await sim.api('POST', '/api/v1/invoices', order);
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.json, { code: 'REFUSED', message: '开票失败：纳税人信息不完整' });
    assert.equal((await sim.api('POST', '/api/v1/invoices', order)).status, 201);
    assert.equal((await sim.control('GET', '/$sim/state')).json.counters.refused, 1);
  } finally {
    await sim.stop();
  }
});

test('delayMs slows every API answer', async () => {
  const sim = await startSimulator();
  try {
    await sim.control('POST', '/$sim/faults', { delayMs: 300 });
    const started = Date.now();
    assert.equal((await sim.api('POST', '/api/v1/invoices', issueRequest())).status, 201);
    assert.ok(Date.now() - started >= 280);
  } finally {
    await sim.stop();
  }
});

test('reset forgets invoices, faults and counters; health answers', async () => {
  const sim = await startSimulator();
  try {
    await sim.api('POST', '/api/v1/invoices', issueRequest());
    await sim.control('POST', '/$sim/faults', { refuseNext: 3 });
    assert.equal((await sim.control('POST', '/$sim/reset')).status, 200);
    assert.deepEqual((await sim.control('GET', '/$sim/invoices')).json, []);
    const state = (await sim.control('GET', '/$sim/state')).json;
    assert.equal(state.faults.refuseNext, 0);
    assert.equal(state.counters.apiCalls, 0);
    assert.equal((await sim.control('GET', '/$sim/health')).json.status, 'ok');
  } finally {
    await sim.stop();
  }
});
