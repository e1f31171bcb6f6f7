import { readJson, sendJson } from './http-util.mjs';
import { checkKeywords } from './subscribe-keywords.mjs';
import { isWellFormedOpenId, openIdFor } from './users.mjs';

const STATES = new Set(['developer', 'trial', 'formal']);
const LANGS = new Set(['zh_CN', 'en_US', 'zh_HK', 'zh_TW']);

/**
 * The mini-program's subscribe messages: the grants wx.requestSubscribeMessage leaves (one-time ones counted and spent
 * per send, long-term ones kept), POST /cgi-bin/message/subscribe/send with the mini-program's own access token, and a
 * record of what was sent. Registered on the simulator's routes, so its faults apply here too.
 */
export function installMiniProgramSubscribe(simulator, config, miniProgram) {
  // The mini-program's tokens are the ones app.mjs issues for its appid (cgi-bin/token and stable_token dispatch on it).
  const mpCredentials = simulator.miniProgram.credentials;
  const grants = new Map(); // `${openid} ${templateId}` → { oneTime, longTerm, banned }
  let sent = [];
  let nextMsgId = 4_000_000_001;
  const { api, sim } = simulator.routes;

  const grantOf = (openid, templateId) => {
    const key = `${openid} ${templateId}`;
    if (!grants.has(key)) grants.set(key, { oneTime: 0, longTerm: false, banned: false });
    return grants.get(key);
  };

  function send(body) {
    if (!isWellFormedOpenId(body.touser)) return { errcode: 40003, errmsg: 'invalid openid' };
    if (typeof body.template_id !== 'string' || !body.template_id) return { errcode: 40037, errmsg: 'invalid template_id' };
    if (body.miniprogram_state !== undefined && !STATES.has(body.miniprogram_state)) {
      return { errcode: 47003, errmsg: 'argument invalid! miniprogram_state invalid' };
    }
    if (body.lang !== undefined && !LANGS.has(body.lang)) return { errcode: 47003, errmsg: 'argument invalid! lang invalid' };
    const bad = checkKeywords(body.data);
    if (bad) return bad;
    const grant = grants.get(`${body.touser} ${body.template_id}`);
    if (!grant || grant.banned || (!grant.longTerm && grant.oneTime < 1)) return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    const kind = grant.longTerm ? 'long-term' : 'one-time';
    if (!grant.longTerm) grant.oneTime -= 1;
    const msgid = nextMsgId++;
    sent.push({
      openid: body.touser, templateId: body.template_id, page: body.page, data: body.data,
      miniprogramState: body.miniprogram_state ?? 'formal', lang: body.lang ?? 'zh_CN', grant: kind, msgid,
      at: new Date().toISOString(),
    });
    return { errcode: 0, errmsg: 'ok', msgid };
  }

  // Only a token of the mini-program itself; the service account's is refused as WeChat refuses another app's.
  api['POST /cgi-bin/message/subscribe/send'] = async (req, res, url) => {
    const bad = mpCredentials.checkToken(url.searchParams.get('access_token'));
    if (bad) return sendJson(res, 200, bad);
    return sendJson(res, 200, send(await readJson(req)));
  };

  /** Plays wx.requestSubscribeMessage: {openid | user, results: {templateId: accept|reject|ban}, longTerm?: [templateId]}. */
  sim['POST /$sim/miniprogram/subscribe'] = async (req, res) => {
    const body = await readJson(req);
    const openid = body.openid ?? openIdFor(miniProgram.appId, body.user ?? 'patient');
    if (!isWellFormedOpenId(openid) || !body.results || typeof body.results !== 'object') {
      return sendJson(res, 400, { error: 'openid (or user) and results are required' });
    }
    const longTerm = new Set(Array.isArray(body.longTerm) ? body.longTerm : []);
    const answer = { errMsg: 'requestSubscribeMessage:ok' };
    for (const [templateId, result] of Object.entries(body.results)) {
      if (!['accept', 'reject', 'ban'].includes(result)) return sendJson(res, 400, { error: `unknown result ${result}` });
      const grant = grantOf(openid, templateId);
      if (result === 'accept') {
        grant.banned = false;
        if (longTerm.has(templateId)) grant.longTerm = true;
        else grant.oneTime += 1;
      } else if (result === 'ban') {
        Object.assign(grant, { oneTime: 0, longTerm: false, banned: true });
      }
      answer[templateId] = result;
    }
    return sendJson(res, 200, answer);
  };

  sim['GET /$sim/miniprogram/subscribe/sent'] = (req, res, url) => {
    const openid = url.searchParams.get('openid');
    sendJson(res, 200, sent.filter((m) => !openid || m.openid === openid));
  };

  sim['GET /$sim/miniprogram/subscribe/grants'] = (req, res, url) => {
    const openid = url.searchParams.get('openid');
    const list = [...grants.entries()]
      .map(([key, grant]) => ({ openid: key.split(' ')[0], templateId: key.split(' ')[1], ...grant }))
      .filter((g) => !openid || g.openid === openid);
    sendJson(res, 200, list);
  };

  sim['GET /$sim/miniprogram/users'] = (req, res, url) =>
    sendJson(res, 200, { openid: openIdFor(miniProgram.appId, url.searchParams.get('name') || 'patient') });

  sim['POST /$sim/reset'] = ((reset) => (req, res, url) => {
    grants.clear();
    sent = [];
    return reset(req, res, url);
  })(sim['POST /$sim/reset']);

  return { openIdFor: (name) => openIdFor(miniProgram.appId, name), credentials: mpCredentials };
}
