// Checks wx.requestPayment parameters signed by the Payment service with an independent implementation
// (wechatpay-axios-plugin): node support/verify-request-payment.mjs '{"appId":…,"timeStamp":…,"nonceStr":…,"package":…,"signType":"RSA","paySign":…}'
// Prints {"valid":true|false} and exits 0 only when the signature verifies with the merchant's public key.
import fs from 'node:fs';
import path from 'node:path';
import { createPublicKey } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const { Rsa, Formatter } = createRequire(import.meta.url)('wechatpay-axios-plugin');
const keys = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../deploy/local/wechatpay');
const merchantPublicKey = createPublicKey(fs.readFileSync(process.env.MERCHANT_PUBLIC_KEY_FILE ?? path.join(keys, 'merchant_public.pem')));

const p = JSON.parse(process.argv[2] ?? '{}');
const complete = ['appId', 'timeStamp', 'nonceStr', 'package', 'paySign'].every((k) => typeof p[k] === 'string' && p[k]);
const valid = complete && p.signType === 'RSA' && /^prepay_id=\S+$/.test(p.package) && /^\d{10}$/.test(p.timeStamp)
  && Rsa.verify(Formatter.joinedByLineFeed(p.appId, p.timeStamp, p.nonceStr, p.package), p.paySign, merchantPublicKey);
console.log(JSON.stringify({ valid }));
process.exit(valid ? 0 : 1);
