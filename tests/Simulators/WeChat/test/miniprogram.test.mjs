import test from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator } from '../support/harness.mjs';

const session = (sim, code, secret = sim.config.miniProgramAppSecret) =>
  sim.call('GET', `/sns/jscode2session?appid=${sim.config.miniProgramAppId}&secret=${secret}&js_code=${encodeURIComponent(code)}&grant_type=authorization_code`);

async function miniToken(sim) {
  const { json } = await sim.call('POST', '/cgi-bin/stable_token', {
    grant_type: 'client_credential', appid: sim.config.miniProgramAppId, secret: sim.config.miniProgramAppSecret,
  });
  return json.access_token;
}

test('jscode2session trades a wx.login code once for a per-app openid, the shared unionid and a session key', async () => {
  const sim = await startSimulator();
  try {
    const { code } = (await sim.call('POST', '/$sim/miniprogram/login', { userId: 'lisi' })).json;
    const first = (await session(sim, code)).json;
    assert.equal(first.errcode, 0);
    assert.match(first.openid, /^o[A-Za-z0-9_-]{27}$/);
    assert.notEqual(first.openid, sim.simulator.openIdFor('lisi'), 'the service account openid differs');
    const serviceAccount = (await sim.call('GET', '/$sim/users?name=lisi')).json;
    assert.equal(first.unionid, serviceAccount.unionid);
    assert.ok(Buffer.from(first.session_key, 'base64').length === 16);

    assert.equal((await session(sim, code)).json.errcode, 40163);
    assert.equal((await session(sim, 'forged-code')).json.errcode, 40029);
    const again = (await session(sim, (await sim.call('POST', '/$sim/miniprogram/login', { userId: 'lisi' })).json.code)).json;
    assert.equal(again.openid, first.openid);
    assert.notEqual(again.session_key, first.session_key);
  } finally {
    await sim.stop();
  }
});

test('jscode2session refuses the wrong secret and the service account appid', async () => {
  const sim = await startSimulator();
  try {
    const { code } = (await sim.call('POST', '/$sim/miniprogram/login', { userId: 'patient' })).json;
    assert.equal((await session(sim, code, 'wrong')).json.errcode, 40125);
    const foreign = await sim.call('GET', `/sns/jscode2session?appid=${sim.config.appId}&secret=${sim.config.appSecret}&js_code=${code}&grant_type=authorization_code`);
    assert.equal(foreign.json.errcode, 40013);
    assert.equal((await session(sim, code)).json.errcode, 0, 'a refused call does not spend the code');
  } finally {
    await sim.stop();
  }
});

test('jscode2session answers 45011 past the per-minute limit, and faults apply to it', async () => {
  const sim = await startSimulator();
  try {
    await sim.call('POST', '/$sim/miniprogram/config', { loginsPerMinute: 1 });
    const login = async () => session(sim, (await sim.call('POST', '/$sim/miniprogram/login', { userId: 'wangfang' })).json.code);
    assert.equal((await login()).json.errcode, 0);
    assert.equal((await login()).json.errcode, 45011);

    await sim.call('POST', '/$sim/reset');
    await sim.call('POST', '/$sim/faults', { failNext: { path: '/sns/jscode2session', errcode: -1 } });
    assert.equal((await login()).json.errcode, -1);
    assert.equal((await login()).json.errcode, 0);
    await sim.call('POST', '/$sim/faults', { down: true });
    assert.equal((await login()).status, 503);
  } finally {
    await sim.stop();
  }
});

test('getuserphonenumber resolves the button code once with the watermark of the mini-program', async () => {
  const sim = await startSimulator();
  try {
    const token = await miniToken(sim);
    const { code } = (await sim.call('POST', '/$sim/miniprogram/phone-code', { userId: 'patient' })).json;
    const resolved = (await sim.call('POST', `/wxa/business/getuserphonenumber?access_token=${token}`, { code })).json;
    assert.equal(resolved.errcode, 0);
    assert.equal(resolved.phone_info.purePhoneNumber, '13800138000');
    assert.equal(resolved.phone_info.phoneNumber, '13800138000');
    assert.equal(resolved.phone_info.countryCode, '86');
    assert.equal(resolved.phone_info.watermark.appid, sim.config.miniProgramAppId);
    assert.ok(Math.abs(resolved.phone_info.watermark.timestamp - Date.now() / 1000) < 5);

    assert.equal((await sim.call('POST', `/wxa/business/getuserphonenumber?access_token=${token}`, { code })).json.errcode, 40163);
    assert.equal((await sim.call('POST', `/wxa/business/getuserphonenumber?access_token=${token}`, { code: 'nope' })).json.errcode, 40029);
  } finally {
    await sim.stop();
  }
});

test('getuserphonenumber wants the mini-program token, not the service account one', async () => {
  const sim = await startSimulator();
  try {
    const { json } = await sim.call('POST', '/cgi-bin/stable_token', {
      grant_type: 'client_credential', appid: sim.config.appId, secret: sim.config.appSecret,
    });
    const { code } = (await sim.call('POST', '/$sim/miniprogram/phone-code', { userId: 'lisi' })).json;
    const refused = (await sim.call('POST', `/wxa/business/getuserphonenumber?access_token=${json.access_token}`, { code })).json;
    assert.equal(refused.errcode, 40001);
  } finally {
    await sim.stop();
  }
});

test('the phone button can be played with a forged watermark, and not for a user without a phone', async () => {
  const sim = await startSimulator();
  try {
    const token = await miniToken(sim);
    const { code } = (await sim.call('POST', '/$sim/miniprogram/phone-code', { userId: 'lisi', watermarkAppId: 'wxsomeoneelse' })).json;
    const resolved = (await sim.call('POST', `/wxa/business/getuserphonenumber?access_token=${token}`, { code })).json;
    assert.equal(resolved.phone_info.watermark.appid, 'wxsomeoneelse');
    assert.equal((await sim.call('POST', '/$sim/miniprogram/phone-code', { userId: 'nobody' })).status, 400);
  } finally {
    await sim.stop();
  }
});
