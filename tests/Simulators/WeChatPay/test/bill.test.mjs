import test from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { Formatter, jsapiOrder, startSimulator, waitFor } from '../support/harness.mjs';

const HEADER = '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

async function download(sim, date, type = 'ALL') {
  const applied = await sim.api('GET', `/v3/bill/tradebill?bill_date=${date}&bill_type=${type}`);
  if (applied.status !== 200) return { applied };
  const url = new URL(applied.json.download_url);
  const file = await sim.api('GET', url.pathname + url.search);
  return { applied, file };
}

test('the trade bill lists the day\'s payments and refunds as WeChat Pay writes them', async () => {
  const sim = await startSimulator();
  try {
    const paid = jsapiOrder(sim.config, { attach: 'visit=1' });
    const refunded = jsapiOrder(sim.config, { amount: { total: 5000 } });
    for (const order of [paid, refunded]) {
      await sim.api('POST', '/v3/pay/transactions/jsapi', order);
      await sim.control('POST', '/$sim/pay', { out_trade_no: order.out_trade_no });
    }
    await sim.api('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: refunded.out_trade_no, out_refund_no: 'RB-1', amount: { refund: 2000, total: 5000, currency: 'CNY' },
    });
    await waitFor(async () => (await sim.api('GET', '/v3/refund/domestic/refunds/RB-1')).json.status === 'SUCCESS', { what: 'refund' });

    const { applied, file } = await download(sim, today());
    assert.equal(applied.signed, true);
    assert.equal(applied.json.hash_type, 'SHA1');
    assert.match(applied.json.download_url, /\/v3\/billdownload\/file\?token=/);
    assert.equal(file.status, 200);
    assert.equal(crypto.createHash('sha1').update(file.buffer).digest('hex'), applied.json.hash_value);

    const lines = file.buffer.subarray(3).toString('utf8').split('\r\n');
    assert.deepEqual([...file.buffer.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(lines[0], HEADER);
    assert.equal(lines.at(-3), '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额');
    assert.equal(lines.at(-1), '', 'the file ends with a line break');
    assert.ok([...lines.slice(1, -3), lines.at(-2)].every((line) => line.startsWith('`')));

    const { rows, summary } = Formatter.castCsvBill(file.buffer);
    assert.equal(rows.length, 3);
    const payment = rows.find((r) => r['商户订单号'] === paid.out_trade_no);
    assert.equal(payment['交易状态'], 'SUCCESS');
    assert.equal(payment['应结订单金额'], '12.34');
    assert.equal(payment['订单金额'], '12.34');
    assert.equal(payment['手续费'], '0.07');
    assert.equal(payment['商户数据包'], 'visit=1');
    assert.equal(payment['公众账号ID'], sim.config.appId);
    assert.equal(payment['商户号'], sim.config.mchId);
    assert.match(payment['交易时间'], /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const refundRow = rows.find((r) => r['交易状态'] === 'REFUND');
    assert.equal(refundRow['商户订单号'], refunded.out_trade_no);
    assert.equal(refundRow['商户退款单号'], 'RB-1');
    assert.equal(refundRow['退款金额'], '20.00');
    assert.equal(refundRow['退款状态'], 'SUCCESS');
    assert.equal(summary['总交易单数'], '3');
    assert.equal(summary['应结订单总金额'], '62.34');
    assert.equal(summary['退款总金额'], '20.00');
    assert.equal(summary['订单总金额'], '62.34');

    const successOnly = await download(sim, today(), 'SUCCESS');
    assert.equal(Formatter.castCsvBill(successOnly.file.buffer).rows.length, 2);
  } finally {
    await sim.stop();
  }
});

test('a day without trades has no statement, the future is refused, and injected rows are billed', async () => {
  const sim = await startSimulator();
  try {
    const empty = await download(sim, '2026-01-02');
    assert.deepEqual([empty.applied.status, empty.applied.json.code], [400, 'NO_STATEMENT_EXIST']);
    const future = await sim.api('GET', '/v3/bill/tradebill?bill_date=2099-01-01');
    assert.equal(future.status, 400);
    assert.equal((await sim.api('GET', '/v3/bill/tradebill?bill_date=20260102')).json.code, 'PARAM_ERROR');

    await sim.control('POST', '/$sim/bill/inject', {
      date: '2026-01-02',
      rows: [{ out_trade_no: 'UNSEEN000001', transaction_id: '4200000000202601020000000001', amount: 800, description: '检查费', time: '2026-01-02T09:30:00+08:00' }],
    });
    const { file } = await download(sim, '2026-01-02');
    const { rows, summary } = Formatter.castCsvBill(file.buffer);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]['商户订单号'], 'UNSEEN000001');
    assert.equal(rows[0]['微信订单号'], '4200000000202601020000000001');
    assert.equal(rows[0]['交易时间'], '2026-01-02 09:30:00');
    assert.equal(rows[0]['应结订单金额'], '8.00');
    assert.equal(summary['总交易单数'], '1');

    const stale = await sim.api('GET', '/v3/billdownload/file?token=unknown');
    assert.equal(stale.status, 400);
  } finally {
    await sim.stop();
  }
});
