import http from 'node:http';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createFaults } from './faults.mjs';
import { parseJson, readBody, send, sleep } from './http-util.mjs';
import { createRegistry } from './people.mjs';

const CHECKS = {
  '/verify/id-card': { fields: ['name', 'idNumber'], check: 'idCard' },
  '/verify/bank-card': { fields: ['name', 'idNumber', 'cardNumber', 'phone'], check: 'bankCard' },
  '/verify/social-security': { fields: ['name', 'idNumber', 'cardNumber'], check: 'socialSecurity' },
};

export function sign(secret, rawBody) {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}

function signatureValid(secret, raw, header) {
  if (typeof header !== 'string' || !/^[0-9a-f]{64}$/i.test(header)) return false;
  return timingSafeEqual(Buffer.from(sign(secret, raw), 'hex'), Buffer.from(header.toLowerCase(), 'hex'));
}

export function createRealNameSimulator({ secret = 'realname-dev-secret' } = {}) {
  const registry = createRegistry();
  const faults = createFaults();
  const log = [];

  async function verify(req, res, spec) {
    const raw = await readBody(req);
    if (!signatureValid(secret, raw, req.headers['x-signature'])) return send(res, 401, { code: 'BAD_SIGNATURE', message: 'X-Signature does not match the body' });
    const body = parseJson(raw);
    const missing = body ? spec.fields.filter((f) => typeof body[f] !== 'string' || body[f].trim() === '') : spec.fields;
    if (missing.length) return send(res, 400, { code: 'INVALID_REQUEST', message: `missing ${missing.join(', ')}` });

    const fault = faults.take();
    if (fault?.mode === 'timeout') await sleep(fault.delayMs);
    if (fault?.mode === 'error') return send(res, 500, { code: 'INTERNAL_ERROR', message: 'simulated authority failure' });
    if (fault?.mode === 'rate_limit') return send(res, 429, { code: 'RATE_LIMITED', message: 'too many verification requests' });

    const requestId = randomUUID();
    const result = registry[spec.check](body) ? 'match' : 'mismatch';
    log.push({ requestId, kind: spec.check, result, at: new Date().toISOString() });
    return send(res, 200, { result, requestId });
  }

  async function control(req, res, url) {
    if (req.method === 'GET' && url.pathname === '/$sim/health') return send(res, 200, { status: 'ok', people: registry.size() });
    if (req.method === 'GET' && url.pathname === '/$sim/requests') return send(res, 200, [...log].reverse());
    if (req.method === 'POST' && url.pathname === '/$sim/people') {
      const body = parseJson(await readBody(req));
      if (!body || typeof body.name !== 'string' || typeof body.idNumber !== 'string') return send(res, 400, { code: 'INVALID_REQUEST', message: 'name and idNumber are required' });
      const person = registry.add(body);
      return send(res, 201, { name: person.name, idNumber: person.idNumber });
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
    return send(res, 404, { code: 'NOT_FOUND' });
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    try {
      const spec = CHECKS[url.pathname];
      if (req.method === 'POST' && spec) return await verify(req, res, spec);
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
    start: (port = 0, host = '127.0.0.1') => new Promise((resolve) => server.listen(port, host, () => resolve(server.address().port))),
    stop: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
