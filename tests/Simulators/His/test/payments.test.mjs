import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fhirClient, startHis } from '../support/harness.mjs';

const PAYMENT = 'http://platform.jcsy.example/sid/payment';
const EXT = 'http://his.jcsy.example/fhir/StructureDefinition/';
const money = (value) => ({ value, currency: 'CNY' });

/** What the platform sends when a patient paid: reconciliation and notice, each created only once per payment id. */
function paymentBundle(paymentId, request, amount) {
  const identifier = [{ system: PAYMENT, value: paymentId }];
  const conditional = (type) => ({ method: 'POST', url: type, ifNoneExist: `identifier=${PAYMENT}|${paymentId}` });
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: `urn:uuid:${paymentId}`,
        resource: {
          resourceType: 'PaymentReconciliation', identifier, status: 'active', created: '2026-12-06T10:00:00+08:00',
          paymentDate: '2026-12-06', paymentAmount: money(amount), outcome: 'complete',
          paymentIdentifier: { system: 'https://pay.weixin.qq.com/sid/transaction-id', value: `4200${paymentId.slice(0, 8)}` },
        },
        request: conditional('PaymentReconciliation'),
      },
      {
        resource: {
          resourceType: 'PaymentNotice', identifier, status: 'active', request: { reference: request },
          created: '2026-12-06T10:00:00+08:00', paymentDate: '2026-12-06', payment: { reference: `urn:uuid:${paymentId}` },
          recipient: { reference: 'Organization/org-jcsy' }, amount: money(amount),
          paymentStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/paymentstatus', code: 'paid' }] },
        },
        request: conditional('PaymentNotice'),
      },
    ],
  };
}

const extension = (account, name) => account.extension.find((x) => x.url === EXT + name).valueMoney.value;

describe('payments made on the platform', () => {
  let ctx;
  let client;
  before(async () => {
    ctx = await startHis();
    client = await fhirClient(ctx.root);
  });
  after(() => ctx.stop());

  const notices = async (paymentId) => (await client.get(`PaymentNotice?identifier=${PAYMENT}|${paymentId}`)).body.total;

  it('balances an unpaid outpatient invoice, once however often the payment is sent', async () => {
    const invoice = (await client.get('Invoice/inv-00001')).body;
    assert.equal(invoice.status, 'issued');
    const paymentId = '0193a5b0-0000-7000-8000-000000000001';
    const bundle = paymentBundle(paymentId, 'Invoice/inv-00001', invoice.totalGross.value);
    const first = await client.post('', bundle);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const paid = (await client.get('Invoice/inv-00001')).body;
    assert.equal(paid.status, 'balanced');
    assert.equal(paid.paymentTerms, '已缴费');

    const again = await client.post('', bundle);
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(await notices(paymentId), 1);
    assert.equal((await client.get(`PaymentReconciliation?identifier=${PAYMENT}|${paymentId}`)).body.total, 1);
    assert.equal((await client.get('Invoice/inv-00001')).body.meta.versionId, paid.meta.versionId);
    const notice = (await client.get(`PaymentNotice?request=Invoice/inv-00001`)).body.entry[0].resource;
    assert.match(notice.payment.reference, /^PaymentReconciliation\//);
  });

  it('refuses a second payment of a balanced invoice', async () => {
    const invoice = (await client.get('Invoice/inv-00001')).body;
    const paymentId = '0193a5b0-0000-7000-8000-000000000002';
    const refused = await client.post('', paymentBundle(paymentId, 'Invoice/inv-00001', invoice.totalGross.value));
    assert.equal(refused.status, 409);
    assert.match(refused.body.issue[0].details.text, /已缴费/);
    assert.equal(await notices(paymentId), 0);
  });

  it('refuses an amount other than the invoice total and leaves the invoice unpaid', async () => {
    const invoice = (await client.get('Invoice/inv-00002')).body;
    assert.equal(invoice.status, 'issued');
    const paymentId = '0193a5b0-0000-7000-8000-000000000003';
    const refused = await client.post('', paymentBundle(paymentId, 'Invoice/inv-00002', invoice.totalGross.value - 0.01));
    assert.equal(refused.status, 400);
    assert.match(refused.body.issue[0].details.text, /与发票金额.*不符/);
    assert.equal((await client.get('Invoice/inv-00002')).body.status, 'issued');
    assert.equal(await notices(paymentId), 0);
    assert.equal((await client.get(`PaymentReconciliation?identifier=${PAYMENT}|${paymentId}`)).body.total, 0, 'rolled back');
  });

  it('refuses a notice for an invoice or account the hospital does not have', async () => {
    for (const request of ['Invoice/inv-99999', 'Account/acct-9999', 'Patient/pat-0001']) {
      const refused = await client.post('', paymentBundle('0193a5b0-0000-7000-8000-000000000004', request, 10));
      assert.equal(refused.status, 400, request);
    }
  });

  it('raises an active deposit account by the amount paid', async () => {
    const before = (await client.get('Account/acct-0001')).body;
    assert.equal(before.status, 'active');
    const paymentId = '0193a5b0-0000-7000-8000-000000000005';
    const bundle = paymentBundle(paymentId, 'Account/acct-0001', 1000.5);
    assert.equal((await client.post('', bundle)).status, 200);
    assert.equal((await client.post('', bundle)).status, 200);
    const after = (await client.get('Account/acct-0001')).body;
    assert.equal(Math.round(extension(after, 'deposit-total') * 100), Math.round((extension(before, 'deposit-total') + 1000.5) * 100));
    assert.equal(Math.round(extension(after, 'deposit-balance') * 100), Math.round((extension(before, 'deposit-balance') + 1000.5) * 100));
    assert.equal(extension(after, 'charges-total'), extension(before, 'charges-total'));
    assert.equal(await notices(paymentId), 1);
  });

  it('refuses a deposit into a closed account', async () => {
    const closed = (await client.get('Account?status=inactive&_count=1')).body.entry[0].resource;
    const refused = await client.post('', paymentBundle('0193a5b0-0000-7000-8000-000000000006', `Account/${closed.id}`, 100));
    assert.equal(refused.status, 409);
  });
});
