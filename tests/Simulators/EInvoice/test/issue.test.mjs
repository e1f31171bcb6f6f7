import test from 'node:test';
import assert from 'node:assert/strict';
import { invoicePath, issueRequest, startSimulator } from '../support/harness.mjs';
import { pdfText } from '../support/pdf-text.mjs';

test('issues an invoice with code, number, check code and absolute links; the same bizNo returns it again', async () => {
  const sim = await startSimulator();
  try {
    const order = issueRequest();
    const issued = await sim.api('POST', '/api/v1/invoices', order);
    assert.equal(issued.status, 201);
    const invoice = issued.json;
    assert.match(invoice.invoiceNo, /^\d{10}$/);
    assert.equal(invoice.invoiceCode, '33060126');
    assert.match(invoice.checkCode, /^[A-Z0-9]{6}$/);
    assert.match(invoice.issuedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    assert.equal(invoice.status, 'issued');
    assert.equal(invoice.kind, 'blue');
    assert.equal(invoice.bizNo, order.bizNo);
    assert.equal(invoice.pdfUrl, `${sim.base}${invoicePath(invoice, '/pdf')}`);
    assert.equal(invoice.verifyUrl, `${sim.base}/verify?code=${invoice.invoiceCode}&no=${invoice.invoiceNo}&check=${invoice.checkCode}`);

    const again = await sim.api('POST', '/api/v1/invoices', order);
    assert.equal(again.status, 200);
    assert.deepEqual(again.json, invoice);

    const fetched = await sim.api('GET', invoicePath(invoice));
    assert.equal(fetched.status, 200);
    assert.deepEqual(fetched.json, invoice);

    const listed = (await sim.control('GET', `/$sim/invoices?bizNo=${order.bizNo}`)).json;
    assert.equal(listed.length, 1);
    const state = (await sim.control('GET', '/$sim/state')).json;
    assert.equal(state.counters.issued, 1);
    assert.equal(state.counters.duplicates, 1);
  } finally {
    await sim.stop();
  }
});

test('concurrent issues of one bizNo produce a single invoice', async () => {
  const sim = await startSimulator();
  try {
    const order = issueRequest();
    const answers = await Promise.all(Array.from({ length: 8 }, () => sim.api('POST', '/api/v1/invoices', order)));
    assert.equal(new Set(answers.map((a) => a.json.invoiceNo)).size, 1);
    assert.equal(answers.filter((a) => a.status === 201).length, 1);
    assert.equal((await sim.control('GET', `/$sim/invoices?bizNo=${order.bizNo}`)).json.length, 1);
  } finally {
    await sim.stop();
  }
});

test('amounts: the total must be the sum of the items, and a bizNo keeps its amount', async () => {
  const sim = await startSimulator();
  try {
    const mismatch = await sim.api('POST', '/api/v1/invoices', issueRequest({ totalFen: 4999 }));
    assert.equal(mismatch.status, 400);
    assert.equal(mismatch.json.code, 'AMOUNT_MISMATCH');

    const order = issueRequest();
    assert.equal((await sim.api('POST', '/api/v1/invoices', order)).status, 201);
    const conflict = await sim.api('POST', '/api/v1/invoices', {
      ...order, items: [{ name: '西药费', amountFen: 6000, quantity: 1 }], totalFen: 6000,
    });
    assert.equal(conflict.status, 409);
    assert.equal(conflict.json.code, 'BIZNO_CONFLICT');

    for (const bad of [{ totalFen: 0, items: [] }, { category: '体检' }, { payerPartyType: '单位' }, { bizNo: '' },
      { items: [{ name: '西药费', amountFen: 50.5, quantity: 1 }], totalFen: 50.5 }]) {
      const refused = await sim.api('POST', '/api/v1/invoices', issueRequest(bad));
      assert.equal(refused.status, 400, JSON.stringify(bad));
      assert.equal(refused.json.code, 'PARAM_ERROR', JSON.stringify(bad));
    }
    const unknown = await sim.api('GET', '/api/v1/invoices/33060126/0000000001');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.code, 'INVOICE_NOT_FOUND');
  } finally {
    await sim.stop();
  }
});

test('the PDF is a PDF that shows the number, check code, payer, items in yuan and the total in capitals', async () => {
  const sim = await startSimulator();
  try {
    const invoice = (await sim.api('POST', '/api/v1/invoices', issueRequest())).json;
    const pdf = await sim.api('GET', invoicePath(invoice, '/pdf'));
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = pdfText(pdf.bytes).join('\n');
    for (const expected of ['医疗收费电子票据', `票据号码：${invoice.invoiceNo}`, `票据代码：${invoice.invoiceCode}`,
      `校验码：${invoice.checkCode}`, '交款人：张*', '西药费', '30.00', '20.00', '伍拾元整', '¥50.00', '微信支付']) {
      assert.ok(text.includes(expected), `PDF shows ${expected}`);
    }
    assert.equal((await sim.api('GET', invoicePath(invoice, '/pdf'), undefined, { omit: true })).status, 401);
  } finally {
    await sim.stop();
  }
});
