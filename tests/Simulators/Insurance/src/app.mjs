import http from 'node:http';
import { createAuth } from './auth.mjs';
import { authorizePage, errorPage } from './ec-page.mjs';
import { createFaults } from './faults.mjs';
import { InsuranceError, parseJsonObject, readBody, redirect, sendHtml, sendJson, sleep } from './http-util.mjs';
import { createPeople } from './people.mjs';
import { createSettlements } from './settlements.mjs';

// A held call whose client never hangs up is applied and answered after this long anyway.
const MAX_HOLD_MS = 60_000;
const SETTLEMENT = '([A-Za-z0-9]+)';

function validRedirect(value) {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function withParams(redirectUri, params) {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

/** Resolves when the client closes the connection without having been answered (or after MAX_HOLD_MS). */
const clientGivesUp = (res) => new Promise((resolve) => {
  const timer = setTimeout(() => resolve(false), MAX_HOLD_MS);
  res.once('close', () => {
    clearTimeout(timer);
    resolve(true);
  });
});

/** The 国家医保信息平台 mobile-payment interface for one hospital app: the ec authorisation page, signed /api/v1, /$sim controls. */
export function createInsuranceSimulator(config) {
  const faults = createFaults();
  const auth = createAuth(config);
  const people = createPeople();
  let clockOffsetMs = 0;
  const clock = { now: () => Date.now() + clockOffsetMs };
  const settlements = createSettlements(people, faults, clock);
  const counters = { apiCalls: 0, signatureFailures: 0, failuresInjected: 0, refusedWhileDown: 0, heldUntilTimeout: 0, ecPages: 0, ecApproved: 0, ecDenied: 0, ecVerified: 0 };

  /** [method, pattern, handler(body, params, url)] returning [status, body]. */
  const api = [
    ['POST', /^\/api\/v1\/ec\/verify$/, (body) => {
      const person = people.verifyToken(body.ecToken);
      counters.ecVerified += 1;
      return [200, person];
    }],
    ['POST', /^\/api\/v1\/settlements\/pre$/, (body) => [200, settlements.pre(body)]],
    ['POST', /^\/api\/v1\/settlements$/, (body) => {
      const [created, settlement] = settlements.settle(body);
      return [created ? 201 : 200, settlement];
    }],
    ['GET', /^\/api\/v1\/settlements$/, (body, params, url) => [200, settlements.list(url.searchParams.get('bizNo'))]],
    ['GET', new RegExp(`^/api/v1/settlements/${SETTLEMENT}$`), (body, [id]) => [200, settlements.get(id)]],
    ['POST', new RegExp(`^/api/v1/settlements/${SETTLEMENT}/reverse$`), (body, [id]) => [200, settlements.reverse(id, body)[1]]],
  ];

  async function handleApi(req, res, url) {
    counters.apiCalls += 1;
    if (faults.delayMs) await sleep(faults.delayMs);
    try {
      const body = await readBody(req);
      if (faults.down) {
        counters.refusedWhileDown += 1;
        throw new InsuranceError(503, 'SERVICE_UNAVAILABLE', '医保信息平台维护中，请稍后重试');
      }
      const route = api.find(([method, pattern]) => method === req.method && pattern.test(url.pathname));
      if (!route) throw new InsuranceError(404, 'NOT_FOUND', '请求的接口不存在');
      try {
        auth.check(req, body);
      } catch (err) {
        counters.signatureFailures += 1;
        throw err;
      }
      const planned = faults.takeFailure(req.method, url.pathname);
      if (planned) {
        counters.failuresInjected += 1;
        throw new InsuranceError(planned.status, planned.code, planned.message);
      }
      const run = () => route[2](parseJsonObject(body), route[1].exec(url.pathname).slice(1), url);
      if (faults.takeTimeout()) {
        counters.heldUntilTimeout += 1;
        if (await clientGivesUp(res)) {
          // The platform still does the work: the hospital has to query to learn whether it settled.
          try {
            run();
          } catch { /* nobody is listening */ }
          return;
        }
      }
      const [status, answer] = run();
      sendJson(res, status, answer);
    } catch (err) {
      if (!(err instanceof InsuranceError)) {
        console.error(err);
        err = new InsuranceError(500, 'SYSTEM_ERROR', '系统错误');
      }
      if (res.headersSent || res.destroyed) return;
      sendJson(res, err.status, { code: err.code, message: err.message });
    }
  }

  function handleEcPage(res, url) {
    const redirectUri = url.searchParams.get('redirect_uri') ?? '';
    const state = url.searchParams.get('state') ?? '';
    const simUser = url.searchParams.get('sim_user') || 'patient';
    if (!validRedirect(redirectUri)) return sendHtml(res, 400, errorPage('回调地址 redirect_uri 无效'));
    const person = people.find(simUser);
    if (!person) return sendHtml(res, 404, errorPage('未查询到参保信息'));
    counters.ecPages += 1;
    return sendHtml(res, 200, authorizePage(person, { redirectUri, state, simUser }));
  }

  async function handleEcDecision(req, res) {
    const form = new URLSearchParams(await readBody(req));
    const redirectUri = form.get('redirect_uri') ?? '';
    const state = form.get('state') ?? '';
    const simUser = form.get('sim_user') || 'patient';
    if (!validRedirect(redirectUri)) return sendHtml(res, 400, errorPage('回调地址 redirect_uri 无效'));
    if (form.get('decision') !== 'approve') {
      counters.ecDenied += 1;
      return redirect(res, withParams(redirectUri, { error: 'denied', state }));
    }
    if (!people.find(simUser)) return sendHtml(res, 404, errorPage('未查询到参保信息'));
    counters.ecApproved += 1;
    return redirect(res, withParams(redirectUri, { ec_token: people.issueToken(simUser), state }));
  }

  const sim = {
    'GET /$sim/health': () => [200, { status: 'ok', appId: config.appId }],
    'POST /$sim/reset': () => {
      faults.reset();
      auth.reset();
      people.reset();
      settlements.reset();
      clockOffsetMs = 0;
      Object.keys(counters).forEach((k) => { counters[k] = 0; });
      return [200, { ok: true }];
    },
    'GET /$sim/state': () => [200, { counters: { ...counters, ...settlements.counters() }, faults: faults.snapshot(), clockOffsetMs, config: { appId: config.appId } }],
    'GET /$sim/settlements': (body, url) => [200, settlements.list(url.searchParams.get('bizNo'))],
    'GET /$sim/people': () => [200, people.list()],
    'POST /$sim/people': (body) => [201, people.add(body)],
    'POST /$sim/clock': (body) => {
      clockOffsetMs += Number(body.advanceMs) || 0;
      return [200, { clockOffsetMs }];
    },
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
      if (err instanceof InsuranceError) return sendJson(res, err.status, { code: err.code, message: err.message });
      return sendJson(res, 400, { code: 'INVALID_REQUEST', message: err.message });
    }
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    try {
      if (url.pathname.startsWith('/api/')) return await handleApi(req, res, url);
      if (url.pathname.startsWith('/$sim/')) return await handleSim(req, res, url);
      if (req.method === 'GET' && url.pathname === '/auth/ec') return handleEcPage(res, url);
      if (req.method === 'POST' && url.pathname === '/auth/ec/decision') return await handleEcDecision(req, res);
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
    async start() {
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, resolve);
      });
      return server.address().port;
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
