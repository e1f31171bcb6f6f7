import test from 'node:test';
import assert from 'node:assert/strict';
import { preRequest, startSimulator } from '../support/harness.mjs';

const parts = (lines) => lines.map(({ code, fundPayFen, accountPayFen, selfPayFen }) => [code, fundPayFen, accountPayFen, selfPayFen]);

test('预结算 for a 职工 splits drugs 70%, tests and exams 60%, registration all self-pay', async () => {
  const sim = await startSimulator();
  try {
    const person = await sim.insured('patient');
    const pre = await sim.api('POST', '/api/v1/settlements/pre', preRequest(person.insuredId));
    assert.equal(pre.status, 200);
    assert.deepEqual(parts(pre.json.items), [
      ['GH-001', 0, 0, 1500],
      ['YP-0001', 6221, 2667, 0],
      ['JY-0101', 2740, 1827, 0],
      ['JC-0201', 19999, 13334, 0],
    ]);
    assert.deepEqual([pre.json.totalFen, pre.json.fundPayFen, pre.json.accountPayFen, pre.json.selfPayFen], [48288, 28960, 17828, 1500]);
    assert.match(pre.json.preSettlementId, /^PS/);
    assert.equal(Date.parse(pre.json.expiresAt) - Date.parse(pre.json.createdAt), 10 * 60 * 1000);
  } finally {
    await sim.stop();
  }
});

test('预结算 for a 城乡居民 covers 50%; a small balance runs out and the rest is self-pay', async () => {
  const sim = await startSimulator();
  try {
    const resident = await sim.insured('resident');
    const pre = (await sim.api('POST', '/api/v1/settlements/pre', preRequest(resident.insuredId))).json;
    assert.deepEqual(parts(pre.items).slice(1), [['YP-0001', 4444, 4444, 0], ['JY-0101', 2283, 2284, 0], ['JC-0201', 16666, 16667, 0]]);

    const poor = await sim.insured('lowbalance');
    const low = (await sim.api('POST', '/api/v1/settlements/pre', preRequest(poor.insuredId))).json;
    assert.deepEqual(parts(low.items), [['GH-001', 0, 0, 1500], ['YP-0001', 6221, 500, 2167], ['JY-0101', 2740, 0, 1827], ['JC-0201', 19999, 0, 13334]]);
    assert.equal(low.accountPayFen, 500);
    assert.equal(low.selfPayFen, 18828);
  } finally {
    await sim.stop();
  }
});

test('预结算 refuses a total that is not the sum of the items, bad items and unknown people', async () => {
  const sim = await startSimulator();
  try {
    const { insuredId } = await sim.insured();
    const mismatch = await sim.api('POST', '/api/v1/settlements/pre', preRequest(insuredId, { totalFen: 48287 }));
    assert.equal(mismatch.status, 400);
    assert.equal(mismatch.json.code, 'AMOUNT_MISMATCH');
    const badItem = await sim.api('POST', '/api/v1/settlements/pre', preRequest(insuredId, { items: [{ code: 'A', category: 'food', amountFen: 1 }], totalFen: 1 }));
    assert.equal(badItem.json.code, 'PARAM_ERROR');
    const unknown = await sim.api('POST', '/api/v1/settlements/pre', preRequest('INS-NOBODY'));
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.code, 'INSURED_NOT_FOUND');
  } finally {
    await sim.stop();
  }
});

test('结算 debits the personal account once; repeating it answers the same settlement', async () => {
  const sim = await startSimulator();
  try {
    const { insuredId } = await sim.insured();
    const request = preRequest(insuredId);
    const pre = (await sim.api('POST', '/api/v1/settlements/pre', request)).json;
    const settled = await sim.api('POST', '/api/v1/settlements', { preSettlementId: pre.preSettlementId, selfPayTransactionId: 'WX-1' });
    assert.equal(settled.status, 201);
    assert.equal(settled.json.status, 'settled');
    assert.deepEqual([settled.json.fundPayFen, settled.json.accountPayFen, settled.json.selfPayFen], [28960, 17828, 1500]);
    assert.match(settled.json.settlementId, /^ST/);
    assert.ok(settled.json.settledAt);

    const again = await sim.api('POST', '/api/v1/settlements', { preSettlementId: pre.preSettlementId });
    assert.equal(again.status, 200);
    assert.deepEqual(again.json, settled.json);

    const people = (await sim.control('GET', '/$sim/people')).json;
    assert.equal(people.find((p) => p.insuredId === insuredId).accountBalanceFen, 120000 - 17828);
    assert.deepEqual((await sim.api('GET', `/api/v1/settlements/${settled.json.settlementId}`)).json, settled.json);
    assert.deepEqual((await sim.control('GET', `/$sim/settlements?bizNo=${request.bizNo}`)).json, [settled.json]);
    assert.equal((await sim.api('GET', '/api/v1/settlements/ST000')).json.code, 'SETTLEMENT_NOT_FOUND');
  } finally {
    await sim.stop();
  }
});

