import crypto from 'node:crypto';

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Lines joined and terminated by "\n": the message shape of every APIv3 signature. */
export const signedMessage = (...lines) => lines.map((line) => `${line}\n`).join('');

export function nonce(size = 32) {
  const bytes = crypto.randomBytes(size);
  return Array.from(bytes, (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}

export const sign = (privateKey, message) => crypto.sign('sha256', Buffer.from(message, 'utf8'), privateKey).toString('base64');

export function verify(publicKey, message, signature) {
  try {
    return crypto.verify('sha256', Buffer.from(message, 'utf8'), publicKey, Buffer.from(String(signature), 'base64'));
  } catch {
    return false;
  }
}

/** `WECHATPAY2-SHA256-RSA2048 k="v",…` into its fields; undefined if the scheme is not WeChat Pay's. */
export function parseAuthorization(header) {
  const match = /^WECHATPAY2-SHA256-RSA2048\s+(.*)$/.exec(String(header ?? '').trim());
  if (!match) return undefined;
  const fields = {};
  for (const part of match[1].matchAll(/(\w+)="([^"]*)"/g)) fields[part[1]] = part[2];
  return fields;
}

/** AEAD_AES_256_GCM of a notification resource: base64(ciphertext || 16-byte tag). */
export function encryptResource(apiV3Key, plaintext, associatedData, iv) {
  const cipher = crypto.createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(iv, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

/** Headers WeChat Pay signs answers and notifications with: "TIMESTAMP\nNONCE\nBODY\n" under the platform key. */
export function signatureHeaders({ privateKey, serial }, body, timestamp = Math.floor(Date.now() / 1000)) {
  const n = nonce(32);
  return {
    'Wechatpay-Timestamp': String(timestamp),
    'Wechatpay-Nonce': n,
    'Wechatpay-Signature': sign(privateKey, signedMessage(timestamp, n, body)),
    'Wechatpay-Serial': serial,
  };
}
