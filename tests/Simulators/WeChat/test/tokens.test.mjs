import test from 'node:test';
import assert from 'node:assert/strict';
import { stableToken, startSimulator } from '../support/harness.mjs';

test('stable_token returns the same token until forced, and forcing revokes the old one', async () => {
  const sim = await startSimulator();
  try {
    const first = await stableToken(sim);
    const again = await stableToken(sim);
    assert.equal(again.access_token, first.access_token);
    const forced = await stableToken(sim, true);
    assert.notEqual(forced.access_token, first.access_token);
    const stale = await sim.call('POST', `/cgi-bin/message/custom/send?access_token=${first.access_token}`, {});
    assert.equal(stale.json.errcode, 40001);
    const { json: state } = await sim.call('GET', '/$sim/state');
    assert.equal(state.counters.stableToken, 3);
    assert.equal(state.counters.stableTokenForced, 1);
  } finally {
    await sim.stop();
  }
});

test('wrong secret, unknown token and expired token get WeChat error codes', async () => {
  const sim = await startSimulator();
  try {
    const wrong = await sim.call('GET', `/cgi-bin/token?grant_type=client_credential&appid=${sim.config.appId}&secret=nope`);
    assert.equal(wrong.json.errcode, 40125);
    const unknown = await sim.call('GET', '/cgi-bin/ticket/getticket?type=jsapi&access_token=unknown');
    assert.equal(unknown.json.errcode, 40001);
    const { access_token: token } = await stableToken(sim);
    assert.equal((await sim.call('GET', `/cgi-bin/ticket/getticket?type=jsapi&access_token=${token}`)).json.errcode, 0);
    await sim.call('POST', '/$sim/faults', { expireTokensNow: true });
    assert.equal((await sim.call('GET', `/cgi-bin/ticket/getticket?type=jsapi&access_token=${token}`)).json.errcode, 42001);
  } finally {
    await sim.stop();
  }
});

test('a short configured lifetime lets normal-mode stable_token renew near expiry', async () => {
  const sim = await startSimulator({ tokenLifetimeSeconds: 2 });
  try {
    const first = await stableToken(sim);
    assert.equal(first.expires_in, 2);
    await new Promise((r) => setTimeout(r, 1600));
    const renewed = await stableToken(sim);
    assert.notEqual(renewed.access_token, first.access_token);
  } finally {
    await sim.stop();
  }
});
