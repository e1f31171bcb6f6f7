// Round-trip referee: reads a JSON request on stdin with values produced by Platform.WeChat and answers
// with what the independent implementations make of them. Used live by WeChat.Tests.
import { createRequire } from 'node:module';
import { createPublicKey } from 'node:crypto';

const require = createRequire(import.meta.url);
const wecom = require('@wecom/crypto');
const WXBizMsgCrypt = require('wechat-crypto');
const { Rsa, Formatter, Aes } = require('wechatpay-axios-plugin');

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const attempt = (fn) => { try { return fn(); } catch (e) { return { error: String(e.message || e) }; } };
const mc = request.messageCrypto;
const legacy = new WXBizMsgCrypt(mc.token, mc.encodingAESKey, mc.appId);

const answer = {
  messages: mc.items.map((item) => ({
    wecom: attempt(() => { const r = wecom.decrypt(mc.encodingAESKey, item.ciphertext); return { message: r.message, id: r.id }; }),
    legacy: attempt(() => legacy.decrypt(item.ciphertext)),
    msgSignature: wecom.getSignature(mc.token, item.timestamp, item.nonce, item.ciphertext),
  })),
  paySignatures: request.paySignatures.map((p) => attempt(() =>
    Rsa.verify(Formatter.joinedByLineFeed(...p.parts), p.signature, createPublicKey(p.publicKeyPem)))),
  gcm: request.gcm.map((g) => attempt(() => Aes.AesGcm.decrypt(g.ciphertext, g.key, g.nonce, g.associatedData))),
};
process.stdout.write(JSON.stringify(answer));
