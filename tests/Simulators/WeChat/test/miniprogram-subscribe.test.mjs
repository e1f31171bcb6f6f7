import test from 'node:test';
import assert from 'node:assert/strict';
import { stableToken } from '../support/harness.mjs';
import { startWithMiniProgram } from '../support/miniprogram-harness.mjs';

const data = { thing1: { value: '内科门诊预约成功' }, time2: { value: '2026-12-08 09:30' }, phrase3: { value: '已预约' } };

test('a one-time grant carries exactly one message; a long-term grant is not spent', async () => {
  const sim = await startWithMiniProgram();
  try {
    const token = await sim.token();
    const openid = sim.mp.openIdFor('patient');
    const send = (templateId) => sim.call('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, {
      touser: openid, template_id: templateId, page: 'pages/messages/index', data, miniprogram_state: 'trial', lang: 'zh_CN',
    });

    assert.equal((await send('TPL_BOOKED')).json.errcode, 43101, 'no grant yet');
    const granted = await sim.call('POST', '/$sim/miniprogram/subscribe', { openid, results: { TPL_BOOKED: 'accept', TPL_REPORT: 'reject' } });
    assert.equal(granted.json.TPL_BOOKED, 'accept');
    assert.equal((await send('TPL_BOOKED')).json.errcode, 0);
    assert.equal((await send('TPL_BOOKED')).json.errcode, 43101, 'the one grant is spent');
    assert.equal((await send('TPL_REPORT')).json.errcode, 43101, 'rejected');

    await sim.call('POST', '/$sim/miniprogram/subscribe', { openid, results: { TPL_BOOKED: 'accept' } });
    await sim.call('POST', '/$sim/miniprogram/subscribe', { openid, results: { TPL_BOOKED: 'accept' } });
    assert.equal((await send('TPL_BOOKED')).json.errcode, 0);
    assert.equal((await send('TPL_BOOKED')).json.errcode, 0, 'each accept is one send');
    assert.equal((await send('TPL_BOOKED')).json.errcode, 43101);

    await sim.call('POST', '/$sim/miniprogram/subscribe', { openid, results: { TPL_VISIT: 'accept' }, longTerm: ['TPL_VISIT'] });
    for (let i = 0; i < 3; i++) assert.equal((await send('TPL_VISIT')).json.errcode, 0);
    await sim.call('POST', '/$sim/miniprogram/subscribe', { openid, results: { TPL_VISIT: 'ban' } });
    assert.equal((await send('TPL_VISIT')).json.errcode, 43101, 'banned');

    const sent = (await sim.call('GET', `/$sim/miniprogram/subscribe/sent?openid=${openid}`)).json;
    assert.equal(sent.length, 6);
    assert.deepEqual(sent.map((m) => m.grant), ['one-time', 'one-time', 'one-time', 'long-term', 'long-term', 'long-term']);
    assert.equal(sent[0].page, 'pages/messages/index');
    assert.equal(sent[0].miniprogramState, 'trial');
    assert.equal(sent[0].data.thing1.value, '内科门诊预约成功');
    assert.equal((await sim.call('GET', `/$sim/miniprogram/subscribe/sent?openid=${sim.mp.openIdFor('lisi')}`)).json.length, 0);
  } finally {
    await sim.stop();
  }
});

test('keyword values are checked against their types (47003) before a grant is spent', async () => {
  const sim = await startWithMiniProgram();
  try {
    const token = await sim.token();
    const openid = sim.mp.openIdFor('patient');
    await sim.call('POST', '/$sim/miniprogram/subscribe', { openid, results: { T: 'accept' } });
    const send = (values) => sim.call('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, { touser: openid, template_id: 'T', data: values });
    const bad = [
      { thing1: { value: '一'.repeat(21) } },
      { phrase1: { value: '预约成功了吗啊' } },
      { phrase1: { value: 'OK' } },
      { time1: { value: '明天上午' } },
      { character_string1: { value: 'A'.repeat(33) } },
      { character_string1: { value: '中文单号' } },
      { number1: { value: '12a' } },
      { amount1: { value: '十元' } },
      { unknownkind1: { value: 'x' } },
      {},
    ];
    for (const values of bad) assert.equal((await send(values)).json.errcode, 47003, JSON.stringify(values));
    const good = {
      thing1: { value: '一'.repeat(20) }, phrase2: { value: '待缴费' }, time3: { value: '2026年12月8日 09:30' },
      character_string4: { value: 'R20261208-0001' }, amount5: { value: '¥25.50' }, number6: { value: '12' },
    };
    assert.equal((await send(good)).json.errcode, 0);
    assert.equal((await send(good)).json.errcode, 43101, 'the refused sends spent nothing; the good one spent the grant');

    const badOpenId = await sim.call('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, { touser: 'nobody', template_id: 'T', data: good });
    assert.equal(badOpenId.json.errcode, 40003);
  } finally {
    await sim.stop();
  }
});

test('the mini-program has its own token: the service account token is refused, faults apply, reset clears grants', async () => {
  const sim = await startWithMiniProgram();
  try {
    const openid = sim.mp.openIdFor('patient');
    const body = { touser: openid, template_id: 'T', data };
    const { access_token: accountToken } = await stableToken(sim);
    assert.equal((await sim.call('POST', `/cgi-bin/message/subscribe/send?access_token=${accountToken}`, body)).json.errcode, 40001);
    const wrongSecret = await sim.call('POST', '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: sim.miniProgram.appId, secret: 'x' });
    assert.equal(wrongSecret.json.errcode, 40125);

    const token = await sim.token();
    assert.notEqual(token, accountToken);
    await sim.call('POST', '/$sim/miniprogram/subscribe', { openid, results: { T: 'accept' } });
    await sim.call('POST', '/$sim/faults', { failNext: { path: '/cgi-bin/message/subscribe/send', errcode: -1 } });
    assert.equal((await sim.call('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, body)).json.errcode, -1);
    await sim.call('POST', '/$sim/faults', { down: true });
    assert.equal((await sim.call('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, body)).status, 503);
    await sim.call('DELETE', '/$sim/faults');
    assert.equal((await sim.call('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, body)).json.errcode, 0,
      'the faulted calls spent no grant');

    await sim.call('POST', '/$sim/miniprogram/subscribe', { openid, results: { T: 'accept' } });
    await sim.call('POST', '/$sim/reset');
    assert.deepEqual((await sim.call('GET', `/$sim/miniprogram/subscribe/grants?openid=${openid}`)).json, []);
    assert.deepEqual((await sim.call('GET', '/$sim/miniprogram/subscribe/sent')).json, []);
  } finally {
    await sim.stop();
  }
});
