import { SYS, cny, ref, refDisplay } from './systems.mjs';

const LAB_PRICES = { CBC: 25, LFT: 60, RFT: 45, ELEC: 40, GLU: 55, LIPID: 50, CARD: 120 };
const IMAGING_PRICES = { CT: 280, DX: 80, MR: 600, US: 150 };

function chargeItem(ctx, visit, code, text, unitPrice, quantity, account) {
  return ctx.add({
    resourceType: 'ChargeItem',
    id: `ci-${String(ctx.serial('charge')).padStart(6, '0')}`,
    status: 'billed',
    code: { coding: [{ system: SYS.chargeItem, code, display: text }], text },
    subject: refDisplay(visit.patient.patient, visit.patient.name),
    context: ref(visit.encounter),
    occurrenceDateTime: visit.start,
    performingOrganization: ref(visit.dept.campus.org),
    requestingOrganization: { reference: 'Organization/org-jcsy' },
    quantity: { value: quantity },
    priceOverride: cny(unitPrice),
    enterer: ref(visit.doctor.practitioner),
    enteredDate: visit.end,
    account: account ? [ref(account)] : undefined,
    meta: { lastUpdated: new Date(visit.end).toISOString() },
  });
}

/**
 * Outpatient bill of one visit: registration, orders, drugs; paid unless it is a fresh visit left open (always, with
 * `unpaid`, so the showcase patients have a bill to pay; the PRNG is drawn the same either way).
 */
export function buildOutpatientInvoice(ctx, visit, { labPanels, imaging, medications, unpaid: keepOpen = false }) {
  const items = [chargeItem(ctx, visit, 'GH', '挂号费', visit.doctor.title?.fee ?? 10, 1)];
  labPanels.forEach((p) => items.push(chargeItem(ctx, visit, `JY-${p}`, `检验费-${p}`, LAB_PRICES[p], 1)));
  imaging.forEach((m) => items.push(chargeItem(ctx, visit, `JC-${m}`, `检查费-${m}`, IMAGING_PRICES[m], 1)));
  medications.forEach((mr) => items.push(chargeItem(ctx, visit, `YP-${mr.medicationCodeableConcept.coding[0].code}`, `药品费-${mr.medicationCodeableConcept.text}`, ctx.rng.round(12, 160, 2), 1)));
  const unpaid = visit.date >= ctx.daysAgo(2) && (ctx.rng.chance(0.4) || keepOpen);
  return invoice(ctx, visit, items, unpaid ? 'issued' : 'balanced');
}

function invoice(ctx, visit, items, status) {
  const total = items.reduce((sum, item) => sum + item.priceOverride.value * item.quantity.value, 0);
  const serial = ctx.serial('invoice');
  return ctx.add({
    resourceType: 'Invoice',
    id: `inv-${String(serial).padStart(5, '0')}`,
    identifier: [{ system: SYS.invoice, value: `FP${visit.date.replaceAll('-', '')}${String(serial).padStart(6, '0')}` }],
    status,
    type: { text: visit.kind === 'IMP' ? '住院结算' : '门诊收费' },
    subject: refDisplay(visit.patient.patient, visit.patient.name),
    date: visit.end,
    issuer: { reference: 'Organization/org-jcsy' },
    lineItem: items.map((item, i) => ({
      sequence: i + 1,
      chargeItemReference: { ...ref(item), display: item.code.text },
      priceComponent: [{ type: 'base', amount: cny(item.priceOverride.value * item.quantity.value) }],
    })),
    totalNet: cny(total),
    totalGross: cny(total),
    paymentTerms: status === 'balanced' ? '已缴费' : '待缴费',
    meta: { lastUpdated: new Date(visit.end).toISOString() },
  });
}

/**
 * A deposit paid at the admission office's window (住院处): the money received (PaymentReconciliation) and what it pays
 * (PaymentNotice on the Account), as the platform's own top-ups are recorded. The notice's `payment` is filled in by
 * the caller once the reconciliation has its id.
 */
export function windowDeposit(accountRef, yuan, at, receipt) {
  const identifier = [{ system: SYS.cashierReceipt, value: receipt }];
  const reconciliation = {
    resourceType: 'PaymentReconciliation', identifier, status: 'active', created: at, paymentDate: at.slice(0, 10),
    paymentAmount: cny(yuan), outcome: 'complete', disposition: '住院处窗口缴纳预交金',
  };
  const notice = {
    resourceType: 'PaymentNotice', identifier, status: 'active', request: { reference: accountRef }, created: at,
    paymentDate: at.slice(0, 10), recipient: { reference: 'Organization/org-jcsy' }, amount: cny(yuan),
    paymentStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/paymentstatus', code: 'paid' }] },
  };
  return [reconciliation, notice];
}

/** Inpatient deposit account: R4 Account has no balance, so deposits and balance travel as extensions. */
export function buildInpatientAccount(ctx, visit, { stayDays, discharged }) {
  const deposit = ctx.rng.pick([3000, 5000, 10000, 20000]);
  const serial = String(ctx.serial('account')).padStart(4, '0');
  const account = {
    resourceType: 'Account',
    id: `acct-${serial}`,
    identifier: [{ system: `${SYS.visit}/account`, value: `ZYZH${serial}` }],
    status: discharged ? 'inactive' : 'active',
    type: { coding: [{ system: SYS.actCode, code: 'PBILLACCT', display: 'patient billing account' }], text: '住院预交金账户' },
    name: `${visit.patient.name}住院预交金账户`,
    subject: [refDisplay(visit.patient.patient, visit.patient.name)],
    servicePeriod: discharged ? { start: visit.start, end: visit.end } : { start: visit.start },
    owner: { reference: 'Organization/org-jcsy' },
    description: `${visit.dept.name}住院（${visit.encounter.identifier[0].value}）`,
  };
  const days = Math.max(1, stayDays);
  const items = [
    chargeItem(ctx, visit, 'ZY-CW', '床位费', 60, days, account),
    chargeItem(ctx, visit, 'ZY-HL', '护理费', 35, days, account),
    chargeItem(ctx, visit, 'ZY-YP', '药品费', ctx.rng.round(150, 600, 2), days, account),
    chargeItem(ctx, visit, 'ZY-JC', '检查检验费', ctx.rng.round(300, 1800, 2), 1, account),
  ];
  const charges = items.reduce((sum, item) => sum + item.priceOverride.value * item.quantity.value, 0);
  const paidDeposit = discharged ? Math.max(deposit, Math.ceil(charges / 1000) * 1000) : deposit;
  account.extension = [
    { url: SYS.ext('deposit-total'), valueMoney: cny(paidDeposit) },
    { url: SYS.ext('charges-total'), valueMoney: cny(charges) },
    { url: SYS.ext('deposit-balance'), valueMoney: cny(paidDeposit - charges) },
  ];
  account.meta = { lastUpdated: ctx.seedInstant };
  ctx.add(account);
  const receipt = `YJ${serial}`;
  const [reconciliation, notice] = windowDeposit(`Account/${account.id}`, paidDeposit, visit.start, receipt);
  ctx.add({ ...reconciliation, id: `prc-${serial}`, meta: { lastUpdated: ctx.seedInstant } });
  ctx.add({ ...notice, id: `pn-${serial}`, payment: { reference: `PaymentReconciliation/prc-${serial}` }, meta: { lastUpdated: ctx.seedInstant } });
  if (discharged) {
    invoice(ctx, visit, items, 'balanced');
  }
  return { account, items, balance: paidDeposit - charges };
}
