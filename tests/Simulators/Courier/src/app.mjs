import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { signedHeaders, verify } from './signature.mjs';

const STEPS = [
  { status: 'handed-over', note: '快递员已揽收' },
  { status: 'in-transit', note: '已到达江城转运中心' },
  { status: 'in-transit', note: '派送中，快递员王师傅正在为您派件' },
  { status: 'delivered', note: '本人签收' },
];

/**
 * A courier open platform (快递开放平台), protocol-faithful for the pharmacy: signed waybill creation (deduplicated on
 * orderId), signed status callbacks with event ids and sequence numbers, and the misbehaviour real couriers show —
 * duplicated and out-of-order callbacks, lost parcels, failing deliveries retried with backoff.
 */
export function createCourierSimulator(config) {
  const waybills = new Map();
  const byOrder = new Map();
  const nonces = new Map();
  const callbacks = [];
  const timers = new Set();
  let faults = {};
  let serial = 0;
  let server;

  const json = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const later = (ms, fn) => {
    const t = setTimeout(() => { timers.delete(t); fn(); }, ms);
    timers.add(t);
  };
  const readBody = (req) => new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

  async function deliver(waybill, event, attempt = 0, raw = null) {
    const url = new URL(waybill.callbackUrl);
    const body = raw?.body ?? JSON.stringify(event);
    const headers = raw?.headers ?? signedHeaders(config.appId, config.appSecret, 'POST', url.pathname, body);
    const record = { waybillNo: waybill.waybillNo, eventId: event.eventId, sequence: event.sequence, status: event.status, attempt, at: new Date().toISOString() };
    callbacks.push(record);
    if (callbacks.length > 200) callbacks.shift();
    waybill.lastCallback = { body, headers, event };
    try {
      const res = await fetch(url, { method: 'POST', headers, body });
      record.httpStatus = res.status;
      record.answer = await res.text();
      if (res.status >= 500 && attempt < 4) later(config.retryBaseMs * 2 ** attempt, () => deliver(waybill, event, attempt + 1));
    } catch (err) {
      record.error = err.message;
      if (attempt < 4) later(config.retryBaseMs * 2 ** attempt, () => deliver(waybill, event, attempt + 1));
    }
    return record;
  }

  function emit(waybill, status, note) {
    waybill.sequence += 1;
    waybill.status = status;
    const event = { eventId: randomUUID(), waybillNo: waybill.waybillNo, orderId: waybill.orderId, sequence: waybill.sequence, status, at: new Date().toISOString(), note };
    waybill.events.push(event);
    if (faults.reorder && !waybill.held && status !== 'delivered' && status !== 'lost') {
      waybill.held = event; // sent after the next one: out of order
      return Promise.resolve({ held: true, event });
    }
    const sends = [deliver(waybill, event)];
    if (faults.duplicate) sends.push(deliver(waybill, event));
    if (waybill.held) {
      const held = waybill.held;
      waybill.held = null;
      sends.push(deliver(waybill, held));
    }
    return Promise.all(sends).then((r) => ({ event, deliveries: r }));
  }

  function advance(waybill, status, note) {
    if (waybill.status === 'delivered' || waybill.status === 'lost') return null;
    if (status) return emit(waybill, status, note ?? (STEPS.find((s) => s.status === status)?.note ?? ''));
    const step = STEPS[waybill.step];
    if (!step) return null;
    waybill.step += 1;
    return emit(waybill, step.status, note ?? step.note);
  }

  function schedule(waybill) {
    if (config.autoStepMs <= 0) return;
    later(config.autoStepMs, async () => {
      if (await advance(waybill)) schedule(waybill);
    });
  }

  async function createWaybill(req, res, path) {
    const body = await readBody(req);
    if (req.headers['x-app-id'] !== config.appId) return json(res, 401, { code: 'unknown_app', message: '未知的 appId' });
    const problem = verify(config.appSecret, 'POST', path, req.headers, body);
    if (problem) return json(res, 401, { code: problem, message: problem === 'bad_signature' ? '签名错误' : '时间戳过期' });
    const nonce = req.headers['x-nonce'];
    if (nonces.has(nonce)) return json(res, 409, { code: 'replayed', message: '重复请求' });
    nonces.set(nonce, Date.now());
    let order;
    try { order = JSON.parse(body); } catch { return json(res, 400, { code: 'bad_json', message: '请求体不是 JSON' }); }
    if (!order.orderId || !order.callbackUrl || !order.receiver?.address || !order.receiver?.phone)
      return json(res, 400, { code: 'missing_field', message: '缺少 orderId、callbackUrl 或收件人信息' });
    if (faults.failNextCreate) { faults.failNextCreate = false; return json(res, 503, { code: 'busy', message: '系统繁忙' }); }
    const existing = byOrder.get(order.orderId);
    if (existing) return json(res, 200, { waybillNo: existing.waybillNo, status: 'created', duplicate: true });
    serial += 1;
    const waybill = {
      waybillNo: `SF${String(Date.now()).slice(-8)}${String(serial).padStart(4, '0')}`,
      orderId: order.orderId, coldChain: !!order.coldChain, callbackUrl: order.callbackUrl, receiver: order.receiver,
      status: 'created', step: 0, sequence: 0, events: [], createdAt: new Date().toISOString(),
    };
    waybills.set(waybill.waybillNo, waybill);
    byOrder.set(order.orderId, waybill);
    schedule(waybill);
    return json(res, 200, { waybillNo: waybill.waybillNo, status: 'created' });
  }

  async function sim(req, res, path) {
    if (path === '/$sim/health') return json(res, 200, { status: 'ok', waybills: waybills.size, faults, autoStepMs: config.autoStepMs });
    if (path === '/$sim/faults' && req.method === 'POST') { faults = { ...faults, ...JSON.parse((await readBody(req)) || '{}') }; return json(res, 200, faults); }
    if (path === '/$sim/faults' && req.method === 'DELETE') { faults = {}; return json(res, 200, faults); }
    if (path === '/$sim/reset' && req.method === 'POST') { waybills.clear(); byOrder.clear(); callbacks.length = 0; faults = {}; return json(res, 200, { ok: true }); }
    if (path === '/$sim/callbacks') return json(res, 200, callbacks);
    if (path === '/$sim/waybills') return json(res, 200, [...waybills.values()].map(({ lastCallback, held, ...w }) => w));
    const m = path.match(/^\/\$sim\/waybills\/([^/]+)(?:\/(advance|lose|replay))?$/);
    const waybill = m && (waybills.get(m[1]) ?? [...waybills.values()].find((w) => w.orderId === m[1]));
    if (!waybill) return json(res, 404, { code: 'not_found', message: '运单不存在' });
    if (!m[2]) { const { lastCallback, held, ...w } = waybill; return json(res, 200, w); }
    const input = req.method === 'POST' ? JSON.parse((await readBody(req)) || '{}') : {};
    if (m[2] === 'advance') return json(res, 200, (await advance(waybill, input.status, input.note)) ?? { done: true, status: waybill.status });
    if (m[2] === 'lose') return json(res, 200, (await advance(waybill, 'lost', input.note ?? '运输途中包裹丢失')) ?? { done: true });
    if (!waybill.lastCallback) return json(res, 409, { code: 'nothing_sent', message: '尚未发送回调' });
    // Replay: the very same request again (same nonce, timestamp and signature).
    return json(res, 200, await deliver(waybill, waybill.lastCallback.event, 0, waybill.lastCallback));
  }

  return {
    waybills,
    async start() {
      server = http.createServer(async (req, res) => {
        const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
        try {
          if (path.startsWith('/$sim/')) return await sim(req, res, path);
          if (path === '/api/waybills' && req.method === 'POST') return await createWaybill(req, res, path);
          const m = path.match(/^\/api\/waybills\/([^/]+)$/);
          if (m && req.method === 'GET') {
            const w = waybills.get(m[1]);
            return w ? json(res, 200, { waybillNo: w.waybillNo, status: w.status, events: w.events }) : json(res, 404, { code: 'not_found', message: '运单不存在' });
          }
          return json(res, 404, { code: 'not_found', message: '接口不存在' });
        } catch (err) {
          return json(res, 400, { code: 'bad_request', message: err.message });
        }
      });
      // Longer than any client keeps an idle connection (.NET: 60 s), so the client closes it first: a server that
      // closed it (or a busy event loop whose keep-alive timer fired late) would reset a request already on the wire.
      server.keepAliveTimeout = 75_000;
      await new Promise((resolve) => server.listen(config.port, config.host, resolve));
      return server.address().port;
    },
    async stop() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await new Promise((resolve) => server?.close(resolve) ?? resolve());
    },
  };
}
