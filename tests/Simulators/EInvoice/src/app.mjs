import http from 'node:http';
import { createAuth } from './auth.mjs';
import { createFaults } from './faults.mjs';
import { InvoiceError, parseJsonObject, readBody, sendBytes, sendJson, sleep } from './http-util.mjs';
import { createInvoices } from './invoices.mjs';
import { renderInvoicePdf } from './pdf.mjs';
import { genuinePage, refusalPage } from './verify-page.mjs';

const INVOICE = '([0-9]{8})\\/([0-9]{10})';

/** The provincial 财政电子票据 platform for one hospital app: signed /api/v1, the public /verify page, /$sim controls. */
export function createEInvoiceSimulator(config) {
  const faults = createFaults();
  const auth = createAuth(config);
  const invoices = createInvoices(config, faults);
  const counters = { apiCalls: 0, signatureFailures: 0, failuresInjected: 0, refusedWhileDown: 0 };

  /** [method, pattern, handler(req, body, params, res)]; handlers return [status, body] or send themselves. */
  const api = [
    ['POST', /^\/api\/v1\/invoices$/, (req, body) => {
      const [created, invoice] = invoices.issue(parseJsonObject(body));
      return [created ? 201 : 200, invoices.view(invoice)];
    }],
    ['GET', new RegExp(`^/api/v1/invoices/${INVOICE}$`), (req, body, [code, no]) => [200, invoices.view(invoices.get(code, no))]],
    ['GET', new RegExp(`^/api/v1/invoices/${INVOICE}/pdf$`), async (req, body, [code, no], res) => {
      const invoice = invoices.get(code, no);
      const { verifyUrl } = invoices.view(invoice);
      const pdf = await renderInvoicePdf(invoice, { fontPath: config.fontPath, payeeName: config.payeeName, verifyUrl });
      invoices.countPdf();
      sendBytes(res, 200, pdf, 'application/pdf', { 'Content-Disposition': `inline; filename="${code}-${no}.pdf"` });
    }],
    ['POST', new RegExp(`^/api/v1/invoices/${INVOICE}/reverse$`), (req, body, [code, no]) => {
      const [created, red] = invoices.reverse(code, no, parseJsonObject(body), req.headers['x-request-id'] ?? '');
      return [created ? 201 : 200, invoices.view(red)];
    }],
  ];

  async function handleApi(req, res, url) {
    counters.apiCalls += 1;
    if (faults.delayMs) await sleep(faults.delayMs);
    try {
      const body = await readBody(req);
      if (faults.down) {
        counters.refusedWhileDown += 1;
        throw new InvoiceError(503, 'SERVICE_UNAVAILABLE', '票据平台维护中，请稍后重试');
      }
      const route = api.find(([method, pattern]) => method === req.method && pattern.test(url.pathname));
      if (!route) throw new InvoiceError(404, 'NOT_FOUND', '请求的接口不存在');
      try {
        auth.check(req, body);
      } catch (err) {
        counters.signatureFailures += 1;
        throw err;
      }
      const planned = faults.takeFailure(req.method, url.pathname);
      if (planned) {
        counters.failuresInjected += 1;
        throw new InvoiceError(planned.status, planned.code, planned.message);
      }
      const params = route[1].exec(url.pathname).slice(1);
      const answer = await route[2](req, body, params, res);
      if (answer) sendJson(res, answer[0], answer[1]);
    } catch (err) {
      if (!(err instanceof InvoiceError)) {
        console.error(err);
        err = new InvoiceError(500, 'SYSTEM_ERROR', '系统错误');
      }
      if (res.headersSent) return res.destroy();
      sendJson(res, err.status, { code: err.code, message: err.message });
    }
  }

  function handleVerify(res, url) {
    const code = url.searchParams.get('code') ?? '';
    const no = url.searchParams.get('no') ?? '';
    const check = (url.searchParams.get('check') ?? '').toUpperCase();
    invoices.countVerification();
    const invoice = invoices.find(code, no);
    const [status, html] = !invoice ? [404, refusalPage('查无此票')]
      : invoice.checkCode !== check ? [200, refusalPage('校验码不符')]
        : [200, genuinePage(invoice, config.payeeName)];
    sendBytes(res, status, Buffer.from(html, 'utf8'), 'text/html; charset=utf-8');
  }

  const sim = {
    'GET /$sim/health': () => [200, { status: 'ok', appId: config.appId, invoiceCode: config.invoiceCode }],
    'POST /$sim/reset': () => {
      faults.reset();
      auth.reset();
      invoices.reset();
      Object.keys(counters).forEach((k) => { counters[k] = 0; });
      return [200, { ok: true }];
    },
    'GET /$sim/state': () => [200, { counters: { ...counters, ...invoices.counters() }, faults: faults.snapshot(), config: { appId: config.appId, publicUrl: config.publicUrl, invoiceCode: config.invoiceCode } }],
    'GET /$sim/invoices': (body, url) => [200, invoices.list(url.searchParams.get('bizNo'))],
    'GET /$sim/faults': () => [200, faults.snapshot()],
    'POST /$sim/faults': (body) => {
      faults.apply(body);
      return [200, faults.snapshot()];
    },
    'DELETE /$sim/faults': () => {
      faults.reset();
      return [200, faults.snapshot()];
    },
  };

  async function handleSim(req, res, url) {
    const key = `${req.method} ${url.pathname}`;
    const handler = sim[key];
    if (!handler) return sendJson(res, 404, { code: 'NOT_FOUND', message: `${key} not found` });
    try {
      const body = req.method === 'POST' ? parseJsonObject(await readBody(req)) : {};
      const [status, answer] = handler(body, url);
      return sendJson(res, status, answer);
    } catch (err) {
      if (err instanceof InvoiceError) return sendJson(res, err.status, { code: err.code, message: err.message });
      return sendJson(res, 400, { code: 'INVALID_REQUEST', message: err.message });
    }
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    try {
      if (url.pathname.startsWith('/api/')) return await handleApi(req, res, url);
      if (url.pathname.startsWith('/$sim/')) return await handleSim(req, res, url);
      if (req.method === 'GET' && url.pathname === '/verify') return handleVerify(res, url);
      return sendJson(res, 404, { code: 'NOT_FOUND', message: 'not found' });
    } catch (err) {
      console.error(err);
      if (res.headersSent) return res.destroy(err);
      return sendJson(res, 500, { code: 'SYSTEM_ERROR', message: 'internal error' });
    }
  });
  // Longer than any client keeps an idle connection (.NET: 60 s), so the client closes it first: a server that
  // closed it (or a busy event loop whose keep-alive timer fired late) would reset a request already on the wire.
  server.keepAliveTimeout = 75_000;

  return {
    server,
    invoices,
    async start() {
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, resolve);
      });
      const { port } = server.address();
      config.publicUrl ??= `http://127.0.0.1:${port}`;
      return port;
    },
    stop() {
      faults.reset();
      return new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
    },
  };
}
