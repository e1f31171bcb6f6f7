// Produces test vectors for Platform.WeChat from independent implementations:
//   @wecom/crypto and wechat-crypto (message signatures and AES-CBC envelope, JS-SDK signature),
//   wechatpay-axios-plugin and node:crypto (WeChat Pay v3 signing, verification, AES-256-GCM).
// Usage: node make-vectors.mjs [output.json]   (stdout when no file is given)
import { createRequire } from 'node:module';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const wecom = require('@wecom/crypto');
const WXBizMsgCrypt = require('wechat-crypto');
const { Rsa, Formatter, Aes } = require('wechatpay-axios-plugin');

const token = 'QDG6eK';
const appId = 'wx5823bf96d3bd56c7';
const encodingAESKey = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';

const messages = [
  '<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Content><![CDATA[hello]]></Content></xml>',
  '<xml><Content><![CDATA[挂号成功，请按时就诊。]]></Content></xml>',
  'x'.repeat(64 - 16 - 4 - appId.length), // fills whole blocks, so padding is a full 32-byte block
  '',
  '乙'.repeat(700),
];

const signatures = [
  { timestamp: '1409304348', nonce: 'xxxxxx' },
  { timestamp: '1714000000', nonce: '1320562132' },
  { timestamp: '0', nonce: '' },
].map(({ timestamp, nonce }) => ({
  token,
  timestamp,
  nonce,
  // the plain server signature is the same hash without the encrypt part
  signature: wecom.getSignature(token, timestamp, nonce, ''),
}));

const msgSignatures = messages.slice(0, 3).map((m, i) => {
  const encrypt = wecom.encrypt(encodingAESKey, m, appId);
  const timestamp = String(1714000000 + i);
  const nonce = `n${i}ce`;
  return { token, timestamp, nonce, encrypt, msgSignature: wecom.getSignature(token, timestamp, nonce, encrypt) };
});

const fixedRandomEncryptions = messages.map((message, i) => {
  const random = Buffer.alloc(16, i + 1);
  random.write(`r${i}`);
  return {
    message,
    randomHex: random.toString('hex'),
    ciphertext: wecom.encrypt(encodingAESKey, message, appId, random),
  };
});

const legacy = new WXBizMsgCrypt(token, encodingAESKey, appId);
const randomEncryptions = messages.map((message) => ({ message, ciphertext: legacy.encrypt(message) }));

const jsSdk = [
  { ticket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
    nonceStr: 'Wm3WZYTPz0wzccnW', timestamp: 1414587457, url: 'http://mp.weixin.qq.com?params=value' },
  { ticket: 'kgt8ON7yVITDhtdwci0qeQ', nonceStr: 'abc', timestamp: 1714000000,
    url: 'https://h5.example-hospital.cn/patient/pay?order=1&x=%E4%B8%AD' },
].map((o) => ({ ...o, signature: wecom.getJsApiSignature(o).signature }));

const { privateKey: merchantKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const { privateKey: platformKey, publicKey: platformPublic } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (k, type) => k.export({ type, format: 'pem' });
const mchid = '1900009191';
const serial = '408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB';

const payRequests = [
  { method: 'POST', url: '/v3/pay/transactions/jsapi', timestamp: '1554208460', nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
    body: JSON.stringify({ appid: 'wxd678efh567hg6787', mchid, description: '门诊挂号费', out_trade_no: 'R20240501001',
      notify_url: 'https://pay.example-hospital.cn/notify', amount: { total: 1500, currency: 'CNY' }, payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' } }) },
  { method: 'GET', url: '/v3/pay/transactions/out-trade-no/R20240501001?mchid=1900009191', timestamp: '1554208461', nonce: 'N2', body: '' },
].map((r) => {
  const signature = Rsa.sign(Formatter.request(r.method, r.url, r.timestamp, r.nonce, r.body), merchantKey);
  return { ...r, signature, authorization: Formatter.authorization(mchid, r.nonce, signature, r.timestamp, serial) };
});

const responseBodies = ['{"prepay_id":"wx201410272009395522657a690389285100"}', ''];
const payResponses = responseBodies.map((body, i) => {
  const timestamp = String(1714000000 + i);
  const nonce = `resp-nonce-${i}`;
  return { timestamp, nonce, body, serial, signature: Rsa.sign(Formatter.response(timestamp, nonce, body), platformKey) };
});

const apiV3Key = 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb';
const resources = [
  { associatedData: 'transaction', nonce: 'fdasflkja484', plaintext: JSON.stringify({ mchid, appid: 'wxd678efh567hg6787',
      out_trade_no: 'R20240501001', transaction_id: '1217752501201407033233368018', trade_state: 'SUCCESS',
      success_time: '2024-05-01T10:00:00+08:00', payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
      amount: { total: 1500, payer_total: 1500, currency: 'CNY', payer_currency: 'CNY' } }) },
  { associatedData: '', nonce: randomBytes(6).toString('hex'), plaintext: '退款成功' },
].map((r) => ({ ...r, ciphertext: Aes.AesGcm.encrypt(r.plaintext, apiV3Key, r.nonce, r.associatedData) }));

const jsapiPaySigns = [{ appId: 'wxd678efh567hg6787', timeStamp: '1414561699', nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
  package: 'prepay_id=wx201410272009395522657a690389285100' }].map((p) => ({
  ...p, paySign: Rsa.sign(Formatter.joinedByLineFeed(p.appId, p.timeStamp, p.nonceStr, p.package), merchantKey) }));

const vectors = {
  generator: 'make-vectors.mjs (@wecom/crypto 1.0.1, wechat-crypto 0.0.2, wechatpay-axios-plugin 0.9.6)',
  messageCrypto: { token, appId, encodingAESKey, signatures, msgSignatures, fixedRandomEncryptions, randomEncryptions },
  jsSdk,
  pay: {
    mchid, serial, apiV3Key,
    merchantPrivateKeyPem: pem(merchantKey, 'pkcs8'),
    platformPrivateKeyPem: pem(platformKey, 'pkcs8'),
    platformPublicKeyPem: pem(platformPublic, 'spki'),
    requests: payRequests, responses: payResponses, resources, jsapiPaySigns,
  },
};

const json = `${JSON.stringify(vectors, null, 2)}\n`;
if (process.argv[2]) writeFileSync(process.argv[2], json); else process.stdout.write(json);
