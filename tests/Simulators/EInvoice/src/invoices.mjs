import crypto from 'node:crypto';
import { InvoiceError } from './http-util.mjs';
import { rfc3339 } from './time.mjs';

export const CATEGORIES = ['门诊', '挂号', '住院预交金'];
const PARTY_TYPES = ['个人'];
const CHECK_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const FIRST_NUMBER = 61000001;

const paramError = (message) => new InvoiceError(400, 'PARAM_ERROR', message);
const text = (value, name, max = 100) => {
  if (typeof value !== 'string' || !value.trim() || value.length > max) throw paramError(`${name} 为必填字符串（不超过${max}字）`);
  return value;
};
const positiveInt = (value, name) => {
  if (!Number.isInteger(value) || value <= 0) throw paramError(`${name} 应为正整数（单位：分）`);
  return value;
};

const checkCode = () => Array.from(crypto.randomBytes(6), (b) => CHECK_ALPHABET[b % CHECK_ALPHABET.length]).join('');

function validateIssue(body) {
  const bizNo = text(body.bizNo, 'bizNo', 64);
  const payerName = text(body.payerName, 'payerName', 50);
  if (!PARTY_TYPES.includes(body.payerPartyType)) throw paramError('payerPartyType 仅支持“个人”');
  if (!CATEGORIES.includes(body.category)) throw paramError(`category 应为 ${CATEGORIES.join('、')} 之一`);
  if (!Array.isArray(body.items) || body.items.length === 0 || body.items.length > 100) throw paramError('items 应为1到100个收费项目');
  const items = body.items.map((item, i) => {
    if (!item || typeof item !== 'object') throw paramError(`items[${i}] 应为对象`);
    const quantity = item.quantity ?? 1;
    if (typeof quantity !== 'number' || !(quantity > 0)) throw paramError(`items[${i}].quantity 应为正数`);
    return { name: text(item.name, `items[${i}].name`, 60), amountFen: positiveInt(item.amountFen, `items[${i}].amountFen`), quantity };
  });
  const totalFen = positiveInt(body.totalFen, 'totalFen');
  const sum = items.reduce((acc, item) => acc + item.amountFen, 0);
  if (sum !== totalFen) throw new InvoiceError(400, 'AMOUNT_MISMATCH', `票据金额不符：totalFen ${totalFen} 不等于收费项目金额合计 ${sum}`);
  return {
    bizNo,
    payerName,
    payerPartyType: body.payerPartyType,
    category: body.category,
    items,
    totalFen,
    paidAt: text(body.paidAt, 'paidAt', 40),
    payChannel: text(body.payChannel, 'payChannel', 20),
    transactionId: text(body.transactionId, 'transactionId', 64),
  };
}

