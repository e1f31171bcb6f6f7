import test from 'node:test';
import assert from 'node:assert/strict';
import { invoicePath, issueRequest, startSimulator } from '../support/harness.mjs';

test('the public verify page says 真票 with the details, 校验码不符 or 查无此票', async () => {
  const sim = await startSimulator();
  try {
    const invoice = (await sim.api('POST', '/api/v1/invoices', issueRequest())).json;
    const genuine = await fetch(invoice.verifyUrl);
    assert.equal(genuine.status, 200);
    assert.match(genuine.headers.get('content-type'), /text\/html/);
    const html = await genuine.text();
    assert.match(html, /name="viewport"/);
    assert.match(html, /票据真伪查验/);
    assert.match(html, /真票/);
    for (const expected of [invoice.invoiceNo, invoice.invoiceCode, '张*', '西药费', '伍拾元整', '¥50.00', '正常']) {
      assert.ok(html.includes(expected), `page shows ${expected}`);
    }

    const wrongCheck = await (await fetch(`${sim.base}/verify?code=${invoice.invoiceCode}&no=${invoice.invoiceNo}&check=ZZZZZZ`)).text();
    assert.match(wrongCheck, /校验码不符/);
    assert.doesNotMatch(wrongCheck, /张\*/);

    const missing = await fetch(`${sim.base}/verify?code=${invoice.invoiceCode}&no=0000000001&check=ABCDEF`);
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /查无此票/);

    await sim.api('POST', invoicePath(invoice, '/reverse'), { reason: '退费', amountFen: 5000 });
    assert.match(await (await fetch(invoice.verifyUrl)).text(), /已冲红/);
  } finally {
    await sim.stop();
  }
});
