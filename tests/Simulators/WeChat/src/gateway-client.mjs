import crypto from 'node:crypto';
import { decryptMessage, encryptMessage, sha1Signature } from './wechat-crypto.mjs';
import { buildXml, field, parseReply } from './xml.mjs';
import { isWellFormedOpenId, openIdFor } from './users.mjs';

const MODES = new Set(['plaintext', 'compatible', 'safe']);

/**
 * Plays WeChat's side of the callback: builds a user's message or event, signs (and encrypts) it for the configured
 * mode, posts it to the gateway, and opens the reply the way WeChat would.
 */
export function createGatewayClient(config) {
  let nextMsgId = 24_000_000_000_000_000n + BigInt(Date.now() % 1_000_000_000);

  function innerXml(input, fromUser, createTime) {
    if (input.rawXml !== undefined) return { xml: String(input.rawXml), msgId: undefined };
    const type = input.type ?? 'text';
    const fields = { ToUserName: config.accountId, FromUserName: fromUser, CreateTime: createTime, MsgType: type };
    let msgId;
    if (type === 'event') {
      fields.Event = input.event;
      if (input.eventKey !== undefined) fields.EventKey = input.eventKey;
      if (input.ticket !== undefined) fields.Ticket = input.ticket;
    } else {
      if (type === 'text') fields.Content = input.content ?? '';
      msgId = input.msgId !== undefined ? String(input.msgId) : (nextMsgId++).toString();
      fields.MsgId = Number.isSafeInteger(Number(msgId)) ? Number(msgId) : msgId;
    }
    let xml = buildXml(fields);
    if (msgId !== undefined && !Number.isSafeInteger(Number(msgId))) {
      xml = xml.replace(`<MsgId><![CDATA[${msgId}]]></MsgId>`, `<MsgId>${msgId}</MsgId>`);
    }
    return { xml, msgId };
  }

  function openReply(text) {
    if (!text || text === 'success') return { replyXml: undefined, replyEncrypted: false, replySignatureValid: undefined };
    const encrypt = field(text, 'Encrypt');
    if (encrypt === undefined) return { replyXml: text, replyEncrypted: false, replySignatureValid: undefined };
    const expected = sha1Signature(config.token, field(text, 'TimeStamp') ?? '', field(text, 'Nonce') ?? '', encrypt);
    const replySignatureValid = expected === field(text, 'MsgSignature');
    let replyXml;
    try {
      replyXml = decryptMessage(config.encodingAesKey, config.appId, encrypt);
    } catch (err) {
      return { replyXml: undefined, replyEncrypted: true, replySignatureValid, replyError: err.message };
    }
    return { replyXml, replyEncrypted: true, replySignatureValid };
  }

  return async function sendToGateway(input) {
    const mode = (input.mode ?? config.mode).toLowerCase();
    if (!MODES.has(mode)) throw new Error(`unknown mode ${mode}`);
    const fromUser = isWellFormedOpenId(input.fromUser) ? input.fromUser : openIdFor(config.appId, input.fromUser ?? 'patient');
    const createTime = Number(input.createTime ?? Math.floor(Date.now() / 1000));
    const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = String(input.nonce ?? crypto.randomInt(100_000_000, 2_147_483_647));
    const token = input.forge ? `${config.token}-forged` : config.token;
    const { xml, msgId } = innerXml(input, fromUser, createTime);

    const query = new URLSearchParams({ signature: sha1Signature(token, timestamp, nonce), timestamp, nonce, openid: fromUser });
    let body = xml;
    if (mode !== 'plaintext') {
      const encrypt = encryptMessage(config.encodingAesKey, config.appId, xml);
      query.set('encrypt_type', 'aes');
      query.set('msg_signature', sha1Signature(token, timestamp, nonce, encrypt));
      body = mode === 'safe'
        ? buildXml({ ToUserName: config.accountId, Encrypt: encrypt })
        : xml.replace(/<\/xml>$/, `<Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
    }

    const url = `${(input.gatewayUrl ?? config.gatewayUrl).replace(/\/+$/, '')}/wechat/callback?${query}`;
    const started = Date.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml; charset=utf-8' },
      body,
      signal: AbortSignal.timeout(Number(input.timeoutMs ?? 30_000)),
    });
    const text = await response.text();
    const opened = openReply(response.ok ? text : undefined);
    return {
      status: response.status,
      body: text,
      elapsedMs: Date.now() - started,
      fromUser,
      msgId,
      createTime,
      ...opened,
      reply: opened.replyXml ? parseReply(opened.replyXml) : undefined,
      request: { url, body },
    };
  };
}
