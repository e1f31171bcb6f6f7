import { isWellFormedOpenId } from './users.mjs';

const CLIENT_MSG_ID_WINDOW_MS = 10 * 60 * 1000;
const THING_MAX = 20;
const CUSTOM_TYPES = new Set(['text', 'image', 'news', 'miniprogrampage', 'voice', 'video', 'mpnews', 'msgmenu']);

/** The message APIs, validating as WeChat does, and a record of what reached each user. */
export function createMessages() {
  let delivered = [];
  let nextMsgId = 3_000_000_001n;
  const clientMsgIds = new Map();

  function checkData(data) {
    if (!data || typeof data !== 'object') return { errcode: 47001, errmsg: 'data format error' };
    for (const [key, entry] of Object.entries(data)) {
      const value = entry?.value;
      if (typeof value !== 'string') return { errcode: 47001, errmsg: `data format error: ${key}` };
      if (/^thing\d*$/.test(key) && [...value].length > THING_MAX) {
        return { errcode: 47003, errmsg: `argument invalid! data.${key}.value exceeds limit` };
      }
    }
    return undefined;
  }

  function record(kind, body, msgid) {
    delivered.push({ kind, openid: body.touser, msgid: msgid?.toString(), payload: body, at: new Date().toISOString() });
  }

  return {
    template(body) {
      if (!isWellFormedOpenId(body.touser)) return { errcode: 40003, errmsg: 'invalid openid' };
      if (!body.template_id) return { errcode: 40037, errmsg: 'invalid template_id' };
      const bad = checkData(body.data);
      if (bad) return bad;
      if (body.client_msg_id) {
        const key = `${body.touser}:${body.client_msg_id}`;
        const seen = clientMsgIds.get(key);
        if (seen && Date.now() - seen.at < CLIENT_MSG_ID_WINDOW_MS) return { errcode: 0, errmsg: 'ok', msgid: Number(seen.msgid) };
      }
      const msgid = nextMsgId++;
      if (body.client_msg_id) clientMsgIds.set(`${body.touser}:${body.client_msg_id}`, { msgid, at: Date.now() });
      record('template', body, msgid);
      return { errcode: 0, errmsg: 'ok', msgid: Number(msgid) };
    },
    subscribe(body) {
      if (!isWellFormedOpenId(body.touser)) return { errcode: 40003, errmsg: 'invalid openid' };
      if (!body.template_id) return { errcode: 40037, errmsg: 'invalid template_id' };
      const bad = checkData(body.data);
      if (bad) return bad;
      record('subscribe', body);
      return { errcode: 0, errmsg: 'ok' };
    },
    custom(body) {
      if (!isWellFormedOpenId(body.touser)) return { errcode: 40003, errmsg: 'invalid openid' };
      if (!CUSTOM_TYPES.has(body.msgtype) || !body[body.msgtype]) return { errcode: 40008, errmsg: 'invalid message type' };
      if (body.msgtype === 'text' && !body.text.content) return { errcode: 44003, errmsg: 'empty content' };
      record('custom', body);
      return { errcode: 0, errmsg: 'ok' };
    },
    list: (openid) => delivered.filter((m) => !openid || m.openid === openid),
    reset() {
      delivered = [];
      clientMsgIds.clear();
    },
  };
}
