import test from 'node:test';
import assert from 'node:assert/strict';
import { eventually, preRequest, startSimulator } from '../support/harness.mjs';

test('refuseNext: the next pre-settlements or settlements answer 422 REFUSED, then it works again', async () => {
  const sim = await startSimulator();
  try {
    const { insuredId } = await sim.insured();
    await sim.control('POST', '/$sim/faults', { refuseNext: 2 });
    for (let i = 0; i < 2; i += 1) {
      const refused = await sim.api('POST', '/api/v1/settlements/pre', preRequest(insuredId));
      assert.equal(refused.status, 422);
      assert.deepEqual(refused.json, { code: 'REFUSED', message: '参保状态异常，暂不能使用医保结算' });
    }
    const pre = (await sim.api('POST', '/api/v1/settlements/pre', preRequest(insuredId))).json;
    await sim.control('POST', '/$sim/faults', { refuseNext: 1 });
    assert.equal((await sim.api('POST', '/api/v1/settlements', { preSettlementId: pre.preSettlementId })).status, 422);
    assert.equal((await sim.api('POST', '/api/v1/settlements', { preSettlementId: pre.preSettlementId })).status, 201);
    assert.equal((await sim.control('GET', '/$sim/state')).json.counters.refused, 3);
  } finally {
    await sim.stop();
  }
});

test('down: every API call answers 503 until the fault is cleared', async () => {
  const sim = await startSimulator();
  try {
    await sim.control('POST', '/$sim/faults', { down: true });
    const down = await sim.api('GET', '/api/v1/settlements');
    assert.equal(down.status, 503);
    assert.equal(down.json.code, 'SERVICE_UNAVAILABLE');
    await sim.control('DELETE', '/$sim/faults');
    assert.equal((await sim.api('GET', '/api/v1/settlements')).status, 200);
  } finally {
    await sim.stop();
  }
});

test('failNext: the next matching signed calls answer the planned error', async () => {
  const sim = await startSimulator();
  try {
    await sim.control('POST', '/$sim/faults', { failNext: { path: '/api/v1/settlements*', status: 500, code: 'SYSTEM_ERROR', count: 2 } });
    assert.equal((await sim.api('GET', '/api/v1/settlements')).status, 500);
    assert.equal((await sim.api('GET', '/api/v1/settlements')).json.code, 'SYSTEM_ERROR');
    assert.equal((await sim.api('GET', '/api/v1/settlements')).status, 200);
  } finally {
    await sim.stop();
  }
});

test('timeoutNext: the settlement is held until the caller gives up, then applied all the same', async () => {
  const sim = await startSimulator();
  try {
    const { insuredId } = await sim.insured();
    const request = preRequest(insuredId);
    const pre = (await sim.api('POST', '/api/v1/settlements/pre', request)).json;
    await sim.control('POST', '/$sim/faults', { timeoutNext: 1 });

    await assert.rejects(sim.api('POST', '/api/v1/settlements', { preSettlementId: pre.preSettlementId }, { signal: AbortSignal.timeout(300) }),
      (err) => err.name === 'TimeoutError');

    const [settled] = await eventually(async () => {
      const found = (await sim.api('GET', `/api/v1/settlements?bizNo=${request.bizNo}`)).json;
      return found.length ? found : undefined;
    });
    assert.equal(settled.status, 'settled');
    const again = await sim.api('POST', '/api/v1/settlements', { preSettlementId: pre.preSettlementId });
    assert.equal(again.status, 200);
    assert.equal(again.json.settlementId, settled.settlementId);
    const state = (await sim.control('GET', '/$sim/state')).json;
    assert.equal(state.counters.heldUntilTimeout, 1);
    assert.equal(state.counters.settled, 1);
    assert.equal(state.faults.timeoutNext, 0);
  } finally {
    await sim.stop();
  }
});

test('reset restores balances, forgets settlements, faults and the clock', async () => {
  const sim = await startSimulator();
  try {
    const { insuredId } = await sim.insured();
    const pre = (await sim.api('POST', '/api/v1/settlements/pre', preRequest(insuredId))).json;
    await sim.api('POST', '/api/v1/settlements', { preSettlementId: pre.preSettlementId });
    await sim.control('POST', '/$sim/faults', { down: true });
    await sim.control('POST', '/$sim/clock', { advanceMs: 1000 });
    assert.equal((await sim.control('POST', '/$sim/reset')).status, 200);
    const state = (await sim.control('GET', '/$sim/state')).json;
    assert.equal(state.counters.settlements, 0);
    assert.equal(state.faults.down, false);
    assert.equal(state.clockOffsetMs, 0);
    assert.equal((await sim.control('GET', '/$sim/people')).json[0].accountBalanceFen, 120000);
    assert.deepEqual((await sim.control('GET', '/$sim/health')).json, { status: 'ok', appId: 'hospital-jcsy' });
  } finally {
    await sim.stop();
  }
});
