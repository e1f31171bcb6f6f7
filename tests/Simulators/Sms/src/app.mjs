import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { createFaults } from './faults.mjs';
import { parseJson, readBody, send, sleep } from './http-util.mjs';
import { TEMPLATES } from './templates.mjs';

const PHONE = /^1[3-9]\d{9}$/;

export function createSmsSimulator({ apiKey = 'sms-dev-key', maxMessages = 5000 } = {}) {
  const messages = [];
  const faults = createFaults();

  async function sendSms(req, res) {
    if (req.headers['x-api-key'] !== apiKey) return send(res, 401, { code: 'UNAUTHORIZED', message: 'invalid X-Api-Key' });
    const body = parseJson(await readBody(req));
    if (!body) return send(res, 400, { code: 'INVALID_REQUEST', message: 'body must be a JSON object' });
    const { phone, template, params = {} } = body;
    if (typeof phone !== 'string' || !PHONE.test(phone)) return send(res, 400, { code: 'INVALID_PHONE', message: 'phone must be a mainland mobile number' });
    const spec = TEMPLATES[template];
    if (!spec) return send(res, 400, { code: 'UNKNOWN_TEMPLATE', message: `template ${template} is not registered` });
    const missing = spec.params.filter((p) => params[p] === undefined || params[p] === null || params[p] === '');
    if (missing.length) return send(res, 400, { code: 'MISSING_PARAMS', message: `missing ${missing.join(', ')}` });

    const fault = faults.take();
    if (fault?.mode === 'timeout') await sleep(fault.delayMs);
    if (fault?.mode === 'error') return send(res, 500, { code: 'INTERNAL_ERROR', message: 'simulated provider failure' });
    if (fault?.mode === 'rate_limit') return send(res, 429, { code: 'RATE_LIMITED', message: 'simulated provider throttling' });

    const message = { id: randomUUID(), phone, template, params, content: spec.render(params), sentAt: new Date().toISOString() };
    messages.push(message);
    if (messages.length > maxMessages) messages.shift();
    return send(res, 200, { messageId: message.id, status: 'sent' });
  }

  async function control(req, res, url) {
    if (req.method === 'GET' && url.pathname === '/$sim/health') return send(res, 200, { status: 'ok', messages: messages.length });
    if (req.method === 'GET' && url.pathname === '/$sim/messages') {
      const phone = url.searchParams.get('phone');
      const list = messages.filter((m) => !phone || m.phone === phone).reverse();
      return send(res, 200, list);
    }
    if (url.pathname === '/$sim/faults') {
      if (req.method === 'GET') return send(res, 200, { fault: faults.describe() });
      if (req.method === 'DELETE') {
        faults.clear();
        return send(res, 204);
      }
      if (req.method === 'POST') {
        try {
          return send(res, 200, { fault: faults.set(parseJson(await readBody(req))) });
        } catch (e) {
          return send(res, 400, { code: 'INVALID_FAULT', message: e.message });
        }
      }
    }
    if (req.method === 'POST' && url.pathname === '/$sim/reset') {
      messages.length = 0;
      faults.clear();
      return send(res, 204);
    }
    return send(res, 404, { code: 'NOT_FOUND' });
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    try {
      if (req.method === 'POST' && url.pathname === '/sms/send') return await sendSms(req, res);
      if (url.pathname.startsWith('/$sim/')) return await control(req, res, url);
      return send(res, 404, { code: 'NOT_FOUND' });
    } catch (e) {
      if (!res.headersSent) send(res, e.status ?? 500, { code: 'INTERNAL_ERROR', message: e.message });
    }
  });
  // Longer than any client keeps an idle connection (.NET: 60 s), so the client closes it first: a server that
  // closed it (or a busy event loop whose keep-alive timer fired late) would reset a request already on the wire.
  server.keepAliveTimeout = 75_000;

  return {
    server,
    messages,
    start: (port = 0, host = '127.0.0.1') => new Promise((resolve) => server.listen(port, host, () => resolve(server.address().port))),
    stop: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
