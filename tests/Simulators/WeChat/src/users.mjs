import crypto from 'node:crypto';

const PROFILES = {
  patient: { nickname: '张三', sex: 1, city: '上海' },
  lisi: { nickname: '李四', sex: 1, city: '杭州' },
  wangfang: { nickname: '王芳', sex: 2, city: '南京' },
};

export const DEFAULT_USER = 'patient';

/** Openids are per account and stable: 28 characters derived from the appid and the simulated user's name. */
export function openIdFor(appId, name) {
  return `o${crypto.createHash('sha256').update(`${appId}:${name}`).digest('base64url').slice(0, 27)}`;
}

export function unionIdFor(name) {
  return `u${crypto.createHash('sha256').update(`union:${name}`).digest('base64url').slice(0, 27)}`;
}

export const isWellFormedOpenId = (openid) => typeof openid === 'string' && /^o[A-Za-z0-9_-]{27}$/.test(openid);

export function profileFor(appId, name) {
  const profile = PROFILES[name] ?? { nickname: name, sex: 0, city: '' };
  return {
    openid: openIdFor(appId, name),
    nickname: profile.nickname,
    sex: profile.sex,
    province: '',
    city: profile.city,
    country: '中国',
    headimgurl: `https://thirdwx.qlogo.cn/mmopen/sim/${encodeURIComponent(name)}/132`,
    privilege: [],
    unionid: unionIdFor(name),
  };
}
