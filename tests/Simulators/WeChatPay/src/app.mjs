import http from 'node:http';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { checkRequestSignature, sendSigned } from './api-auth.mjs';
import { BILL_TYPES, tradeBill } from './bill.mjs';
import { bridgeScript } from './bridge-script.mjs';
import { createCashier } from './cashier.mjs';
import { parseSchedule } from './config.mjs';
import { createFaults } from './faults.mjs';
import { PayError, parseJsonObject, readBody, sendJson, sendText, sleep } from './http-util.mjs';
import { openIdFor } from './ids.mjs';
import { createNotifier } from './notifier.mjs';
import { codeUrl, createOrders } from './orders.mjs';
import { shanghaiDate } from './time.mjs';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const BILL_TOKEN_TTL_MS = 5 * 60 * 1000;

/** api.mch.weixin.qq.com for one merchant (APIv3), WeChat's pay screens, and /$sim/ controls for tests. */
export function createWeChatPaySimulator(config) {
  const platform = { privateKey: crypto.createPrivateKey(config.platformPrivateKeyPem), serial: config.platformSerial };
  const faults = createFaults();
  const notifier = createNotifier(config, faults, platform);
  const orders = createOrders(config, faults, notifier);
  const cashier = createCashier(config, orders);
  const injectedBills = new Map();
  const billFiles = new Map();
  const counters = { apiCalls: 0, signatureFailures: 0, failuresInjected: 0 };

  const checkMchIdQuery = (url) => {
    if (url.searchParams.get('mchid') !== config.mchId) throw new PayError(400, 'PARAM_ERROR', 'mchid 为必填参数且须与商户号一致');
  };

  function applyTradeBill(req, url) {
    const date = url.searchParams.get('bill_date') ?? '';
    const billType = url.searchParams.get('bill_type') ?? 'ALL';
    const tarType = url.searchParams.get('tar_type');
    if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00+08:00`))) throw new PayError(400, 'PARAM_ERROR', 'bill_date 格式应为YYYY-MM-DD');
    if (!BILL_TYPES.includes(billType)) throw new PayError(400, 'PARAM_ERROR', 'bill_type 应为ALL、SUCCESS或REFUND');
    if (tarType !== null && tarType !== 'GZIP') throw new PayError(400, 'PARAM_ERROR', 'tar_type 仅支持GZIP');
    if (date > shanghaiDate()) throw new PayError(400, 'INVALID_REQUEST', '账单日期不能晚于当前日期');
    const bill = tradeBill({ orders: orders.allOrders(), refunds: orders.allRefunds(), injected: injectedBills }, date, billType, config);
    if (!bill) throw new PayError(400, 'NO_STATEMENT_EXIST', '该日期无交易记录,账单不存在');
    const file = tarType === 'GZIP' ? zlib.gzipSync(bill.file) : bill.file;
    const token = crypto.randomBytes(18).toString('base64url');
    billFiles.set(token, { file, expiresAt: Date.now() + BILL_TOKEN_TTL_MS, gzip: tarType === 'GZIP' });
    // The download is fetched by the same client that applied, so it is addressed the way that client reached us.
    const base = req.headers.host ? `http://${req.headers.host}` : config.publicUrl;
    return {
      hash_type: 'SHA1',
      hash_value: crypto.createHash('sha1').update(file).digest('hex'),
      download_url: `${base}/v3/billdownload/file?token=${token}`,
    };
  }

  /** [method, pattern, handler(req, res, url, body, params)]; handlers return [status, body] or send themselves. */
  const api = [
    ['POST', /^\/v3\/pay\/transactions\/jsapi$/, (req, url, body) =>
      [200, { prepay_id: orders.prepay(parseJsonObject(body), 'JSAPI').prepay_id }]],
    ['POST', /^\/v3\/pay\/transactions\/native$/, (req, url, body) =>
      [200, { code_url: codeUrl(orders.prepay(parseJsonObject(body), 'NATIVE')) }]],
    ['GET', /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/, (req, url, body, [no]) => {
      checkMchIdQuery(url);
      return [200, orders.transactionView(orders.byOutTradeNo(no))];
    }],
    ['GET', /^\/v3\/pay\/transactions\/id\/([^/]+)$/, (req, url, body, [id]) => {
      checkMchIdQuery(url);
      return [200, orders.transactionView(orders.byTransactionId(id))];
    }],
    ['POST', /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/, (req, url, body, [no]) => {
      orders.close(no, parseJsonObject(body));
      return [204, undefined];
    }],
    ['POST', /^\/v3\/refund\/domestic\/refunds$/, (req, url, body) =>
      [200, orders.refundView(orders.refund(parseJsonObject(body)))]],
    ['GET', /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/, (req, url, body, [no]) =>
      [200, orders.refundView(orders.refundByNo(no))]],
    ['GET', /^\/v3\/bill\/tradebill$/, (req, url) => [200, applyTradeBill(req, url)]],
    ['GET', /^\/v3\/billdownload\/file$/, (req, url, body, params, res) => {
      const entry = billFiles.get(url.searchParams.get('token') ?? '');
      if (!entry || entry.expiresAt < Date.now()) throw new PayError(400, 'INVALID_REQUEST', '下载链接已失效,请重新申请账单');
      // The file itself is not signed; the client checks it against hash_value.
      res.writeHead(200, {
        'Content-Type': entry.gzip ? 'application/gzip' : 'text/plain; charset=utf-8',
        'Content-Length': entry.file.length,
        'Request-ID': crypto.randomBytes(18).toString('hex').toUpperCase(),
      });
      res.end(entry.file);
      return undefined;
    }],
  ];

  async function handleApi(req, res, url) {
    counters.apiCalls += 1;
    if (faults.delayMs) await sleep(faults.delayMs);
    if (faults.down) {
      faults.refuse();
      if (faults.down === 'refuse') return req.socket.destroy();
      res.writeHead(503, { 'Content-Type': 'text/html', 'Content-Length': 0 });
      return res.end();
    }
    const body = await readBody(req);
    try {
      const route = api.find(([method, pattern]) => method === req.method && pattern.test(url.pathname));
      if (!route) throw new PayError(404, 'NOT_FOUND', '请求的资源不存在');
      try {
        checkRequestSignature(config, req, body);
      } catch (err) {
        counters.signatureFailures += 1;
        throw err;
      }
      const planned = faults.takeFailure(req.method, url.pathname);
      if (planned) {
        counters.failuresInjected += 1;
        throw new PayError(planned.status, planned.code, planned.message);
      }
      const params = route[1].exec(url.pathname).slice(1).map(decodeURIComponent);
      const answer = route[2](req, url, body, params, res);
      if (answer) sendSigned(res, platform, answer[0], answer[1]);
    } catch (err) {
      if (!(err instanceof PayError)) {
        console.error(err);
        err = new PayError(500, 'SYSTEM_ERROR', '系统错误');
      }
      sendSigned(res, platform, err.status, { code: err.code, message: err.message });
    }
  }

  const sim = {
    'GET /$sim/health': () => [200, { status: 'ok', mchid: config.mchId, appid: config.appId }],
    'POST /$sim/reset': () => {
      notifier.reset();
      faults.reset();
      orders.reset();
      injectedBills.clear();
      billFiles.clear();
      Object.keys(counters).forEach((k) => { counters[k] = 0; });
      return [200, { ok: true }];
    },
    'GET /$sim/state': () => [200, {
      counters: { ...counters, ...orders.counters(), notices: notifier.counters() },
      faults: faults.snapshot(),
      config: { retrySchedule: notifier.schedule, refundDelayMs: orders.runtime.refundDelayMs, publicUrl: config.publicUrl },
    }],
    'GET /$sim/orders': (body, url) => [200, orders.list(url.searchParams.get('out_trade_no'))],
    'GET /$sim/notices': (body, url) => [200, notifier.attempts({
      outTradeNo: url.searchParams.get('out_trade_no'),
      outRefundNo: url.searchParams.get('out_refund_no'),
    })],
    'POST /$sim/notices/release': async () => [200, { released: await notifier.releaseHeld() }],
    'POST /$sim/pay': (body) => {
      const order = orders.byOutTradeNo(body.out_trade_no);
      orders.pay(order, { openid: body.openid ?? order.payer?.openid ?? openIdFor(config.appId, 'patient'), fail: body.fail === true });
      return [200, orders.transactionView(order)];
    },
    /** Plays wx.requestPayment in the mini-program: its parameters carry no appId (the mini-program's own is used). */
    'POST /$sim/miniprogram/request-payment': (body) => {
      cashier.pay({ kind: 'jsapi', ...body, appId: config.miniProgramAppId });
      const prepayId = /^prepay_id=(.+)$/.exec(body.package ?? '')?.[1];
      return [200, orders.transactionView(orders.byPrepayId(prepayId))];
    },
    'POST /$sim/config': (body) => {
      if (body.retrySchedule !== undefined) notifier.schedule = parseSchedule(body.retrySchedule);
      if (body.refundDelayMs !== undefined) orders.runtime.refundDelayMs = Math.max(0, Number(body.refundDelayMs) || 0);
      return [200, { retrySchedule: notifier.schedule, refundDelayMs: orders.runtime.refundDelayMs }];
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
    'POST /$sim/bill/inject': (body) => {
      if (!DATE.test(body.date ?? '')) throw new PayError(400, 'PARAM_ERROR', 'date 格式应为YYYY-MM-DD');
      if (!Array.isArray(body.rows)) throw new PayError(400, 'PARAM_ERROR', 'rows 应为数组');
      const rows = injectedBills.get(body.date) ?? [];
      rows.push(...body.rows);
      injectedBills.set(body.date, rows);
      return [200, { date: body.date, injected: rows.length }];
    },
  };

  async function handleSim(req, res, url) {
    const key = `${req.method} ${url.pathname}`;
    if (key === 'GET /$sim/weixin-jsbridge.js') {
      const base = (url.searchParams.get('base') ?? config.publicUrl).replace(/\/+$/, '');
      return sendText(res, 200, bridgeScript(base), 'application/javascript; charset=utf-8');
    }
    const handler = sim[key];
    if (!handler) return sendJson(res, 404, { code: 'NOT_FOUND', message: `${key} not found` });
    try {
      const body = req.method === 'POST' ? parseJsonObject(await readBody(req)) : {};
      const [status, answer] = await handler(body, url);
      return sendJson(res, status, answer);
    } catch (err) {
      if (err instanceof PayError) return sendJson(res, err.status, { code: err.code, message: err.message });
      return sendJson(res, 400, { code: 'INVALID_REQUEST', message: err.message });
    }
  }

  async function handleCashier(req, res, url) {
    if (req.method === 'GET' && (url.pathname === '/cashier/jsapi' || url.pathname === '/cashier')) {
      const { status, html } = url.pathname === '/cashier' ? cashier.nativePage(url) : cashier.jsapiPage(url);
      return sendText(res, status, html, 'text/html; charset=utf-8');
    }
    if (req.method === 'POST' && url.pathname === '/cashier/pay') {
      try {
        cashier.pay(parseJsonObject(await readBody(req)));
        return sendJson(res, 200, { ok: true });
      } catch (err) {
        if (!(err instanceof PayError)) throw err;
        return sendJson(res, err.status, { code: err.code, message: err.message });
      }
    }
    return sendJson(res, 404, { code: 'NOT_FOUND', message: 'not found' });
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    try {
      if (url.pathname.startsWith('/v3/')) return await handleApi(req, res, url);
      if (url.pathname.startsWith('/$sim/')) return await handleSim(req, res, url);
      return await handleCashier(req, res, url);
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
    notifier,
    orders,
    async start() {
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, resolve);
      });
      return server.address().port;
    },
    stop() {
      notifier.reset();
      faults.reset();
      orders.reset();
      return new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
    },
  };
}