/** The provincial platform's ledger: blue invoices issued once per bizNo, red invoices reversing them. */
export function createInvoices(config, faults) {
  const byKey = new Map();
  const byBizNo = new Map();
  const reversalsByKey = new Map();
  // Numbers keep counting across resets so a reset simulator never hands out a number the Payment database already holds.
  let nextNumber = FIRST_NUMBER;
  const counters = () => ({ issued: 0, duplicates: 0, conflicts: 0, refused: 0, reversals: 0, reversalRepeats: 0, pdfs: 0, verifications: 0 });
  let count = counters();

  const key = (code, no) => `${code}/${no}`;
  const links = (invoice) => ({
    pdfUrl: `${config.publicUrl}/api/v1/invoices/${invoice.invoiceCode}/${invoice.invoiceNo}/pdf`,
    verifyUrl: `${config.publicUrl}/verify?code=${invoice.invoiceCode}&no=${invoice.invoiceNo}&check=${invoice.checkCode}`,
  });
  const store = (invoice) => {
    byKey.set(key(invoice.invoiceCode, invoice.invoiceNo), invoice);
    return invoice;
  };
  const numbered = () => ({
    invoiceNo: String(nextNumber++).padStart(10, '0'),
    invoiceCode: config.invoiceCode,
    checkCode: checkCode(),
    issuedAt: rfc3339(),
    status: 'issued',
  });

  const view = (invoice) => ({ ...invoice, items: invoice.items.map((i) => ({ ...i })), ...links(invoice) });

  return {
    view,
    counters: () => ({ ...count, invoices: byKey.size }),
    find: (code, no) => byKey.get(key(code, no)),
    get(code, no) {
      const invoice = byKey.get(key(code, no));
      if (!invoice) throw new InvoiceError(404, 'INVOICE_NOT_FOUND', `票据不存在：票据代码 ${code} 票据号码 ${no}`);
      return invoice;
    },
    list: (bizNo) => [...byKey.values()].filter((i) => !bizNo || i.bizNo === bizNo).map(view),
    countPdf() { count.pdfs += 1; },
    countVerification() { count.verifications += 1; },

    /** Answers [created, invoice]; the same bizNo again is the same invoice, a different amount a conflict. */
    issue(body) {
      const request = validateIssue(body);
      const existing = byBizNo.get(request.bizNo);
      if (existing) {
        if (existing.totalFen !== request.totalFen) {
          count.conflicts += 1;
          throw new InvoiceError(409, 'BIZNO_CONFLICT', `业务流水号 ${request.bizNo} 已开具金额为 ${existing.totalFen} 分的票据，与本次金额 ${request.totalFen} 分不符`);
        }
        count.duplicates += 1;
        return [false, existing];
      }
      if (faults.takeRefusal()) {
        count.refused += 1;
        throw new InvoiceError(422, 'REFUSED', '开票失败：纳税人信息不完整');
      }
      const invoice = store({ ...numbered(), kind: 'blue', ...request, reversedFen: 0 });
      byBizNo.set(request.bizNo, invoice);
      count.issued += 1;
      return [true, invoice];
    },

    /** 冲红: a red invoice for (part of) a blue one; the same (reason, amountFen, X-Request-Id) again is the same red invoice. */
    reverse(code, no, body, requestId = '') {
      const original = this.get(code, no);
      const reason = text(body.reason, 'reason', 100);
      const amountFen = positiveInt(body.amountFen, 'amountFen');
      const idempotencyKey = JSON.stringify([original.invoiceCode, original.invoiceNo, reason, amountFen, requestId]);
      const repeated = reversalsByKey.get(idempotencyKey);
      if (repeated) {
        count.reversalRepeats += 1;
        return [false, repeated];
      }
      if (original.kind === 'red') throw new InvoiceError(409, 'NOT_REVERSIBLE', '红字票据不能冲红');
      const remaining = original.totalFen - original.reversedFen;
      if (remaining <= 0) throw new InvoiceError(409, 'ALREADY_REVERSED', '该票据已全额冲红');
      if (amountFen > remaining) throw new InvoiceError(409, 'REVERSE_EXCEEDED', `冲红金额 ${amountFen} 分超过可冲红金额 ${remaining} 分`);
      const red = store({
        ...numbered(),
        kind: 'red',
        originalInvoiceCode: original.invoiceCode,
        originalInvoiceNo: original.invoiceNo,
        reason,
        bizNo: original.bizNo,
        payerName: original.payerName,
        payerPartyType: original.payerPartyType,
        category: original.category,
        items: [{ name: `冲红：${reason}`, amountFen: -amountFen, quantity: 1 }],
        totalFen: -amountFen,
        paidAt: original.paidAt,
        payChannel: original.payChannel,
        transactionId: original.transactionId,
      });
      original.reversedFen += amountFen;
      original.status = original.reversedFen === original.totalFen ? 'reversed' : 'partially_reversed';
      (original.redInvoiceNos ??= []).push(red.invoiceNo);
      reversalsByKey.set(idempotencyKey, red);
      count.reversals += 1;
      return [true, red];
    },

    reset() {
      byKey.clear();
      byBizNo.clear();
      reversalsByKey.clear();
      count = counters();
    },
  };
}
