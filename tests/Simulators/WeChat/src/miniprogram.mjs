import crypto from 'node:crypto';
import { createCredentials } from './credentials.mjs';
import { HttpError, readJson, sendJson, sendWeChatError } from './http-util.mjs';
import { openIdFor, unionIdFor } from './users.mjs';

const CODE_LIFETIME_MS = 5 * 60 * 1000;
/** jscode2session calls per openid per minute before 45011 (WeChat's figure is not published; tests lower it). */
const DEFAULT_LOGINS_PER_MINUTE = 100;

/** The phones the simulated users registered with WeChat; a user without one cannot press the phone button. */
const PHONES = {
  patient: '13800138000',
  lisi: '13900139000',
  wangfang: '13700137000',
};

/**
 * The mini-program's side of api.weixin.qq.com: jscode2session (the wx.login code), getuserphonenumber (the
 * getPhoneNumber button's code) and the mini-program's own access token. Openids are per appid, so a user's
 * mini-program openid differs from their service-account openid; the unionid is the same across the hospital's apps.
 * The /$sim/miniprogram/* endpoints play the client: wx.login and the phone-number button.
 */
export function createMiniProgram(config) {
  const appId = config.miniProgramAppId;
  const credentials = createCredentials({ ...config, appId, appSecret: config.miniProgramAppSecret });
  const loginCodes = new Map();
  const phoneCodes = new Map();
  const loginsPerOpenId = new Map();
  const counters = { jscode2session: 0, getuserphonenumber: 0 };
  let loginsPerMinute = DEFAULT_LOGINS_PER_MINUTE;

  const newCode = () => crypto.randomBytes(24).toString('base64url');

  /** Valid, used, or unknown: WeChat answers 40163 for a code already exchanged and 40029 for anything else. */
  function spend(codes, code) {
    const entry = code ? codes.get(code) : undefined;
    if (!entry || entry.expiresAt <= Date.now()) return { error: { errcode: 40029, errmsg: 'invalid code' } };
    if (entry.usedAt) return { error: { errcode: 40163, errmsg: 'code been used' } };
    entry.usedAt = Date.now();
    return { entry };
  }

  function rateLimited(openid) {
    const now = Date.now();
    const recent = (loginsPerOpenId.get(openid) ?? []).filter((at) => at > now - 60_000);
    recent.push(now);
    loginsPerOpenId.set(openid, recent);
    return recent.length > loginsPerMinute;
  }

  const api = {
    'GET /sns/jscode2session': (req, res, url) => {
      counters.jscode2session += 1;
      const q = url.searchParams;
      if (q.get('grant_type') !== 'authorization_code') return sendWeChatError(res, 40002, 'invalid grant_type');
      const bad = credentials.checkAppCredentials(q.get('appid'), q.get('secret'));
      if (bad) return sendJson(res, 200, bad);
      const { entry, error } = spend(loginCodes, q.get('js_code'));
      if (error) return sendJson(res, 200, error);
      const openid = openIdFor(appId, entry.userId);
      if (rateLimited(openid)) return sendWeChatError(res, 45011, 'api minute-quota reach limit, mustslower retry next minute');
      sendJson(res, 200, {
        openid,
        session_key: crypto.randomBytes(16).toString('base64'),
        unionid: unionIdFor(entry.userId),
        errcode: 0,
        errmsg: 'ok',
      });
    },
    'POST /wxa/business/getuserphonenumber': async (req, res, url) => {
      counters.getuserphonenumber += 1;
      const bad = credentials.checkToken(url.searchParams.get('access_token'));
      if (bad) return sendJson(res, 200, bad);
      const body = await readJson(req);
      const { entry, error } = spend(phoneCodes, body.code);
      if (error) return sendJson(res, 200, error);
      sendJson(res, 200, {
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: entry.countryCode === '86' ? entry.phone : `+${entry.countryCode} ${entry.phone}`,
          purePhoneNumber: entry.phone,
          countryCode: entry.countryCode,
          watermark: { timestamp: entry.watermarkTimestamp, appid: entry.watermarkAppId },
        },
      });
    },
  };

  const sim = {
    /** Plays wx.login in the mini-program for a simulated user: a code valid once for 5 minutes. */
    'POST /$sim/miniprogram/login': async (req, res) => {
      const { userId } = await readJson(req);
      if (!userId || typeof userId !== 'string') throw new HttpError(400, 'userId is required');
      const code = newCode();
      loginCodes.set(code, { userId, expiresAt: Date.now() + CODE_LIFETIME_MS });
      sendJson(res, 200, { code, openid: openIdFor(appId, userId), unionid: unionIdFor(userId) });
    },
    /**
     * Plays the getPhoneNumber button: a code for the user's phone. Tests may name another phone, or forge the watermark
     * (watermarkAppId, watermarkTimestamp in seconds) to play a code minted for someone else's mini-program.
     */
    'POST /$sim/miniprogram/phone-code': async (req, res) => {
      const body = await readJson(req);
      if (!body.userId || typeof body.userId !== 'string') throw new HttpError(400, 'userId is required');
      const phone = body.phoneNumber ?? PHONES[body.userId];
      if (!phone) throw new HttpError(400, `simulated user ${body.userId} has no phone number`);
      const code = newCode();
      phoneCodes.set(code, {
        phone: String(phone),
        countryCode: String(body.countryCode ?? '86'),
        watermarkAppId: body.watermarkAppId ?? appId,
        watermarkTimestamp: Number(body.watermarkTimestamp ?? Math.floor(Date.now() / 1000)),
        expiresAt: Date.now() + CODE_LIFETIME_MS,
      });
      sendJson(res, 200, { code, phoneNumber: String(phone) });
    },
    'POST /$sim/miniprogram/config': async (req, res) => {
      const body = await readJson(req);
      if (body.loginsPerMinute !== undefined) loginsPerMinute = Math.max(1, Number(body.loginsPerMinute));
      sendJson(res, 200, { loginsPerMinute });
    },
    'GET /$sim/miniprogram/state': (req, res) => sendJson(res, 200, {
      appId, counters, tokenCounters: credentials.counters, loginsPerMinute,
    }),
  };

  return {
    api,
    sim,
    ownsAppId: (candidate) => candidate === appId,
    credentials,
    openIdFor: (name) => openIdFor(appId, name),
    reset() {
      loginCodes.clear();
      phoneCodes.clear();
      loginsPerOpenId.clear();
      credentials.reset();
      loginsPerMinute = DEFAULT_LOGINS_PER_MINUTE;
      for (const key of Object.keys(counters)) counters[key] = 0;
    },
  };
}
