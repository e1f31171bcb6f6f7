import test from 'node:test';
import assert from 'node:assert/strict';
import { jsapiOrder, openNotice, startReceiver, startSimulator, waitFor } from '../support/harness.mjs';

async function paidOrder(sim, notifyUrl) {
  const order = jsapiOrder(sim.config, { notify_url: notifyUrl });
  await sim.api('POST', '/v3/pay/transactions/jsapi', order);
  await sim.control('POST', '/$sim/pay', { out_trade_no: order.out_trade_no });
  return order;
}

const refund = (sim, order, outRefundNo, amount, extra = {}) => sim.api('POST', '/v3/refund/domestic/refunds', {
  out_trade_no: order.out_trade_no, out_refund_no: outRefundNo, reason: '患者取消挂号', amount: { refund: amount, total: 1234, currency: 'CNY' }, ...extra,
});

test('a refund starts PROCESSING, succeeds after the delay and is notified to the order notify_url', async () => {
  const sim = await startSimulator();
  const receiver = await startReceiver();
  try {
    const order = await paidOrder(sim, receiver.url);
    await waitFor(() => receiver.received.length === 1, { what: 'payment notice' });
    const created = await refund(sim, order, 'R-0001', 1000);
    assert.equal(created.status, 200);
    assert.equal(created.signed, true);
    assert.equal(created.json.status, 'PROCESSING');
    assert.match(created.json.refund_id, /^50\d{27}$/);
    assert.equal(created.json.out_trade_no, order.out_trade_no);
    assert.equal(created.json.channel, 'ORIGINAL');
    assert.equal(created.json.user_received_account, '支付用户零钱');
    assert.match(created.json.create_time, /\+08:00$/);
    const { total, refund: refunded, payer_total: payerTotal, payer_refund: payerRefund, currency } = created.json.amount;
    assert.deepEqual([total, refunded, payerTotal, payerRefund, currency], [1234, 1000, 1234, 1000, 'CNY']);

    await waitFor(() => receiver.received.length === 2, { what: 'refund notice' });
    const notice = receiver.received[1];
    assert.equal(notice.json.event_type, 'REFUND.SUCCESS');
    assert.equal(notice.json.resource.original_type, 'refund');
    const opened = openNotice(notice, sim.config.apiV3Key);
    assert.equal(opened.signatureValid, true);
    assert.equal(opened.resource.refund_status, 'SUCCESS');
    assert.equal(opened.resource.out_refund_no, 'R-0001');
    assert.equal(opened.resource.refund_id, created.json.refund_id);
    assert.equal(opened.resource.mchid, sim.config.mchId);
    assert.deepEqual(opened.resource.amount, { total: 1234, refund: 1000, payer_total: 1234, payer_refund: 1000 });

    const queried = await sim.api('GET', '/v3/refund/domestic/refunds/R-0001');
    assert.equal(queried.json.status, 'SUCCESS');
    assert.match(queried.json.success_time, /\+08:00$/);
    const order2 = await sim.api('GET', `/v3/pay/transactions/out-trade-no/${order.out_trade_no}?mchid=${sim.config.mchId}`);
    assert.equal(order2.json.trade_state, 'REFUND');
  } finally {
    await receiver.stop();
    await sim.stop();
  }
});

test('the same out_refund_no returns the same refund; refunds beyond the paid amount are NOT_ENOUGH', async () => {
  const sim = await startSimulator();
  const receiver = await startReceiver();
  try {
    const order = await paidOrder(sim, receiver.url);
    const first = await refund(sim, order, 'R-A', 1000);
    const repeat = await refund(sim, order, 'R-A', 1000);
    assert.equal(repeat.json.refund_id, first.json.refund_id);
    const tooMuch = await refund(sim, order, 'R-B', 235);
    assert.deepEqual([tooMuch.status, tooMuch.json.code], [400, 'NOT_ENOUGH']);
    const rest = await refund(sim, order, 'R-C', 234);
    assert.equal(rest.status, 200);
    assert.equal((await sim.control('GET', '/$sim/state')).json.counters.refunds, 2);
    await waitFor(async () => (await sim.control('GET', `/$sim/notices?out_trade_no=${order.out_trade_no}`)).json
      .filter((n) => n.event_type === 'REFUND.SUCCESS').length === 2, { what: 'two refund notices' });
  } finally {
    await receiver.stop();
    await sim.stop();
  }
});

test('refund rules: unpaid order, unknown order, wrong total, unknown refund; notify_url of the refund wins', async () => {
  const sim = await startSimulator();
  const receiver = await startReceiver();
  try {
    const unpaid = jsapiOrder(sim.config);
    await sim.api('POST', '/v3/pay/transactions/jsapi', unpaid);
    assert.equal((await refund(sim, unpaid, 'R-1', 100)).json.code, 'INVALID_REQUEST');
    const unknown = await refund(sim, { out_trade_no: 'NOSUCHORDER1' }, 'R-2', 100);
    assert.deepEqual([unknown.status, unknown.json.code], [404, 'RESOURCE_NOT_EXISTS']);
    const order = await paidOrder(sim, 'http://127.0.0.1:9/unused');
    const wrongTotal = await sim.api('POST', '/v3/refund/domestic/refunds', { out_trade_no: order.out_trade_no, out_refund_no: 'R-3', amount: { refund: 1, total: 1, currency: 'CNY' } });
    assert.equal(wrongTotal.json.code, 'INVALID_REQUEST');
    const missing = await sim.api('GET', '/v3/refund/domestic/refunds/NO-SUCH-REFUND');
    assert.deepEqual([missing.status, missing.json.code], [404, 'RESOURCE_NOT_EXISTS']);

    await sim.control('POST', '/$sim/faults', { refundAbnormal: 1 });
    await refund(sim, order, 'R-4', 100, { notify_url: receiver.url });
    await waitFor(() => receiver.received.length === 1, { what: 'abnormal refund notice' });
    assert.equal(receiver.received[0].json.event_type, 'REFUND.ABNORMAL');
    assert.equal(openNotice(receiver.received[0], sim.config.apiV3Key).resource.refund_status, 'ABNORMAL');
    assert.equal((await sim.api('GET', '/v3/refund/domestic/refunds/R-4')).json.status, 'ABNORMAL');
  } finally {
    await receiver.stop();
    await sim.stop();
  }
});
