import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { configFromEnv } from '../src/config.mjs';
import { createWeChatPaySimulator } from '../src/app.mjs';

// The merchant side of every test is played by an independent implementation of WeChat Pay APIv3.
const require = createRequire(import.meta.url);
export const { Rsa, Formatter, Aes } = require('wechatpay-axios-plugin');

const keys = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../deploy/local/wechatpay');
export const merchantPrivateKey = createPrivateKey(fs.readFileSync(path.join(keys, 'merchant_private.pem')));
export const platformPublicKey = createPublicKey(fs.readFileSync(path.join(keys, 'platform_public.pem')));

export async function waitFor(check, { timeoutMs = 5000, intervalMs = 20, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Verifies Wechatpay-* headers over "TIMESTAMP\nNONCE\nBODY\n" with the platform public key. */
export const platformSigned = (headers, body) => Boolean(headers['wechatpay-signature']) && Rsa.verify(
  Formatter.response(headers['wechatpay-timestamp'], headers['wechatpay-nonce'], body),
  headers['wechatpay-signature'],
  platformPublicKey,
);

export async function startSimulator(overrides = {}) {
  const config = { ...configFromEnv({}), port: 0, retrySchedule: [0.05, 0.05, 0.05], refundDelayMs: 50, ...overrides };
  const simulator = createWeChatPaySimulator(config);
  const port = await simulator.start();
  const root = `http://127.0.0.1:${port}`;
  config.publicUrl = root;

  /** A signed APIv3 call; `sign` overrides what goes into the Authorization header to forge one. */
  async function api(method, apiPath, body, sign = {}) {
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const timestamp = sign.timestamp ?? Formatter.timestamp();
    const nonce = Formatter.nonce();
    const signature = Rsa.sign(Formatter.request(method, sign.signedPath ?? apiPath, timestamp, nonce, sign.signedBody ?? text),
      sign.privateKey ?? merchantPrivateKey);
    const authorization = Formatter.authorization(sign.mchid ?? config.mchId, nonce, signature, timestamp, sign.serial ?? config.merchantSerial);
    const response = await fetch(`${root}${apiPath}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(sign.omit ? {} : { Authorization: authorization }),
        ...(method === 'GET' ? {} : { 'Content-Type': 'application/json' }),
      },
      body: method === 'GET' ? undefined : text,
    });
    return answer(response);
  }

  const control = async (method, simPath, body) => answer(await fetch(`${root}${simPath}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }));

  return { config, simulator, root, api, control, stop: () => simulator.stop() };
}

async function answer(response) {
  const buffer = Buffer.from(await response.arrayBuffer());
  const text = buffer.toString('utf8');
  let json;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  const headers = Object.fromEntries(response.headers);
  return { status: response.status, headers, text, json, buffer, signed: platformSigned(headers, text) };
}

/** A merchant notify_url: records every request; `respond(index)` picks the status for the n-th one (0: never answers). */
export async function startReceiver(respond = () => 204) {
  const received = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const status = respond(received.length, body);
      received.push({ path: req.url, headers: req.headers, body, json: JSON.parse(body), at: Date.now() });
      if (!status) return;
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(status === 204 ? undefined : JSON.stringify({ code: status < 300 ? 'SUCCESS' : 'FAIL', message: '' }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/payment/notify`;
  return {
    url,
    received,
    stop: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

/** What a merchant does with a notice: check the platform signature, then decrypt the resource with the APIv3 key. */
export function openNotice(notice, apiV3Key) {
  const { resource } = notice.json;
  return {
    signatureValid: platformSigned(notice.headers, notice.body),
    resource: JSON.parse(Aes.AesGcm.decrypt(resource.ciphertext, apiV3Key, resource.nonce, resource.associated_data)),
  };
}

let sequence = 0;
export const outTradeNo = (prefix = 'T') => `${prefix}${Date.now()}${String(sequence++).padStart(4, '0')}`;

export function jsapiOrder(config, overrides = {}) {
  return {
    appid: config.appId,
    mchid: config.mchId,
    description: '门诊挂号费-内科',
    out_trade_no: outTradeNo(),
    notify_url: 'http://127.0.0.1:9/payment/notify',
    amount: { total: 1234, currency: 'CNY' },
    payer: { openid: 'oPatientOpenId000000000000001' },
    ...overrides,
  };
}

/** The JSAPI parameters the merchant page passes to getBrandWCPayRequest, signed as the merchant signs them. */
export function payParameters(config, prepayId, privateKey = merchantPrivateKey) {
  const timeStamp = String(Formatter.timestamp());
  const nonceStr = Formatter.nonce();
  const pkg = `prepay_id=${prepayId}`;
  return {
    appId: config.appId,
    timeStamp,
    nonceStr,
    package: pkg,
    signType: 'RSA',
    paySign: Rsa.sign(Formatter.joinedByLineFeed(config.appId, timeStamp, nonceStr, pkg), privateKey),
  };
}
