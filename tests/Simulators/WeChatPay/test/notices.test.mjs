import test from 'node:test';
import assert from 'node:assert/strict';
import { jsapiOrder, openNotice, startReceiver, startSimulator, waitFor } from '../support/harness.mjs';

async function paidOrder(sim, receiver, overrides = {}) {
  const order = jsapiOrder(sim.config, { notify_url: receiver.url, ...overrides });
  await sim.api('POST', '/v3/pay/transactions/jsapi', order);
  await sim.control('POST', '/$sim/pay', { out_trade_no: order.out_trade_no });
  return order;
}

const notices = async (sim, no) => (await sim.control('GET', `/$sim/notices?out_trade_no=${no}`)).json;

test('a paid order is notified with a platform signature and a resource the referee decrypts', async () => {
  const sim = await startSimulator();
  const receiver = await startReceiver();
  try {
    const order = await paidOrder(sim, receiver, { attach: 'visit=7' });
    await waitFor(() => receiver.received.length === 1, { what: 'notice' });
    const [notice] = receiver.received;
    assert.equal(notice.path, '/payment/notify');
    assert.equal(notice.headers['wechatpay-serial'], sim.config.platformSerial);
    assert.equal(notice.headers['content-type'], 'application/json');
    const body = notice.json;
    assert.equal(body.event_type, 'TRANSACTION.SUCCESS');
    assert.equal(body.resource_type, 'encrypt-resource');
    assert.equal(body.summary, '支付成功');
    assert.match(body.create_time, /\+08:00$/);
    assert.equal(body.resource.algorithm, 'AEAD_AES_256_GCM');
    assert.equal(body.resource.original_type, 'transaction');
    assert.equal(body.resource.nonce.length, 12);

    const opened = openNotice(notice, sim.config.apiV3Key);
    assert.equal(opened.signatureValid, true);
    const query = await sim.api('GET', `/v3/pay/transactions/out-trade-no/${order.out_trade_no}?mchid=${sim.config.mchId}`);
    assert.deepEqual(opened.resource, query.json);
    assert.equal(opened.resource.trade_state, 'SUCCESS');
    assert.equal(opened.resource.attach, 'visit=7');

    const log = await notices(sim, order.out_trade_no);
    assert.equal(log.length, 1);
    assert.equal(log[0].status, 204);
    assert.equal(log[0].delivered, true);
  } finally {
    await receiver.stop();
    await sim.stop();
  }
});

test('a non-2xx answer is retried on the schedule until accepted, then given up after the last retry', async () => {
  const sim = await startSimulator();
  const flaky = await startReceiver((index) => (index < 2 ? 500 : 200));
  const broken = await startReceiver(() => 503);
  try {
    const order = await paidOrder(sim, flaky);
    await waitFor(() => flaky.received.length === 3, { what: 'third attempt' });
    const log = await notices(sim, order.out_trade_no);
    assert.deepEqual(log.map((a) => a.status), [500, 500, 200]);
    assert.deepEqual(log.map((a) => a.attempt), [1, 2, 3]);
    assert.equal(new Set(flaky.received.map((r) => r.json.id)).size, 1, 'retries resend the same notice');

    const lost = await paidOrder(sim, broken);
    await waitFor(async () => (await notices(sim, lost.out_trade_no)).some((a) => a.gaveUp), { what: 'give up' });
    assert.equal(broken.received.length, 1 + sim.config.retrySchedule.length);
    const state = await sim.control('GET', '/$sim/state');
    assert.equal(state.json.counters.notices.pendingRetries, 0);
  } finally {
    await flaky.stop();
    await broken.stop();
    await sim.stop();
  }
});

test('an unreachable notify_url is retried like an error answer', async () => {
  const sim = await startSimulator({ retrySchedule: [0.05] });
  try {
    const order = jsapiOrder(sim.config, { notify_url: 'http://127.0.0.1:9/payment/notify' });
    await sim.api('POST', '/v3/pay/transactions/jsapi', order);
    await sim.control('POST', '/$sim/pay', { out_trade_no: order.out_trade_no });
    const log = await waitFor(async () => { const l = await notices(sim, order.out_trade_no); return l.length === 2 && l[1].gaveUp && l; }, { what: 'attempts' });
    assert.ok(log.every((a) => a.status === undefined && a.error));
  } finally {
    await sim.stop();
  }
});

