import test from 'node:test';
import assert from 'node:assert/strict';
import { jsapiOrder, startSimulator, waitFor } from '../support/harness.mjs';

const query = (sim, no) => sim.api('GET', `/v3/pay/transactions/out-trade-no/${no}?mchid=${sim.config.mchId}`);

test('prepay validates its parameters with PARAM_ERROR', async () => {
  const sim = await startSimulator();
  try {
    const bad = {
      shortNo: { out_trade_no: 'A1' },
      oddCharacters: { out_trade_no: 'ORDER#2026' },
      zeroAmount: { amount: { total: 0 } },
      fractionalAmount: { amount: { total: 12.5 } },
      noOpenid: { payer: {} },
      noDescription: { description: '' },
      notifyWithQuery: { notify_url: 'https://example.com/notify?x=1' },
      badExpiry: { time_expire: '2026-12-06 10:00:00' },
    };
    for (const [name, overrides] of Object.entries(bad)) {
      const answer = await sim.api('POST', '/v3/pay/transactions/jsapi', jsapiOrder(sim.config, overrides));
      assert.equal(answer.status, 400, name);
      assert.equal(answer.json.code, 'PARAM_ERROR', name);
    }
    const foreignApp = await sim.api('POST', '/v3/pay/transactions/jsapi', jsapiOrder(sim.config, { appid: 'wx0000000000000000' }));
    assert.equal(foreignApp.json.code, 'APPID_MCHID_NOT_MATCH');
  } finally {
    await sim.stop();
  }
});

test('prepay is idempotent per out_trade_no until the order is paid or closed', async () => {
  const sim = await startSimulator();
  try {
    const order = jsapiOrder(sim.config);
    const first = await sim.api('POST', '/v3/pay/transactions/jsapi', order);
    const again = await sim.api('POST', '/v3/pay/transactions/jsapi', order);
    assert.equal(again.status, 200);
    assert.equal(again.json.prepay_id, first.json.prepay_id);

    const otherAmount = await sim.api('POST', '/v3/pay/transactions/jsapi', { ...order, amount: { total: 999 } });
    assert.equal(otherAmount.status, 400);
    assert.equal(otherAmount.json.code, 'INVALID_REQUEST');

    await sim.control('POST', '/$sim/pay', { out_trade_no: order.out_trade_no });
    const afterPay = await sim.api('POST', '/v3/pay/transactions/jsapi', order);
    assert.deepEqual([afterPay.status, afterPay.json.code], [400, 'ORDERPAID']);

    const closing = jsapiOrder(sim.config);
    await sim.api('POST', '/v3/pay/transactions/jsapi', closing);
    const closed = await sim.api('POST', `/v3/pay/transactions/out-trade-no/${closing.out_trade_no}/close`, { mchid: sim.config.mchId });
    assert.equal(closed.status, 204);
    assert.equal(closed.text, '');
    assert.equal(closed.signed, true);
    const afterClose = await sim.api('POST', '/v3/pay/transactions/jsapi', closing);
    assert.deepEqual([afterClose.status, afterClose.json.code], [400, 'ORDER_CLOSED']);
  } finally {
    await sim.stop();
  }
});

