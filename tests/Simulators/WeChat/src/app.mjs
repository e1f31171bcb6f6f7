import http from 'node:http';
import crypto from 'node:crypto';
import { createCredentials } from './credentials.mjs';
import { createFaults } from './faults.mjs';
import { createGatewayClient } from './gateway-client.mjs';
import { createMessages } from './messages.mjs';
import { createMiniProgram } from './miniprogram.mjs';
import { createOAuth } from './oauth.mjs';
import { HttpError, readJson, sendJson, sendWeChatError, sleep } from './http-util.mjs';
import { openIdFor, profileFor } from './users.mjs';

/** WeChat's servers (api.weixin.qq.com and open.weixin.qq.com) for one official account, plus /$sim/ controls. */
export function createWeChatSimulator(config) {
  const faults = createFaults();
  const credentials = createCredentials(config);
  const oauth = createOAuth(config, credentials);
  const messages = createMessages();
  const sendToGateway = createGatewayClient(config);
  const miniProgram = createMiniProgram(config);
  let menu;

  const withToken = (handler) => async (req, res, url) => {
    const bad = credentials.checkToken(url.searchParams.get('access_token'));
    if (bad) return sendJson(res, 200, bad);
    return handler(req, res, url);
  };

  const api = {
    'GET /cgi-bin/token': (req, res, url) => {
      const q = url.searchParams;
      if (q.get('grant_type') !== 'client_credential') return sendWeChatError(res, 40002, 'invalid grant_type');
      const app = miniProgram.ownsAppId(q.get('appid')) ? miniProgram.credentials : credentials;
      const bad = app.checkAppCredentials(q.get('appid'), q.get('secret'));
      return sendJson(res, 200, bad ?? app.classicToken());
    },
    'POST /cgi-bin/stable_token': async (req, res) => {
      const body = await readJson(req);
      if (body.grant_type !== 'client_credential') return sendWeChatError(res, 40002, 'invalid grant_type');
      const app = miniProgram.ownsAppId(body.appid) ? miniProgram.credentials : credentials;
      const bad = app.checkAppCredentials(body.appid, body.secret);
      return sendJson(res, 200, bad ?? app.stableToken(body.force_refresh === true));
    },
    'GET /cgi-bin/ticket/getticket': withToken((req, res, url) => {
      if (url.searchParams.get('type') !== 'jsapi') return sendWeChatError(res, 40097, 'invalid args');
      sendJson(res, 200, { errcode: 0, errmsg: 'ok', ...credentials.jsapiTicket() });
    }),
    'POST /cgi-bin/menu/create': withToken(async (req, res) => {
      const body = await readJson(req);
      const buttons = body.button;
      if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) return sendWeChatError(res, 40017, 'invalid button size');
      if (buttons.some((b) => !b.name)) return sendWeChatError(res, 40018, 'invalid button name size');
      menu = { button: buttons, createdAt: new Date().toISOString() };
      sendJson(res, 200, { errcode: 0, errmsg: 'ok' });
    }),
    'POST /cgi-bin/message/template/send': withToken(async (req, res) => sendJson(res, 200, messages.template(await readJson(req)))),
    'POST /cgi-bin/message/subscribe/bizsend': withToken(async (req, res) => sendJson(res, 200, messages.subscribe(await readJson(req)))),
    'POST /cgi-bin/message/custom/send': withToken(async (req, res) => sendJson(res, 200, messages.custom(await readJson(req)))),
    'GET /sns/oauth2/access_token': (req, res, url) => oauth.exchange(res, url),
    'GET /sns/userinfo': (req, res, url) => oauth.userinfo(res, url),
    'GET /connect/oauth2/authorize': (req, res, url) => oauth.authorize(res, url),
    ...miniProgram.api,
  };

  const sim = {
    'POST /$sim/faults': async (req, res) => {
      const body = await readJson(req);
      if (body.expireTokensNow) {
        credentials.expireAllNow();
        miniProgram.credentials.expireAllNow();
      }
      faults.apply(body);
      sendJson(res, 200, faults.snapshot());
    },
    'DELETE /$sim/faults': (req, res) => {
      faults.reset();
      sendJson(res, 200, faults.snapshot());
    },
    'POST /$sim/config': async (req, res) => {
      const body = await readJson(req);
      if (body.tokenLifetimeSeconds !== undefined) credentials.setLifetime(body.tokenLifetimeSeconds);
      sendJson(res, 200, { tokenLifetimeSeconds: credentials.lifetimeSeconds });
    },
    'POST /$sim/reset': (req, res) => {
      faults.reset();
      credentials.reset();
      oauth.reset();
      messages.reset();
      miniProgram.reset();
      menu = undefined;
      sendJson(res, 200, { ok: true });
    },
    'GET /$sim/state': (req, res) => sendJson(res, 200, {
      counters: credentials.counters,
      tokenLifetimeSeconds: credentials.lifetimeSeconds,
      faults: faults.snapshot(),
      appId: config.appId,
      mode: config.mode,
    }),
    'GET /$sim/messages': (req, res, url) => sendJson(res, 200, messages.list(url.searchParams.get('openid'))),
    'GET /$sim/menu': (req, res) => sendJson(res, menu ? 200 : 404, menu ?? { error: 'no menu created' }),
    'GET /$sim/users': (req, res, url) => sendJson(res, 200, profileFor(config.appId, url.searchParams.get('name') || 'patient')),
    'POST /$sim/jssdk/verify': async (req, res) => {
      const { url, timestamp, nonceStr, signature } = await readJson(req);
      const pageUrl = String(url ?? '').split('#')[0];
      const valid = credentials.liveTickets().some((ticket) => {
        const expected = crypto.createHash('sha1')
          .update(`jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${pageUrl}`).digest('hex');
        return expected === signature;
      });
      sendJson(res, 200, { valid });
    },
    ...miniProgram.sim,
    'POST /$sim/send-to-gateway': async (req, res) => {
      const body = await readJson(req);
      try {
        sendJson(res, 200, await sendToGateway(body));
      } catch (err) {
        sendJson(res, 502, { error: `gateway unreachable: ${err.message}` });
      }
    },
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const key = `${req.method} ${url.pathname}`;
    try {
      if (url.pathname.startsWith('/$sim/')) {
        const handler = sim[key];
        if (!handler) throw new HttpError(404, `${key} not found`);
        return await handler(req, res, url);
      }
      const handler = api[key];
      if (!handler) throw new HttpError(404, `${key} not found`);
      if (faults.delayMs) await sleep(faults.delayMs);
      if (faults.down) {
        faults.refuse();
        res.writeHead(503, { 'Content-Type': 'text/plain', 'Content-Length': 0 });
        return res.end();
      }
      const planned = faults.take(url.pathname);
      if (planned) return sendJson(res, 200, planned);
      return await handler(req, res, url);
    } catch (err) {
      if (res.headersSent) return res.destroy(err);
      if (err instanceof HttpError) return sendJson(res, err.status, { error: err.message });
      console.error(err);
      return sendJson(res, 500, { error: 'internal error' });
    }
  });
  // Longer than any client keeps an idle connection (.NET: 60 s), so the client closes it first: a server that
  // closed it (or a busy event loop whose keep-alive timer fired late) would reset a request already on the wire.
  server.keepAliveTimeout = 75_000;

  return {
    server,
    // Extensions (src/miniprogram-*.mjs) add their own entries; the router reads these maps on every request.
    routes: { api, sim },
    credentials,
    miniProgram,
    openIdFor: (name) => openIdFor(config.appId, name),
    async start() {
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, resolve);
      });
      return server.address().port;
    },
    stop: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