test('a notify_url that does not answer in time counts as a failed attempt', async () => {
  const sim = await startSimulator({ notifyTimeoutMs: 200 });
  const silent = await startReceiver((index) => (index === 0 ? 0 : 204));
  try {
    await sim.control('POST', '/$sim/config', { retrySchedule: '0.05' });
    const order = await paidOrder(sim, silent);
    const log = await waitFor(async () => { const l = await notices(sim, order.out_trade_no); return l.length === 2 && l[1].delivered && l; }, { what: 'retry after timeout' });
    assert.equal(log[0].status, undefined);
    assert.match(log[0].error, /timeout/);
    assert.equal(log[1].status, 204);
  } finally {
    await silent.stop();
    await sim.stop();
  }
});

test('duplicates are delivered n times, sequentially or at once', async () => {
  const sim = await startSimulator();
  const receiver = await startReceiver();
  try {
    await sim.control('POST', '/$sim/faults', { duplicateNotices: 3 });
    await paidOrder(sim, receiver);
    await waitFor(() => receiver.received.length === 3, { what: 'three copies' });
    assert.equal(new Set(receiver.received.map((r) => r.json.id)).size, 1);

    await sim.control('POST', '/$sim/faults', { duplicateNotices: 2, concurrentDuplicates: true });
    const order = await paidOrder(sim, receiver);
    await waitFor(() => receiver.received.length === 5, { what: 'two concurrent copies' });
    const log = await notices(sim, order.out_trade_no);
    assert.deepEqual(log.map((a) => a.copy).sort(), [1, 2]);
  } finally {
    await receiver.stop();
    await sim.stop();
  }
});

test('forged and stale notices are signed wrongly or too long ago, then the next ones are good again', async () => {
  const sim = await startSimulator();
  const receiver = await startReceiver();
  try {
    await sim.control('POST', '/$sim/faults', { forgeNotices: 1, staleNotices: 1 });
    await paidOrder(sim, receiver);
    await waitFor(() => receiver.received.length === 1, { what: 'forged notice' });
    const [bad] = receiver.received;
    assert.equal(openNotice(bad, sim.config.apiV3Key).signatureValid, false);
    assert.ok(Math.floor(Date.now() / 1000) - Number(bad.headers['wechatpay-timestamp']) >= 590);

    await paidOrder(sim, receiver);
    await waitFor(() => receiver.received.length === 2, { what: 'good notice' });
    const good = receiver.received[1];
    assert.equal(openNotice(good, sim.config.apiV3Key).signatureValid, true);
    assert.ok(Math.abs(Math.floor(Date.now() / 1000) - Number(good.headers['wechatpay-timestamp'])) < 10);
  } finally {
    await receiver.stop();
    await sim.stop();
  }
});

test('out-of-order notices are held and delivered newest first when released', async () => {
  const sim = await startSimulator();
  const receiver = await startReceiver();
  try {
    await sim.control('POST', '/$sim/faults', { outOfOrder: true });
    const first = await paidOrder(sim, receiver);
    const second = await paidOrder(sim, receiver);
    assert.equal((await sim.control('GET', '/$sim/state')).json.counters.notices.held, 2);
    assert.equal(receiver.received.length, 0);
    assert.equal((await sim.control('POST', '/$sim/notices/release')).json.released, 2);
    await waitFor(() => receiver.received.length === 2, { what: 'released notices' });
    const order = receiver.received.map((n) => openNotice(n, sim.config.apiV3Key).resource.out_trade_no);
    assert.deepEqual(order, [second.out_trade_no, first.out_trade_no]);
  } finally {
    await receiver.stop();
    await sim.stop();
  }
});

test('suppressed notices leave the payment to an active query; amount mismatches show in notice and query', async () => {
  const sim = await startSimulator();
  const receiver = await startReceiver();
  try {
    await sim.control('POST', '/$sim/faults', { suppressNotices: true });
    const silent = await paidOrder(sim, receiver);
    const query = await sim.api('GET', `/v3/pay/transactions/out-trade-no/${silent.out_trade_no}?mchid=${sim.config.mchId}`);
    assert.equal(query.json.trade_state, 'SUCCESS');
    await sim.control('DELETE', '/$sim/faults');

    await sim.control('POST', '/$sim/faults', { amountMismatch: 1 });
    const odd = await paidOrder(sim, receiver);
    await waitFor(() => receiver.received.length === 1, { what: 'mismatched notice' });
    assert.equal(receiver.received.length, 1, 'the suppressed payment was never notified');
    const { resource } = openNotice(receiver.received[0], sim.config.apiV3Key);
    assert.equal(resource.out_trade_no, odd.out_trade_no);
    assert.equal(resource.amount.total, 1233);
    assert.equal(resource.amount.payer_total, 1233);
    const oddQuery = await sim.api('GET', `/v3/pay/transactions/out-trade-no/${odd.out_trade_no}?mchid=${sim.config.mchId}`);
    assert.equal(oddQuery.json.amount.payer_total, 1233);
  } finally {
    await receiver.stop();
    await sim.stop();
  }
});
