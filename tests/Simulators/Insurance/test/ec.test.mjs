import test from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator } from '../support/harness.mjs';

test('the ec page asks the patient in Chinese to authorise with their 医保电子凭证', async () => {
  const sim = await startSimulator();
  try {
    const query = new URLSearchParams({ redirect_uri: 'https://hospital.example/cb', state: 'abc', sim_user: 'resident' });
    const res = await fetch(`${sim.base}/auth/ec?${query}`);
    const html = await res.text();
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /text\/html/);
    assert.match(html, /name="viewport"/);
    assert.match(html, /使用医保电子凭证授权/);
    assert.match(html, /李\*/);
    assert.match(html, /城乡居民基本医疗保险/);
    assert.match(html, />授权</);
    assert.match(html, />拒绝</);

    assert.equal((await fetch(`${sim.base}/auth/ec?redirect_uri=javascript:alert(1)`)).status, 400);
    assert.equal((await fetch(`${sim.base}/auth/ec?redirect_uri=https://h.example/&sim_user=nobody`)).status, 404);
  } finally {
    await sim.stop();
  }
});

test('授权 redirects with a one-time ec_token that verify exchanges for the masked insured person', async () => {
  const sim = await startSimulator();
  try {
    const location = await sim.authorize('patient', 'approve', 'xyz');
    assert.equal(location.origin + location.pathname, 'https://hospital.example/pay/ec-callback');
    assert.equal(location.searchParams.get('state'), 'xyz');
    const ecToken = location.searchParams.get('ec_token');
    assert.ok(ecToken);

    const verified = await sim.api('POST', '/api/v1/ec/verify', { ecToken });
    assert.equal(verified.status, 200);
    assert.deepEqual(Object.keys(verified.json).sort(), ['accountBalanceFen', 'insuranceType', 'insuredId', 'name']);
    assert.equal(verified.json.name, '张*');
    assert.equal(verified.json.insuranceType, '职工基本医疗保险');
    assert.equal(verified.json.accountBalanceFen, 120000);
    assert.doesNotMatch(verified.json.insuredId, /张|patient/);

    const again = await sim.api('POST', '/api/v1/ec/verify', { ecToken });
    assert.equal(again.status, 400);
    assert.equal(again.json.code, 'TOKEN_USED');
    const unknown = await sim.api('POST', '/api/v1/ec/verify', { ecToken: 'EC-nope' });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json.code, 'TOKEN_INVALID');
  } finally {
    await sim.stop();
  }
});

test('拒绝 redirects with error=denied and no token', async () => {
  const sim = await startSimulator();
  try {
    const location = await sim.authorize('patient', 'deny', 's9');
    assert.equal(location.searchParams.get('error'), 'denied');
    assert.equal(location.searchParams.get('state'), 's9');
    assert.equal(location.searchParams.get('ec_token'), null);
  } finally {
    await sim.stop();
  }
});

test('people are seeded, listed and added through /$sim/people', async () => {
  const sim = await startSimulator();
  try {
    const seeded = (await sim.control('GET', '/$sim/people')).json;
    assert.deepEqual(seeded.map((p) => p.simUser), ['patient', 'resident', 'lowbalance']);
    const added = await sim.control('POST', '/$sim/people', { name: '赵六六', insuranceType: '城乡居民基本医疗保险', accountBalanceFen: 777 });
    assert.equal(added.status, 201);
    const person = await sim.insured('赵六六');
    assert.equal(person.name, '赵**');
    assert.equal(person.accountBalanceFen, 777);
    assert.equal((await sim.control('POST', '/$sim/people', { name: 'x', insuranceType: '商业保险' })).status, 400);
  } finally {
    await sim.stop();
  }
});
