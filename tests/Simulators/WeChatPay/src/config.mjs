import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const keyFile = (name) => `deploy/local/wechatpay/${name}`;

/** Key files are named relative to the repository root, so the same defaults work from any working directory. */
const readKey = (file) => fs.readFileSync(path.isAbsolute(file) ? file : path.join(repoRoot, file), 'utf8');

export const REAL_RETRY_SCHEDULE = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600];

export function parseSchedule(value) {
  const list = Array.isArray(value) ? value : String(value).split(',');
  const seconds = list.map((s) => Number(String(s).trim())).filter((s) => Number.isFinite(s) && s >= 0);
  return seconds;
}

export function configFromEnv(env = process.env) {
  // PORT is how ./platform and the test fixtures hand every simulator its port.
  const port = Number(env.WECHATPAY_PORT ?? env.PORT ?? 5305);
  return {
    host: env.WECHATPAY_HOST ?? '127.0.0.1',
    port,
    mchId: env.WECHATPAY_MCHID ?? '1900000109',
    appId: env.WECHATPAY_APPID ?? 'wx5f0c1a2b3c4d5e6f',
    // The mini-program is a second app bound to the same merchant: JSAPI orders may carry either appid.
    miniProgramAppId: env.WECHATPAY_MINIPROGRAM_APPID ?? 'wx7a1b2c3d4e5f6a7b',
    merchantName: env.WECHATPAY_MERCHANT_NAME ?? '智慧医院',
    apiV3Key: env.WECHATPAY_APIV3_KEY ?? 'platformLocalApiV3Key0123456789a',
    merchantSerial: env.WECHATPAY_MERCHANT_SERIAL ?? '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    merchantPublicKeyPem: readKey(env.WECHATPAY_MERCHANT_PUBLIC_KEY_FILE ?? keyFile('merchant_public.pem')),
    platformSerial: env.WECHATPAY_PLATFORM_SERIAL ?? 'PUB_KEY_ID_0119000001LOCALDEV00000000001',
    platformPrivateKeyPem: readKey(env.WECHATPAY_PLATFORM_PRIVATE_KEY_FILE ?? keyFile('platform_private.pem')),
    publicUrl: (env.WECHATPAY_PUBLIC_URL ?? `http://127.0.0.1:${port}`).replace(/\/+$/, ''),
    retrySchedule: parseSchedule(env.WECHATPAY_RETRY_SCHEDULE ?? '0.2,0.4,0.8,1.6,3.2,6.4,12.8'),
    refundDelayMs: Number(env.WECHATPAY_REFUND_DELAY_MS ?? 300),
    notifyTimeoutMs: Number(env.WECHATPAY_NOTIFY_TIMEOUT_MS ?? 5000),
  };
}
