import crypto from 'node:crypto';
import { billTime, shanghaiDate } from './time.mjs';

const FEE_RATE = 0.006;
const RATE_TEXT = '0.60%';

const DETAIL_HEADERS = {
  ALL: ['交易时间', '公众账号ID', '商户号', '特约商户号', '设备号', '微信订单号', '商户订单号', '用户标识', '交易类型', '交易状态',
    '付款银行', '货币种类', '应结订单金额', '代金券金额', '微信退款单号', '商户退款单号', '退款金额', '充值券退款金额', '退款类型',
    '退款状态', '商品名称', '商户数据包', '手续费', '费率', '订单金额', '申请退款金额', '费率备注'],
  SUCCESS: ['交易时间', '公众账号ID', '商户号', '特约商户号', '设备号', '微信订单号', '商户订单号', '用户标识', '交易类型', '交易状态',
    '付款银行', '货币种类', '应结订单金额', '代金券金额', '商品名称', '商户数据包', '手续费', '费率', '订单金额', '费率备注'],
  REFUND: ['交易时间', '公众账号ID', '商户号', '特约商户号', '设备号', '微信订单号', '商户订单号', '用户标识', '交易类型', '交易状态',
    '付款银行', '货币种类', '应结订单金额', '代金券金额', '退款申请时间', '退款成功时间', '微信退款单号', '商户退款单号', '退款金额',
    '充值券退款金额', '退款类型', '退款状态', '商品名称', '商户数据包', '手续费', '费率', '订单金额', '申请退款金额', '费率备注'],
};

const SUMMARY_HEADERS = {
  ALL: ['总交易单数', '应结订单总金额', '退款总金额', '充值券退款总金额', '手续费总金额', '订单总金额', '申请退款总金额'],
  SUCCESS: ['总交易单数', '应结订单总金额', '手续费总金额', '订单总金额'],
  REFUND: ['总交易单数', '应结订单总金额', '退款总金额', '充值券退款总金额', '手续费总金额', '订单总金额', '申请退款总金额'],
};

export const BILL_TYPES = Object.keys(DETAIL_HEADERS);

const yuan = (fen) => (fen / 100).toFixed(2);
const fee = (fen) => Math.round(fen * FEE_RATE);

/** One bill line in fen, before it is written out in yuan. */
function paymentEntry(order, config) {
  return {
    kind: 'SUCCESS',
    time: order.paid_at,
    appid: order.appid,
    mchid: config.mchId,
    transaction_id: order.transaction_id,
    out_trade_no: order.out_trade_no,
    openid: order.payer.openid,
    trade_type: order.trade_type,
    bank_type: order.bank_type,
    settlement: order.reported_total,
    order_total: order.reported_total,
    refund: 0,
    requested_refund: 0,
    fee: fee(order.reported_total),
    description: order.description,
    attach: order.attach ?? '',
  };
}

function refundEntry(refund, config) {
  const { order } = refund;
  return {
    ...paymentEntry(order, config),
    kind: 'REFUND',
    time: refund.created_at,
    settlement: 0,
    order_total: 0,
    refund_id: refund.refund_id,
    out_refund_no: refund.out_refund_no,
    refund: refund.amount.refund,
    requested_refund: refund.amount.refund,
    refund_status: refund.status,
    refund_created: refund.created_at,
    refund_succeeded: refund.succeeded_at,
    fee: -fee(refund.amount.refund),
  };
}

