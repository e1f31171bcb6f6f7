import test from 'node:test';
import assert from 'node:assert/strict';
import { stableToken, startSimulator } from '../support/harness.mjs';

test('template messages are recorded once per client_msg_id and checked like WeChat', async () => {
  const sim = await startSimulator();
  try {
    const { access_token: token } = await stableToken(sim);
    const openid = sim.simulator.openIdFor('patient');
    const body = { touser: openid, template_id: 'TPL1', client_msg_id: 'abc', data: { thing1: { value: '内科' } } };
    const sent = await sim.call('POST', `/cgi-bin/message/template/send?access_token=${token}`, body);
    assert.equal(sent.json.errcode, 0);
    const again = await sim.call('POST', `/cgi-bin/message/template/send?access_token=${token}`, body);
    assert.equal(again.json.msgid, sent.json.msgid);
    assert.equal((await sim.call('GET', `/$sim/messages?openid=${openid}`)).json.length, 1);

    const badOpenId = await sim.call('POST', `/cgi-bin/message/template/send?access_token=${token}`, { ...body, touser: 'x' });
    assert.equal(badOpenId.json.errcode, 40003);
    const tooLong = { ...body, client_msg_id: 'b', data: { thing1: { value: '一'.repeat(21) } } };
    assert.equal((await sim.call('POST', `/cgi-bin/message/template/send?access_token=${token}`, tooLong)).json.errcode, 47003);
  } finally {
    await sim.stop();
  }
});

test('failNext answers the next calls with the planned errcode; down answers 503', async () => {
  const sim = await startSimulator();
  try {
    const { access_token: token } = await stableToken(sim);
    const openid = sim.simulator.openIdFor('patient');
    await sim.call('POST', '/$sim/faults', { failNext: { path: '/cgi-bin/message/custom/send', errcode: 45009, count: 2 } });
    const body = { touser: openid, msgtype: 'text', text: { content: '你好' } };
    for (let i = 0; i < 2; i++) {
      assert.equal((await sim.call('POST', `/cgi-bin/message/custom/send?access_token=${token}`, body)).json.errcode, 45009);
    }
    assert.equal((await sim.call('POST', `/cgi-bin/message/custom/send?access_token=${token}`, body)).json.errcode, 0);
    await sim.call('POST', '/$sim/faults', { down: true });
    assert.equal((await sim.call('POST', `/cgi-bin/message/custom/send?access_token=${token}`, body)).status, 503);
    await sim.call('POST', '/$sim/faults', { down: false });
    assert.equal((await sim.call('GET', `/$sim/messages?openid=${openid}`)).json.length, 1);
  } finally {
    await sim.stop();
  }
});
