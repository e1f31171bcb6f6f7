import crypto from 'node:crypto';
import { sendJson } from './http-util.mjs';
import { DEFAULT_USER, profileFor } from './users.mjs';

const CODE_LIFETIME_MS = 5 * 60 * 1000;
const SCOPES = new Set(['snsapi_base', 'snsapi_userinfo']);

/** WeChat's web authorization: the in-app browser page, the code exchange and /sns/userinfo. */
export function createOAuth(config, credentials) {
  const codes = new Map();
  const userTokens = new Map();

  function errorPage(res, text) {
    const html = `<!doctype html><meta charset="utf-8"><title>微信授权</title><p>${text}</p>`;
    res.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
    res.end(html);
  }

  return {
    authorize(res, url) {
      const q = url.searchParams;
      if (q.get('appid') !== config.appId) return errorPage(res, 'appid 参数错误');
      if (q.get('response_type') !== 'code') return errorPage(res, 'response_type 参数错误');
      const scope = q.get('scope');
      if (!SCOPES.has(scope)) return errorPage(res, 'scope 参数错误');
      let redirect;
      try {
        redirect = new URL(q.get('redirect_uri') ?? '');
      } catch {
        return errorPage(res, 'redirect_uri 参数错误');
      }
      if (!['http:', 'https:'].includes(redirect.protocol)) return errorPage(res, 'redirect_uri 参数错误');
      const state = q.get('state') ?? '';
      if (state.length > 128 || !/^[A-Za-z0-9]*$/.test(state)) return errorPage(res, 'state 参数错误');

      if (q.get('sim_deny') === '1') {
        // A user who refuses the consent page comes back with state only.
        redirect.searchParams.set('state', state);
      } else {
        const code = crypto.randomBytes(16).toString('hex');
        codes.set(code, { user: q.get('sim_user') || DEFAULT_USER, scope, expiresAt: Date.now() + CODE_LIFETIME_MS, used: false });
        redirect.searchParams.set('code', code);
        redirect.searchParams.set('state', state);
      }
      res.writeHead(302, { Location: redirect.toString(), 'Content-Length': 0 });
      res.end();
    },

    exchange(res, url) {
      const q = url.searchParams;
      const bad = credentials.checkAppCredentials(q.get('appid'), q.get('secret'));
      if (bad) return sendJson(res, 200, bad);
      if (q.get('grant_type') !== 'authorization_code') return sendJson(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' });
      const entry = codes.get(q.get('code') ?? '');
      if (!entry || entry.expiresAt <= Date.now()) return sendJson(res, 200, { errcode: 40029, errmsg: 'invalid code' });
      if (entry.used) return sendJson(res, 200, { errcode: 40163, errmsg: 'code been used' });
      entry.used = true;
      const profile = profileFor(config.appId, entry.user);
      const accessToken = crypto.randomBytes(24).toString('base64url');
      userTokens.set(accessToken, { user: entry.user, scope: entry.scope, expiresAt: Date.now() + 7200 * 1000 });
      sendJson(res, 200, {
        access_token: accessToken,
        expires_in: 7200,
        refresh_token: crypto.randomBytes(24).toString('base64url'),
        openid: profile.openid,
        scope: entry.scope,
        is_snapshotuser: 0,
        ...(entry.scope === 'snsapi_userinfo' ? { unionid: profile.unionid } : {}),
      });
    },

    userinfo(res, url) {
      const q = url.searchParams;
      const token = userTokens.get(q.get('access_token') ?? '');
      if (!token || token.expiresAt <= Date.now()) return sendJson(res, 200, { errcode: 40001, errmsg: 'invalid credential' });
      if (token.scope !== 'snsapi_userinfo') return sendJson(res, 200, { errcode: 48001, errmsg: 'api unauthorized' });
      const profile = profileFor(config.appId, token.user);
      if (q.get('openid') !== profile.openid) return sendJson(res, 200, { errcode: 40003, errmsg: 'invalid openid' });
      sendJson(res, 200, profile);
    },

    reset() {
      codes.clear();
      userTokens.clear();
    },
  };
}
