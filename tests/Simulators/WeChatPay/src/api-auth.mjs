import crypto from 'node:crypto';
import { PayError } from './http-util.mjs';
import { parseAuthorization, signatureHeaders, signedMessage, verify } from './wechatpay-crypto.mjs';

const MAX_SKEW_SECONDS = 300;
const signError = (message) => new PayError(401, 'SIGN_ERROR', message);

/** Checks the merchant's Authorization header over "METHOD\nPATH_AND_QUERY\nTIMESTAMP\nNONCE\nBODY\n". */
export function checkRequestSignature(config, req, body) {
  const auth = parseAuthorization(req.headers.authorization);
  if (!auth) throw signError('Authorization 缺失或认证类型不是 WECHATPAY2-SHA256-RSA2048');
  const { mchid, nonce_str: nonce, timestamp, serial_no: serial, signature } = auth;
  if (!mchid || !nonce || !timestamp || !serial || !signature) throw signError('Authorization 缺少 mchid、nonce_str、timestamp、serial_no 或 signature');
  if (mchid !== config.mchId) throw signError('商户号与Authorization中的mchid不一致');
  if (serial !== config.merchantSerial) throw signError('商户API证书序列号不正确');
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Math.floor(Date.now() / 1000) - Number(timestamp)) > MAX_SKEW_SECONDS) {
    throw signError('请求时间戳与系统时间相差超过5分钟');
  }
  if (!verify(config.merchantPublicKeyPem, signedMessage(req.method, req.url, timestamp, nonce, body), signature)) {
    throw signError('签名错误,请检查签名串与签名算法');
  }
}

/** Answers a /v3 call the way WeChat Pay does: every body (even empty, even errors) signed with the platform key. */
export function sendSigned(res, platform, status, body) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Content-Length': Buffer.byteLength(text),
    'Request-ID': crypto.randomBytes(18).toString('hex').toUpperCase(),
    ...signatureHeaders(platform, text),
  });
  res.end(text);
}