test('退费 credits the personal account back, once', async () => {
  const sim = await startSimulator();
  try {
    const { insuredId } = await sim.insured();
    const pre = (await sim.api('POST', '/api/v1/settlements/pre', preRequest(insuredId))).json;
    const { settlementId } = (await sim.api('POST', '/api/v1/settlements', { preSettlementId: pre.preSettlementId })).json;
    const reversed = await sim.api('POST', `/api/v1/settlements/${settlementId}/reverse`, { reason: '患者退号' });
    assert.equal(reversed.status, 200);
    assert.equal(reversed.json.status, 'reversed');
    assert.equal(reversed.json.reverseReason, '患者退号');
    const again = await sim.api('POST', `/api/v1/settlements/${settlementId}/reverse`, { reason: '患者退号' });
    assert.deepEqual(again.json, reversed.json);
    const balance = (await sim.control('GET', '/$sim/people')).json.find((p) => p.insuredId === insuredId).accountBalanceFen;
    assert.equal(balance, 120000);
    assert.equal((await sim.api('GET', `/api/v1/settlements/${settlementId}`)).json.status, 'reversed');
    const state = (await sim.control('GET', '/$sim/state')).json.counters;
    assert.equal(state.reversed, 1);
    assert.equal(state.reverseRepeats, 1);
  } finally {
    await sim.stop();
  }
});

test('a pre-settlement older than 10 minutes cannot be settled; a settled one still answers after that', async () => {
  const sim = await startSimulator();
  try {
    const { insuredId } = await sim.insured();
    const stale = (await sim.api('POST', '/api/v1/settlements/pre', preRequest(insuredId))).json;
    const done = (await sim.api('POST', '/api/v1/settlements/pre', preRequest(insuredId))).json;
    const settled = (await sim.api('POST', '/api/v1/settlements', { preSettlementId: done.preSettlementId })).json;
    await sim.control('POST', '/$sim/clock', { advanceMs: 10 * 60 * 1000 + 1 });

    const expired = await sim.api('POST', '/api/v1/settlements', { preSettlementId: stale.preSettlementId });
    assert.equal(expired.status, 409);
    assert.equal(expired.json.code, 'PRE_SETTLEMENT_EXPIRED');
    assert.deepEqual((await sim.api('POST', '/api/v1/settlements', { preSettlementId: done.preSettlementId })).json, settled);
    assert.equal((await sim.api('POST', '/api/v1/settlements', { preSettlementId: 'PS-nope' })).json.code, 'PRE_SETTLEMENT_NOT_FOUND');
  } finally {
    await sim.stop();
  }
});

test('a pre-settlement whose account part is no longer there is refused with BALANCE_CHANGED', async () => {
  const sim = await startSimulator();
  try {
    const { insuredId } = await sim.insured('lowbalance');
    const first = (await sim.api('POST', '/api/v1/settlements/pre', preRequest(insuredId))).json;
    const second = (await sim.api('POST', '/api/v1/settlements/pre', preRequest(insuredId))).json;
    assert.equal((await sim.api('POST', '/api/v1/settlements', { preSettlementId: first.preSettlementId })).status, 201);
    const refused = await sim.api('POST', '/api/v1/settlements', { preSettlementId: second.preSettlementId });
    assert.equal(refused.status, 409);
    assert.equal(refused.json.code, 'BALANCE_CHANGED');
  } finally {
    await sim.stop();
  }
});
