import test from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator } from '../support/harness.mjs';

test('authorize redirects with a one-time code that yields the chosen user', async () => {
  const sim = await startSimulator();
  try {
    const redirect = encodeURIComponent('http://127.0.0.1:9/cb?x=1');
    const page = await sim.call('GET',
      `/connect/oauth2/authorize?appid=${sim.config.appId}&redirect_uri=${redirect}&response_type=code&scope=snsapi_userinfo&state=abc123&sim_user=lisi`);
    assert.equal(page.status, 302);
    const location = new URL(page.headers.get('location'));
    assert.equal(location.searchParams.get('state'), 'abc123');
    assert.equal(location.searchParams.get('x'), '1');
    const code = location.searchParams.get('code');
    const exchange = `/sns/oauth2/access_token?appid=${sim.config.appId}&secret=${sim.config.appSecret}&code=${code}&grant_type=authorization_code`;
    const token = (await sim.call('GET', exchange)).json;
    assert.equal(token.openid, sim.simulator.openIdFor('lisi'));
    assert.equal((await sim.call('GET', exchange)).json.errcode, 40163);
    const info = (await sim.call('GET', `/sns/userinfo?access_token=${token.access_token}&openid=${token.openid}&lang=zh_CN`)).json;
    assert.equal(info.nickname, '李四');
  } finally {
    await sim.stop();
  }
});

test('authorize refuses a foreign appid', async () => {
  const sim = await startSimulator();
  try {
    const page = await sim.call('GET', '/connect/oauth2/authorize?appid=wxother&redirect_uri=http%3A%2F%2Fa%2F&response_type=code&scope=snsapi_base&state=s');
    assert.equal(page.status, 400);
  } finally {
    await sim.stop();
  }
});
