import { PayError } from './http-util.mjs';
import { newCodeToken, newPrepayId, newRefundId, newTransactionId } from './ids.mjs';
import { rfc3339 } from './time.mjs';

const OUT_TRADE_NO = /^[A-Za-z0-9_|*-]{6,32}$/;
const OUT_REFUND_NO = /^[A-Za-z0-9_|*@-]{1,64}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/;
const STATE_DESC = { NOTPAY: '未支付', SUCCESS: '支付成功', CLOSED: '已关闭', REFUND: '转入退款', PAYERROR: '支付失败' };

const paramError = (message) => new PayError(400, 'PARAM_ERROR', message);

/** The apps bound to the merchant: the service account and, when configured, the mini-program. */
export const boundAppIds = (config) => [config.appId, config.miniProgramAppId].filter(Boolean);
const isPositiveInt = (n) => Number.isInteger(n) && n > 0;

function validUrl(value) {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.search;
  } catch {
    return false;
  }
}

/** Orders and refunds of one merchant, with WeChat Pay's rules for repeats, payment, closing and refunds. */
export function createOrders(config, faults, notifier) {
  const orders = new Map();
  const refunds = new Map();
  const timers = new Set();
  const counters = { prepays: 0, payments: 0, closes: 0, refunds: 0 };

  function validateCommon(body, tradeType) {
    if (!boundAppIds(config).includes(body.appid) || body.mchid !== config.mchId) {
      if (typeof body.appid !== 'string' || typeof body.mchid !== 'string') throw paramError('appid 和 mchid 为必填参数');
      throw new PayError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    }
    if (typeof body.description !== 'string' || !body.description || [...body.description].length > 127) throw paramError('description 长度应为1至127个字符');
    if (typeof body.out_trade_no !== 'string' || !OUT_TRADE_NO.test(body.out_trade_no)) throw paramError('out_trade_no 应为6至32位数字、大小写字母或_-|*');
    if (typeof body.notify_url !== 'string' || !validUrl(body.notify_url)) throw paramError('notify_url 应为http(s)地址且不能携带参数');
    if (body.attach !== undefined && (typeof body.attach !== 'string' || [...body.attach].length > 128)) throw paramError('attach 长度不能超过128个字符');
    const amount = body.amount ?? {};
    if (!isPositiveInt(amount.total)) throw paramError('amount.total 应为大于0的整数(单位:分)');
    if (amount.currency !== undefined && amount.currency !== 'CNY') throw paramError('amount.currency 仅支持CNY');
    if (body.time_expire !== undefined && (typeof body.time_expire !== 'string' || !RFC3339.test(body.time_expire) || Number.isNaN(Date.parse(body.time_expire)))) {
      throw paramError('time_expire 应为rfc3339格式,如2018-06-08T10:34:56+08:00');
    }
    if (tradeType === 'JSAPI' && (typeof body.payer?.openid !== 'string' || !body.payer.openid || body.payer.openid.length > 128)) {
      throw paramError('payer.openid 为必填参数');
    }
  }

  /** An unpaid order past its time_expire is closed by WeChat Pay. */
  function refreshState(order) {
    if (order.trade_state === 'NOTPAY' && order.time_expire && Date.parse(order.time_expire) <= Date.now()) {
      order.trade_state = 'CLOSED';
      order.closed_reason = 'expired';
    }
    return order;
  }

  function prepay(body, tradeType) {
    validateCommon(body, tradeType);
    const existing = orders.get(body.out_trade_no);
    if (existing) {
      refreshState(existing);
      if (existing.trade_state === 'SUCCESS' || existing.trade_state === 'REFUND') throw new PayError(400, 'ORDERPAID', '该订单已支付');
      if (existing.trade_state === 'CLOSED') throw new PayError(400, 'ORDER_CLOSED', '该订单已关闭');
      const same = existing.trade_type === tradeType
        && existing.amount.total === body.amount.total
        && existing.description === body.description
        && (existing.payer?.openid ?? null) === (tradeType === 'JSAPI' ? body.payer.openid : null);
      if (!same) throw new PayError(400, 'INVALID_REQUEST', '商户订单号重复,且请求参数与原订单不一致');
      return existing;
    }
    if (body.time_expire && Date.parse(body.time_expire) <= Date.now()) throw new PayError(400, 'INVALID_REQUEST', 'time_expire 早于当前时间');
    const order = {
      appid: body.appid,
      mchid: body.mchid,
      description: body.description,
      out_trade_no: body.out_trade_no,
      attach: body.attach,
      notify_url: body.notify_url,
      time_expire: body.time_expire,
      amount: { total: body.amount.total, currency: 'CNY' },
      payer: tradeType === 'JSAPI' ? { openid: body.payer.openid } : undefined,
      trade_type: tradeType,
      trade_state: 'NOTPAY',
      prepay_id: newPrepayId(),
      code_token: tradeType === 'NATIVE' ? newCodeToken() : undefined,
      created_at: new Date(),
    };
    orders.set(order.out_trade_no, order);
    counters.prepays += 1;
    return order;
  }

  function transactionView(order) {
    refreshState(order);
    const paid = order.transaction_id !== undefined;
    const view = {
      appid: order.appid,
      mchid: order.mchid,
      out_trade_no: order.out_trade_no,
      trade_state: order.trade_state,
      trade_state_desc: STATE_DESC[order.trade_state],
      attach: order.attach ?? '',
      amount: { total: order.amount.total, currency: 'CNY' },
    };
    if (order.payer) view.payer = { openid: order.payer.openid };
    if (paid) {
      Object.assign(view, {
        transaction_id: order.transaction_id,
        trade_type: order.trade_type,
        bank_type: order.bank_type,
        success_time: rfc3339(order.paid_at),
        payer: { openid: order.payer.openid },
        amount: { total: order.reported_total, payer_total: order.reported_total, currency: 'CNY', payer_currency: 'CNY' },
      });
    }
    return view;
  }

  function byOutTradeNo(outTradeNo) {
    const order = orders.get(outTradeNo);
    if (!order) throw new PayError(404, 'ORDER_NOT_EXIST', '订单不存在');
    return refreshState(order);
  }

  function byTransactionId(transactionId) {
    for (const order of orders.values()) if (order.transaction_id === transactionId) return order;
    throw new PayError(404, 'ORDER_NOT_EXIST', '订单不存在');
  }

  const byPrepayId = (prepayId) => [...orders.values()].find((o) => o.prepay_id === prepayId);
  const byCodeToken = (token) => [...orders.values()].find((o) => o.code_token === token);

  /** The payer confirmed in the cashier (or a test paid directly): the order is paid and its notice scheduled. */
  function pay(order, { openid, bankType = 'OTHERS', fail = false } = {}) {
    refreshState(order);
    if (order.trade_state === 'SUCCESS' || order.trade_state === 'REFUND') throw new PayError(400, 'ORDERPAID', '该订单已支付');
    if (order.trade_state === 'CLOSED') throw new PayError(400, 'ORDER_CLOSED', order.closed_reason === 'expired' ? '订单已过期' : '该订单已关闭');
    if (fail) {
      order.trade_state = 'PAYERROR';
      return order;
    }
    order.payer = order.payer ?? { openid };
    order.transaction_id = newTransactionId();
    order.bank_type = bankType;
    order.paid_at = new Date();
    order.trade_state = 'SUCCESS';
    const total = order.amount.total;
    order.reported_total = faults.takeOne('amountMismatch') ? (total > 1 ? total - 1 : total + 1) : total;
    counters.payments += 1;
    notifier.send({
      eventType: 'TRANSACTION.SUCCESS',
      originalType: 'transaction',
      resource: transactionView(order),
      url: order.notify_url,
      outTradeNo: order.out_trade_no,
    });
    return order;
  }

  function close(outTradeNo, body) {
    if (body.mchid !== config.mchId) throw paramError('mchid 为必填参数且须与商户号一致');
    const order = byOutTradeNo(outTradeNo);
    if (order.trade_state === 'SUCCESS' || order.trade_state === 'REFUND') throw new PayError(400, 'ORDERPAID', '该订单已支付');
    if (order.trade_state !== 'CLOSED') {
      order.trade_state = 'CLOSED';
      order.closed_reason = 'closed';
      order.closed_at = new Date();
      counters.closes += 1;
    }
  }

  function refundView(refund) {
    const view = {
      refund_id: refund.refund_id,
      out_refund_no: refund.out_refund_no,
      transaction_id: refund.order.transaction_id,
      out_trade_no: refund.order.out_trade_no,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      create_time: rfc3339(refund.created_at),
      status: refund.status,
      funds_account: 'AVAILABLE',
      amount: refund.amount,
      promotion_detail: [],
    };
    if (refund.succeeded_at) view.success_time = rfc3339(refund.succeeded_at);
    return view;
  }

  function refundNoticeResource(refund) {
    return {
      mchid: config.mchId,
      out_trade_no: refund.order.out_trade_no,
      transaction_id: refund.order.transaction_id,
      out_refund_no: refund.out_refund_no,
      refund_id: refund.refund_id,
      refund_status: refund.status,
      ...(refund.succeeded_at ? { success_time: rfc3339(refund.succeeded_at) } : {}),
      user_received_account: '支付用户零钱',
      amount: {
        total: refund.amount.total,
        refund: refund.amount.refund,
        payer_total: refund.amount.payer_total,
        payer_refund: refund.amount.payer_refund,
      },
    };
  }

  function finishRefund(refund) {
    refund.status = refund.ends_abnormal ? 'ABNORMAL' : 'SUCCESS';
    if (refund.status === 'SUCCESS') refund.succeeded_at = new Date();
    notifier.send({
      eventType: `REFUND.${refund.status}`,
      originalType: 'refund',
      resource: refundNoticeResource(refund),
      url: refund.notify_url ?? refund.order.notify_url,
      outTradeNo: refund.order.out_trade_no,
      outRefundNo: refund.out_refund_no,
    });
  }

  function refund(body) {
    if (typeof body.out_refund_no !== 'string' || !OUT_REFUND_NO.test(body.out_refund_no)) throw paramError('out_refund_no 应为1至64位数字、大小写字母或_-|*@');
    const earlier = refunds.get(body.out_refund_no);
    if (earlier) return earlier;
    if (!body.transaction_id && !body.out_trade_no) throw paramError('transaction_id 和 out_trade_no 必须二选一');
    const amount = body.amount ?? {};
    if (!isPositiveInt(amount.refund) || !isPositiveInt(amount.total)) throw paramError('amount.refund 与 amount.total 应为大于0的整数(单位:分)');
    if (amount.currency !== undefined && amount.currency !== 'CNY') throw paramError('amount.currency 仅支持CNY');
    if (body.notify_url !== undefined && !validUrl(body.notify_url)) throw paramError('notify_url 应为http(s)地址且不能携带参数');
    let order;
    try {
      order = body.transaction_id ? byTransactionId(body.transaction_id) : byOutTradeNo(body.out_trade_no);
    } catch {
      throw new PayError(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    }
    if (order.transaction_id === undefined) throw new PayError(400, 'INVALID_REQUEST', '订单未支付,不能退款');
    if (amount.total !== order.amount.total) throw new PayError(400, 'INVALID_REQUEST', '订单金额与原订单金额不一致');
    if (amount.refund > amount.total) throw paramError('退款金额不能大于订单金额');
    const alreadyRefunded = [...refunds.values()]
      .filter((r) => r.order === order && r.status !== 'CLOSED')
      .reduce((sum, r) => sum + r.amount.refund, 0);
    if (alreadyRefunded + amount.refund > order.reported_total) throw new PayError(400, 'NOT_ENOUGH', '申请退款金额超过订单可退金额');

    const created = {
      refund_id: newRefundId(),
      out_refund_no: body.out_refund_no,
      order,
      reason: body.reason,
      notify_url: body.notify_url,
      status: 'PROCESSING',
      created_at: new Date(),
      ends_abnormal: faults.takeOne('refundAbnormal'),
      amount: {
        total: order.amount.total,
        refund: amount.refund,
        payer_total: order.reported_total,
        payer_refund: amount.refund,
        settlement_total: order.reported_total,
        settlement_refund: amount.refund,
        discount_refund: 0,
        currency: 'CNY',
        from: [],
      },
    };
    refunds.set(created.out_refund_no, created);
    order.trade_state = 'REFUND';
    counters.refunds += 1;
    const timer = setTimeout(() => {
      timers.delete(timer);
      finishRefund(created);
    }, Math.max(0, runtime.refundDelayMs));
    timers.add(timer);
    return created;
  }

  function refundByNo(outRefundNo) {
    const found = refunds.get(outRefundNo);
    if (!found) throw new PayError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    return found;
  }

  const runtime = { refundDelayMs: config.refundDelayMs };

  return {
    runtime,
    counters: () => ({ orders: orders.size, ...counters, pendingRefunds: timers.size }),
    prepay,
    transactionView,
    byOutTradeNo,
    byTransactionId,
    byPrepayId,
    byCodeToken,
    pay,
    close,
    refund,
    refundView,
    refundByNo,
    list: (outTradeNo) => [...orders.values()]
      .filter((o) => !outTradeNo || o.out_trade_no === outTradeNo)
      .map((o) => ({
        ...transactionView(o),
        description: o.description,
        notify_url: o.notify_url,
        time_expire: o.time_expire,
        prepay_id: o.prepay_id,
        code_url: o.code_token ? codeUrl(o) : undefined,
        order_total: o.amount.total,
        refunds: [...refunds.values()].filter((r) => r.order === o).map(refundView),
      })),
    allOrders: () => [...orders.values()].map(refreshState),
    allRefunds: () => [...refunds.values()],
    reset() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      orders.clear();
      refunds.clear();
      Object.keys(counters).forEach((k) => { counters[k] = 0; });
      runtime.refundDelayMs = config.refundDelayMs;
    },
  };
}

export const codeUrl = (order) => `weixin://wxpay/bizpayurl?pr=${order.code_token}`;