/** A test's row (e.g. a payment the Payment service never saw); amounts in fen, defaults filled in. */
function injectedEntry(row, date, config) {
  const kind = row.trade_state === 'REFUND' || row.kind === 'REFUND' ? 'REFUND' : 'SUCCESS';
  const total = Number(row.amount ?? row.total ?? 0);
  const refund = Number(row.refund ?? (kind === 'REFUND' ? total : 0));
  const time = row.time ? new Date(row.time) : new Date(`${date}T12:00:00+08:00`);
  return {
    kind,
    time,
    appid: row.appid ?? config.appId,
    mchid: config.mchId,
    transaction_id: row.transaction_id ?? `4200000000${date.replace(/-/g, '')}${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`,
    out_trade_no: row.out_trade_no ?? '',
    openid: row.openid ?? '',
    trade_type: row.trade_type ?? 'JSAPI',
    bank_type: row.bank_type ?? 'OTHERS',
    settlement: kind === 'SUCCESS' ? total : 0,
    order_total: kind === 'SUCCESS' ? total : 0,
    refund,
    requested_refund: refund,
    refund_id: row.refund_id,
    out_refund_no: row.out_refund_no,
    refund_status: row.refund_status ?? 'SUCCESS',
    refund_created: time,
    refund_succeeded: time,
    fee: kind === 'SUCCESS' ? fee(total) : -fee(refund),
    description: row.description ?? '',
    attach: row.attach ?? '',
    overrides: row.columns ?? {},
  };
}

function cells(entry) {
  const refund = entry.kind === 'REFUND';
  const values = {
    交易时间: billTime(entry.time),
    公众账号ID: entry.appid,
    商户号: entry.mchid,
    特约商户号: '0',
    设备号: '',
    微信订单号: entry.transaction_id,
    商户订单号: entry.out_trade_no,
    用户标识: entry.openid,
    交易类型: entry.trade_type,
    交易状态: entry.kind,
    付款银行: entry.bank_type,
    货币种类: 'CNY',
    应结订单金额: yuan(entry.settlement),
    代金券金额: '0.00',
    退款申请时间: refund ? billTime(entry.refund_created) : '',
    退款成功时间: refund && entry.refund_succeeded ? billTime(entry.refund_succeeded) : '',
    微信退款单号: refund ? entry.refund_id : '0',
    商户退款单号: refund ? entry.out_refund_no : '0',
    退款金额: yuan(entry.refund),
    充值券退款金额: '0.00',
    退款类型: refund ? 'ORIGINAL' : '',
    退款状态: refund ? entry.refund_status : '',
    商品名称: entry.description,
    商户数据包: entry.attach,
    手续费: yuan(entry.fee),
    费率: RATE_TEXT,
    订单金额: yuan(entry.order_total),
    申请退款金额: yuan(entry.requested_refund),
    费率备注: '',
  };
  return { ...values, ...(entry.overrides ?? {}) };
}

// Every detail and summary value is prefixed with a backtick so spreadsheets keep long numbers as text.
const line = (values) => values.map((v) => `\`${String(v ?? '').replace(/[,\r\n]/g, ' ')}`).join(',');

/** The day's trade bill: entries whose Beijing date is `date` (payments by success time, refunds by acceptance). */
export function tradeBill({ orders, refunds, injected }, date, billType, config) {
  const entries = [
    ...orders.filter((o) => o.paid_at).map((o) => paymentEntry(o, config)),
    ...refunds.map((r) => refundEntry(r, config)),
  ].filter((e) => shanghaiDate(e.time) === date)
    .concat((injected.get(date) ?? []).map((row) => injectedEntry(row, date, config)))
    .filter((e) => billType === 'ALL' || e.kind === billType)
    .sort((a, b) => a.time - b.time);
  if (!entries.length) return undefined;

  const headers = DETAIL_HEADERS[billType];
  const sum = (pick) => yuan(entries.reduce((total, e) => total + pick(e), 0));
  const summary = {
    总交易单数: String(entries.length),
    应结订单总金额: sum((e) => e.settlement),
    退款总金额: sum((e) => e.refund),
    充值券退款总金额: '0.00',
    手续费总金额: sum((e) => e.fee),
    订单总金额: sum((e) => e.order_total),
    申请退款总金额: sum((e) => e.requested_refund),
  };
  const text = [
    headers.join(','),
    ...entries.map((e) => { const c = cells(e); return line(headers.map((h) => c[h])); }),
    SUMMARY_HEADERS[billType].join(','),
    line(SUMMARY_HEADERS[billType].map((h) => summary[h])),
  ].join('\r\n');
  // WeChat Pay's file starts with a UTF-8 byte order mark and ends with a line break.
  const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
  return { file, hash: crypto.createHash('sha1').update(file).digest('hex') };
}
