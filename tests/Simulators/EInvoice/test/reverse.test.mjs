import test from 'node:test';
import assert from 'node:assert/strict';
import { invoicePath, issueRequest, startSimulator } from '../support/harness.mjs';
import { pdfText } from '../support/pdf-text.mjs';

test('a full reversal issues a red invoice and marks the original reversed; nothing is left to reverse', async () => {
  const sim = await startSimulator();
  try {
    const original = (await sim.api('POST', '/api/v1/invoices', issueRequest())).json;
    const reversed = await sim.api('POST', invoicePath(original, '/reverse'), { reason: '退费', amountFen: 5000 }, { headers: { 'x-request-id': 'refund-1' } });
    assert.equal(reversed.status, 201);
    const red = reversed.json;
    assert.equal(red.kind, 'red');
    assert.equal(red.originalInvoiceNo, original.invoiceNo);
    assert.equal(red.originalInvoiceCode, original.invoiceCode);
    assert.equal(red.invoiceCode, original.invoiceCode);
    assert.notEqual(red.invoiceNo, original.invoiceNo);
    assert.match(red.checkCode, /^[A-Z0-9]{6}$/);
    assert.equal(red.totalFen, -5000);
    assert.equal(red.status, 'issued');
    assert.ok(red.pdfUrl.endsWith(invoicePath(red, '/pdf')));

    const after = (await sim.api('GET', invoicePath(original))).json;
    assert.equal(after.status, 'reversed');
    assert.equal(after.reversedFen, 5000);
    assert.deepEqual(after.redInvoiceNos, [red.invoiceNo]);

    const more = await sim.api('POST', invoicePath(original, '/reverse'), { reason: '退费', amountFen: 1 }, { headers: { 'x-request-id': 'refund-2' } });
    assert.equal(more.status, 409);
    assert.equal(more.json.code, 'ALREADY_REVERSED');

    const redOfRed = await sim.api('POST', invoicePath(red, '/reverse'), { reason: '退费', amountFen: 1 });
    assert.equal(redOfRed.status, 409);
    assert.equal(redOfRed.json.code, 'NOT_REVERSIBLE');

    const pdf = pdfText((await sim.api('GET', invoicePath(red, '/pdf'))).bytes).join('\n');
    assert.ok(pdf.includes('医疗收费电子票据（红字）'));
    assert.ok(pdf.includes(`原票据号码：${original.invoiceNo}`));
    assert.ok(pdf.includes('负伍拾元整'));
  } finally {
    await sim.stop();
  }
});

test('partial reversals are allowed until the total is used up, and a repeated one is the same red invoice', async () => {
  const sim = await startSimulator();
  try {
    const original = (await sim.api('POST', '/api/v1/invoices', issueRequest())).json;
    const reverse = (amountFen, requestId) => sim.api('POST', invoicePath(original, '/reverse'), { reason: '部分退费', amountFen }, { headers: { 'x-request-id': requestId } });

    const first = await reverse(2000, 'r1');
    assert.equal(first.status, 201);
    const repeated = await reverse(2000, 'r1');
    assert.equal(repeated.status, 200);
    assert.equal(repeated.json.invoiceNo, first.json.invoiceNo);
    assert.equal((await sim.api('GET', invoicePath(original))).json.status, 'partially_reversed');

    const tooMuch = await reverse(3001, 'r2');
    assert.equal(tooMuch.status, 409);
    assert.equal(tooMuch.json.code, 'REVERSE_EXCEEDED');

    const second = await reverse(2000, 'r2');
    assert.equal(second.status, 201);
    assert.notEqual(second.json.invoiceNo, first.json.invoiceNo);
    assert.equal((await reverse(1000, 'r3')).status, 201);
    const done = (await sim.api('GET', invoicePath(original))).json;
    assert.equal(done.status, 'reversed');
    assert.equal(done.reversedFen, 5000);
    // Repeating an earlier reversal after the total is used up still answers that red invoice.
    assert.equal((await reverse(2000, 'r1')).json.invoiceNo, first.json.invoiceNo);

    const bad = await sim.api('POST', invoicePath(original, '/reverse'), { reason: '', amountFen: 100 });
    assert.equal(bad.status, 400);
    const unknown = await sim.api('POST', '/api/v1/invoices/33060126/0000000001/reverse', { reason: '退费', amountFen: 100 });
    assert.equal(unknown.status, 404);
  } finally {
    await sim.stop();
  }
});
