// WeChat's callback crypto, written from the published protocol and independent of the C# library:
// SHA1 over the sorted parts; AES-256-CBC with IV = first 16 key bytes over
// random(16) + bigEndianLength(4) + message + appId, PKCS#7 padded to 32-byte blocks, base64.
import crypto from 'node:crypto';

export function sha1Signature(...parts) {
  return crypto.createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

export function decodeAesKey(encodingAesKey) {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (encodingAesKey.length !== 43 || key.length !== 32) throw new Error('EncodingAESKey must be 43 base64 characters');
  return key;
}

export function encryptMessage(encodingAesKey, appId, message, random = crypto.randomBytes(16)) {
  const key = decodeAesKey(encodingAesKey);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([random, length, body, Buffer.from(appId, 'utf8')]);
  const pad = 32 - (plain.length % 32);
  const padded = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
  const cipher = crypto.createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

export function decryptMessage(encodingAesKey, expectedAppId, encrypted) {
  const key = decodeAesKey(encodingAesKey);
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
  const pad = padded[padded.length - 1];
  if (pad < 1 || pad > 32) throw new Error('invalid padding');
  const plain = padded.subarray(0, padded.length - pad);
  const length = plain.readUInt32BE(16);
  const message = plain.subarray(20, 20 + length).toString('utf8');
  const appId = plain.subarray(20 + length).toString('utf8');
  if (appId !== expectedAppId) throw new Error(`appid mismatch: ${appId}`);
  return message;
}