test('query shows NOTPAY, then SUCCESS with the payment fields, by out_trade_no and by transaction_id', async () => {
  const sim = await startSimulator();
  try {
    const order = jsapiOrder(sim.config, { attach: 'visit=42' });
    await sim.api('POST', '/v3/pay/transactions/jsapi', order);
    const unpaid = await query(sim, order.out_trade_no);
    assert.equal(unpaid.json.trade_state, 'NOTPAY');
    assert.equal(unpaid.json.transaction_id, undefined);

    await sim.control('POST', '/$sim/pay', { out_trade_no: order.out_trade_no });
    const paid = (await query(sim, order.out_trade_no)).json;
    assert.equal(paid.trade_state, 'SUCCESS');
    assert.match(paid.transaction_id, /^4200\d{24}$/);
    assert.match(paid.success_time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    assert.deepEqual(paid.payer, { openid: order.payer.openid });
    assert.deepEqual(paid.amount, { total: 1234, payer_total: 1234, currency: 'CNY', payer_currency: 'CNY' });
    assert.equal(paid.trade_type, 'JSAPI');
    assert.equal(paid.bank_type, 'OTHERS');
    assert.equal(paid.attach, 'visit=42');

    const byId = await sim.api('GET', `/v3/pay/transactions/id/${paid.transaction_id}?mchid=${sim.config.mchId}`);
    assert.deepEqual(byId.json, paid);

    const missing = await query(sim, 'NO_SUCH_ORDER_1');
    assert.deepEqual([missing.status, missing.json.code], [404, 'ORDER_NOT_EXIST']);
    const noMchid = await sim.api('GET', `/v3/pay/transactions/out-trade-no/${order.out_trade_no}`);
    assert.equal(noMchid.json.code, 'PARAM_ERROR');
  } finally {
    await sim.stop();
  }
});

test('close is refused for a paid order, and an expired order is closed', async () => {
  const sim = await startSimulator();
  try {
    const order = jsapiOrder(sim.config);
    await sim.api('POST', '/v3/pay/transactions/jsapi', order);
    await sim.control('POST', '/$sim/pay', { out_trade_no: order.out_trade_no });
    const close = await sim.api('POST', `/v3/pay/transactions/out-trade-no/${order.out_trade_no}/close`, { mchid: sim.config.mchId });
    assert.deepEqual([close.status, close.json.code], [400, 'ORDERPAID']);

    const soon = new Date(Date.now() + 1500);
    const expiring = jsapiOrder(sim.config, { time_expire: soon.toISOString().replace(/\.\d+Z$/, '+00:00') });
    assert.equal((await sim.api('POST', '/v3/pay/transactions/jsapi', expiring)).status, 200);
    assert.equal((await query(sim, expiring.out_trade_no)).json.trade_state, 'NOTPAY');
    await waitFor(async () => (await query(sim, expiring.out_trade_no)).json.trade_state === 'CLOSED', { timeoutMs: 4000, intervalMs: 100, what: 'expiry' });
    const pay = await sim.control('POST', '/$sim/pay', { out_trade_no: expiring.out_trade_no });
    assert.equal(pay.json.code, 'ORDER_CLOSED');
  } finally {
    await sim.stop();
  }
});

test('native prepay answers a code_url and needs no payer', async () => {
  const sim = await startSimulator();
  try {
    const order = jsapiOrder(sim.config);
    delete order.payer;
    const created = await sim.api('POST', '/v3/pay/transactions/native', order);
    assert.equal(created.status, 200);
    assert.match(created.json.code_url, /^weixin:\/\/wxpay\/bizpayurl\?pr=[A-Za-z0-9_-]+$/);
    assert.equal((await sim.api('POST', '/v3/pay/transactions/native', order)).json.code_url, created.json.code_url);
    const asJsapi = await sim.api('POST', '/v3/pay/transactions/jsapi', { ...order, payer: { openid: 'oX' } });
    assert.equal(asJsapi.json.code, 'INVALID_REQUEST');
  } finally {
    await sim.stop();
  }
});

test('faults: planned errors are signed, down answers 503 or drops the connection', async () => {
  const sim = await startSimulator();
  try {
    await sim.control('POST', '/$sim/faults', { failNext: { path: '/v3/pay/transactions/jsapi', status: 429, code: 'FREQUENCY_LIMITED', count: 1 } });
    const limited = await sim.api('POST', '/v3/pay/transactions/jsapi', jsapiOrder(sim.config));
    assert.deepEqual([limited.status, limited.json.code, limited.signed], [429, 'FREQUENCY_LIMITED', true]);
    assert.equal((await sim.api('POST', '/v3/pay/transactions/jsapi', jsapiOrder(sim.config))).status, 200);

    await sim.control('POST', '/$sim/faults', { failNext: { path: '/v3/pay/transactions/out-trade-no/*', status: 500, code: 'SYSTEM_ERROR' } });
    assert.equal((await query(sim, 'ANYORDER01')).json.code, 'SYSTEM_ERROR');

    await sim.control('POST', '/$sim/faults', { down: true });
    assert.equal((await sim.api('POST', '/v3/pay/transactions/jsapi', jsapiOrder(sim.config))).status, 503);
    await sim.control('POST', '/$sim/faults', { down: 'refuse' });
    await assert.rejects(sim.api('POST', '/v3/pay/transactions/jsapi', jsapiOrder(sim.config)));
    await sim.control('DELETE', '/$sim/faults');
    assert.equal((await sim.api('POST', '/v3/pay/transactions/jsapi', jsapiOrder(sim.config))).status, 200);
    assert.equal((await sim.control('GET', '/$sim/state')).json.counters.orders, 2);
  } finally {
    await sim.stop();
  }
});

test('reset forgets orders, faults and config; health answers', async () => {
  const sim = await startSimulator();
  try {
    assert.equal((await sim.control('GET', '/$sim/health')).json.status, 'ok');
    const order = jsapiOrder(sim.config);
    await sim.api('POST', '/v3/pay/transactions/jsapi', order);
    await sim.control('POST', '/$sim/faults', { suppressNotices: true, refundAbnormal: 2 });
    await sim.control('POST', '/$sim/config', { retrySchedule: [1, 2], refundDelayMs: 10 });
    assert.equal((await sim.control('GET', `/$sim/orders?out_trade_no=${order.out_trade_no}`)).json[0].prepay_id.length, 36);
    await sim.control('POST', '/$sim/reset');
    const state = (await sim.control('GET', '/$sim/state')).json;
    assert.equal(state.counters.orders, 0);
    assert.equal(state.faults.suppressNotices, false);
    assert.equal(state.faults.refundAbnormal, 0);
    assert.deepEqual(state.config.retrySchedule, sim.config.retrySchedule);
    assert.equal((await query(sim, order.out_trade_no)).status, 404);
  } finally {
    await sim.stop();
  }
});
