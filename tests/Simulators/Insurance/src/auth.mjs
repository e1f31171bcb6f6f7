import crypto from 'node:crypto';
import { InsuranceError } from './http-util.mjs';

const MAX_SKEW_SECONDS = 300;
const NONCE_TTL_MS = 10 * 60 * 1000;
const signError = (message) => new InsuranceError(401, 'SIGN_ERROR', message);

/** The string both sides sign: METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY (PATH with its query, exactly as sent; BODY raw, empty for GET). */
export const stringToSign = (method, path, timestamp, nonce, body) => `${method}\n${path}\n${timestamp}\n${nonce}\n${body}`;

export const sign = (secret, message) => crypto.createHmac('sha256', secret).update(message, 'utf8').digest('hex');

/** Checks X-App-Id / X-Timestamp / X-Nonce / X-Signature; a nonce is spent only by a correctly signed request. */
export function createAuth(config) {
  const seenNonces = new Map();

  function forgetExpired(now) {
    for (const [nonce, expiresAt] of seenNonces) if (expiresAt <= now) seenNonces.delete(nonce);
  }

  return {
    check(req, body) {
      const appId = req.headers['x-app-id'];
      const timestamp = req.headers['x-timestamp'];
      const nonce = req.headers['x-nonce'];
      const signature = req.headers['x-signature'];
      if (!appId || !timestamp || !nonce || !signature) throw signError('缺少 X-App-Id、X-Timestamp、X-Nonce 或 X-Signature 请求头');
      if (appId !== config.appId) throw signError('应用标识 X-App-Id 未注册');
      if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Math.floor(Date.now() / 1000) - Number(timestamp)) > MAX_SKEW_SECONDS) {
        throw signError('请求时间戳与平台时间相差超过5分钟');
      }
      const expected = Buffer.from(sign(config.appSecret, stringToSign(req.method, req.url, timestamp, nonce, body)), 'hex');
      const given = /^[0-9a-fA-F]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw signError('签名校验失败，请检查签名串与应用密钥');
      const now = Date.now();
      forgetExpired(now);
      if (seenNonces.has(nonce)) throw signError('请求随机串 X-Nonce 已使用，疑似重放请求');
      seenNonces.set(nonce, now + NONCE_TTL_MS);
    },
    reset() {
      seenNonces.clear();
    },
  };
}
