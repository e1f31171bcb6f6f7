import crypto from 'node:crypto';
import { encryptResource, nonce, signatureHeaders } from './wechatpay-crypto.mjs';
import { rfc3339 } from './time.mjs';

const SUMMARIES = {
  'TRANSACTION.SUCCESS': '支付成功',
  'REFUND.SUCCESS': '退款成功',
  'REFUND.ABNORMAL': '退款异常',
  'REFUND.CLOSED': '退款关闭',
};

/**
 * Delivers notifications to notify_url the way WeChat Pay does: the resource encrypted with the APIv3 key, the body
 * signed with the platform key, retried on the schedule until a 200/204, then given up. Every attempt is logged.
 */
export function createNotifier(config, faults, platform) {
  const attempts = [];
  const held = [];
  const timers = new Set();
  const inFlight = new Set();
  let schedule = [...config.retrySchedule];
  let forgeryKey;
  let generation = 0;

  const wrongKey = () => {
    forgeryKey ??= crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    return forgeryKey;
  };

  function envelope({ eventType, originalType, resource }) {
    const associatedData = originalType;
    const iv = nonce(12);
    return {
      id: crypto.randomUUID(),
      create_time: rfc3339(),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary: SUMMARIES[eventType] ?? eventType,
      resource: {
        original_type: originalType,
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: encryptResource(config.apiV3Key, JSON.stringify(resource), associatedData, iv),
        associated_data: associatedData,
        nonce: iv,
      },
    };
  }

  async function attempt(notice, copy, number) {
    const started = generation;
    const body = JSON.stringify(notice.envelope);
    const forged = faults.takeOne('forgeNotices');
    const stale = faults.takeOne('staleNotices');
    const signer = forged ? { privateKey: wrongKey(), serial: platform.serial } : platform;
    const timestamp = Math.floor(Date.now() / 1000) - (stale ? 600 : 0);
    const record = {
      notice_id: notice.envelope.id,
      event_type: notice.envelope.event_type,
      out_trade_no: notice.outTradeNo,
      out_refund_no: notice.outRefundNo,
      url: notice.url,
      copy,
      attempt: number,
      forged,
      stale,
      at: new Date().toISOString(),
      status: undefined,
      error: undefined,
    };
    attempts.push(record);
    const controller = new AbortController();
    inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(new Error('timeout')), config.notifyTimeoutMs);
    const sentAt = performance.now();
    try {
      const response = await fetch(notice.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Mozilla/4.0',
          'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
          ...signatureHeaders(signer, body, timestamp),
        },
        body,
        signal: controller.signal,
      });
      record.status = response.status;
      record.response = (await response.text()).slice(0, 500);
    } catch (err) {
      record.error = String(err.cause?.message ?? err.message ?? err);
    } finally {
      clearTimeout(timer);
      inFlight.delete(controller);
      record.ms = Math.round((performance.now() - sentAt) * 10) / 10;
    }
    record.delivered = record.status === 200 || record.status === 204;
    console.log(`notice ${record.event_type} ${record.out_refund_no ?? record.out_trade_no} copy ${copy} attempt ${number} -> ${record.status ?? record.error}`);
    if (record.delivered || started !== generation) return;
    const waitSeconds = schedule[number - 1];
    if (waitSeconds === undefined) {
      record.gaveUp = true;
      return;
    }
    const retry = setTimeout(() => {
      timers.delete(retry);
      attempt(notice, copy, number + 1);
    }, waitSeconds * 1000);
    timers.add(retry);
  }

  /** Resolves once every copy's first attempt has finished; retries continue in the background. */
  async function dispatch(notice) {
    const copies = Array.from({ length: faults.duplicateNotices }, (_, i) => i + 1);
    if (faults.concurrentDuplicates) {
      await Promise.all(copies.map((copy) => attempt(notice, copy, 1)));
      return;
    }
    for (const copy of copies) await attempt(notice, copy, 1);
  }

  async function releaseHeld() {
    const batch = held.splice(0).reverse();
    for (const notice of batch) await dispatch(notice);
    return batch.length;
  }

  faults.onChange((before, after) => {
    if (before.outOfOrder && !after.outOfOrder) releaseHeld();
  });

  return {
    /** { eventType, originalType, resource, url, outTradeNo, outRefundNo } */
    send(message) {
      if (faults.suppressNotices) return;
      const notice = { ...message, envelope: envelope(message) };
      if (faults.outOfOrder) {
        held.push(notice);
        return;
      }
      dispatch(notice);
    },
    releaseHeld,
    held: () => held.map((n) => ({ event_type: n.envelope.event_type, out_trade_no: n.outTradeNo, out_refund_no: n.outRefundNo })),
    attempts: (filter = {}) => attempts.filter((a) =>
      (!filter.outTradeNo || a.out_trade_no === filter.outTradeNo)
      && (!filter.outRefundNo || a.out_refund_no === filter.outRefundNo)),
    get schedule() { return schedule; },
    set schedule(value) { schedule = [...value]; },
    counters: () => ({
      attempts: attempts.length,
      delivered: attempts.filter((a) => a.delivered).length,
      failed: attempts.filter((a) => !a.delivered).length,
      gaveUp: attempts.filter((a) => a.gaveUp).length,
      pendingRetries: timers.size,
      held: held.length,
    }),
    reset() {
      generation += 1;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const controller of inFlight) controller.abort(new Error('simulator reset'));
      held.length = 0;
      attempts.length = 0;
      schedule = [...config.retrySchedule];
    },
  };
}
