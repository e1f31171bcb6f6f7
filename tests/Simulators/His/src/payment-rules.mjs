import { badRequest, conflict, OperationOutcomeError } from '@medplum/core';

const EXT = 'http://his.jcsy.example/fhir/StructureDefinition/';
const fen = (money) => Math.round(Number(money?.value ?? 0) * 100);
const yuan = (cents) => ({ value: cents / 100, currency: 'CNY' });
const refused = (status, text) => new OperationOutcomeError(status === 409 ? conflict(text) : badRequest(text, 'PaymentNotice'));

/**
 * The cashier's side of a payment made elsewhere (the platform's 门诊缴费 or 住院预交金): a new PaymentNotice whose
 * request is an unpaid Invoice balances it, when the amount is exactly the invoice's total; one whose request is an
 * active deposit Account raises its deposit total and balance. Anything else is refused before the notice is stored,
 * and inside a transaction the invoice or account change is undone with it.
 */
export async function applyPaymentNotice(notice, repo) {
  const target = notice.request?.reference ?? '';
  const [type, id] = target.split('/');
  if (notice.amount?.currency && notice.amount.currency !== 'CNY') {
    throw refused(400, '缴费金额必须以人民币（CNY）计');
  }
  const amount = fen(notice.amount);
  if (amount <= 0) {
    throw refused(400, '缴费金额必须大于 0');
  }
  if (type === 'Invoice' && id) {
    await payInvoice(repo, id, amount);
  } else if (type === 'Account' && id) {
    await topUpDeposit(repo, id, amount);
  } else {
    throw refused(400, 'PaymentNotice.request 必须指向 Invoice 或 Account');
  }
}

async function payInvoice(repo, id, amount) {
  const invoice = repo.current('Invoice', id);
  if (!invoice) {
    throw refused(400, `发票 Invoice/${id} 不存在`);
  }
  if (invoice.status === 'balanced') {
    throw refused(409, `发票 Invoice/${id} 已缴费`);
  }
  if (invoice.status !== 'issued') {
    throw refused(409, `发票 Invoice/${id} 状态为 ${invoice.status}，不能缴费`);
  }
  const total = fen(invoice.totalGross ?? invoice.totalNet);
  if (amount !== total) {
    throw refused(400, `缴费金额 ${(amount / 100).toFixed(2)} 元与发票金额 ${(total / 100).toFixed(2)} 元不符`);
  }
  await repo.touch('Invoice', id, (i) => {
    i.status = 'balanced';
    i.paymentTerms = '已缴费';
  });
}

async function topUpDeposit(repo, id, amount) {
  const account = repo.current('Account', id);
  if (!account) {
    throw refused(400, `预交金账户 Account/${id} 不存在`);
  }
  if (account.status !== 'active') {
    throw refused(409, `预交金账户 Account/${id} 已结清，不能再缴纳预交金`);
  }
  await repo.touch('Account', id, (a) => {
    a.extension = a.extension ?? [];
    for (const name of ['deposit-total', 'deposit-balance']) {
      const existing = a.extension.find((x) => x.url === EXT + name);
      const raised = yuan(fen(existing?.valueMoney) + amount);
      if (existing) {
        existing.valueMoney = raised;
      } else {
        a.extension.push({ url: EXT + name, valueMoney: raised });
      }
    }
  });
}
