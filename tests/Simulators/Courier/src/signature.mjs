import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 over METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY, lower hex, both ways (platform → courier and callbacks). */
export function sign(secret, method, path, timestamp, nonce, body) {
  return createHmac('sha256', secret).update(`${method}\n${path}\n${timestamp}\n${nonce}\n${body}`).digest('hex');
}

export function signedHeaders(appId, secret, method, path, body, now = Date.now()) {
  const timestamp = String(Math.floor(now / 1000));
  const nonce = randomBytes(16).toString('hex');
  return {
    'content-type': 'application/json',
    'x-app-id': appId,
    'x-timestamp': timestamp,
    'x-nonce': nonce,
    'x-signature': sign(secret, method, path, timestamp, nonce, body),
  };
}

export function verify(secret, method, path, headers, body, nowMs = Date.now(), maxAgeSeconds = 300) {
  const timestamp = headers['x-timestamp'] ?? '';
  const nonce = headers['x-nonce'] ?? '';
  const given = Buffer.from(String(headers['x-signature'] ?? ''), 'utf8');
  const expected = Buffer.from(sign(secret, method, path, timestamp, nonce, body), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad_signature';
  if (!/^\d+$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > maxAgeSeconds) return 'stale_timestamp';
  return null;
}
