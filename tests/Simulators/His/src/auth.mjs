import { randomBytes, timingSafeEqual } from 'node:crypto';
import { HttpError, readBody, sendJson } from './http-util.mjs';

function safeEqual(a, b) {
  const left = Buffer.from(String(a));
  const right = Buffer.from(String(b));
  return left.length === right.length && timingSafeEqual(left, right);
}

/** OAuth 2.0 client_credentials (SMART backend services style) with opaque bearer tokens held in memory. */
export function createAuth({ clientId, clientSecret, tokenTtlSeconds }) {
  const tokens = new Map();

  function clientFrom(req, form) {
    const header = req.headers.authorization ?? '';
    if (header.startsWith('Basic ')) {
      const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
      const sep = decoded.indexOf(':');
      return { id: decodeURIComponent(decoded.slice(0, sep)), secret: decodeURIComponent(decoded.slice(sep + 1)) };
    }
    return { id: form.get('client_id'), secret: form.get('client_secret') };
  }

  async function handleToken(req, res) {
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'invalid_request', error_description: 'use POST' }, { Allow: 'POST' });
      return;
    }
    const form = new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'));
    const client = clientFrom(req, form);
    const noStore = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
    if (!client.id || !safeEqual(client.id, clientId) || !safeEqual(client.secret ?? '', clientSecret)) {
      sendJson(res, 401, { error: 'invalid_client', error_description: '客户端认证失败' }, { ...noStore, 'WWW-Authenticate': 'Basic realm="his"' });
      return;
    }
    if (form.get('grant_type') !== 'client_credentials') {
      sendJson(res, 400, { error: 'unsupported_grant_type', error_description: 'only client_credentials is supported' }, noStore);
      return;
    }
    const scope = form.get('scope') || 'system/*.*';
    const accessToken = randomBytes(32).toString('base64url');
    tokens.set(accessToken, { clientId: client.id, scope, expiresAt: Date.now() + tokenTtlSeconds * 1000 });
    sendJson(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: tokenTtlSeconds, scope }, noStore);
  }

  /** Throws 401 unless the request carries a live bearer token. */
  function requireBearer(req) {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new HttpError(401, 'login', '缺少访问令牌（Authorization: Bearer）');
    }
    const token = tokens.get(match[1]);
    if (!token) {
      throw new HttpError(401, 'login', '访问令牌无效');
    }
    if (token.expiresAt <= Date.now()) {
      tokens.delete(match[1]);
      throw new HttpError(401, 'expired', '访问令牌已过期');
    }
    return token;
  }

  return { handleToken, requireBearer };
}
