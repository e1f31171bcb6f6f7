import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fhirClient, startHis, startReceiver } from '../support/harness.mjs';

describe('rest-hook subscriptions', () => {
  let ctx;
  let client;
  before(async () => {
    ctx = await startHis();
    client = await fhirClient(ctx.root);
  });
  after(() => ctx.stop());

  const subscribe = (endpoint, criteria) => client.post('Subscription', {
    resourceType: 'Subscription',
    status: 'requested',
    reason: '报告出具通知',
    criteria,
    channel: { type: 'rest-hook', endpoint, payload: 'application/fhir+json', header: ['Authorization: Bearer hook-secret'] },
  });

  it('activates a subscription and POSTs matching resources with the channel headers', async () => {
    const receiver = await startReceiver();
    try {
      const sub = await subscribe(receiver.url, 'DiagnosticReport?status=final');
      assert.equal(sub.status, 201);
      assert.equal(sub.body.status, 'active');
      const pending = (await client.get('DiagnosticReport?status=preliminary&_count=1')).body.entry[0].resource;
      await client.put(`DiagnosticReport/${pending.id}`, { ...pending, status: 'final', conclusion: '未见异常' });
      const [hit] = await receiver.waitFor((r) => JSON.parse(r.raw.toString() || '{}').id === pending.id);
      assert.equal(hit.method, 'POST');
      assert.equal(hit.headers.authorization, 'Bearer hook-secret');
      assert.equal(hit.headers['x-subscription-id'], sub.body.id);
      assert.match(hit.headers['content-type'], /application\/fhir\+json/);
      const body = JSON.parse(hit.raw.toString());
      assert.equal(body.status, 'final');
      assert.equal(body.meta.versionId, '2');
      const other = (await client.get('DiagnosticReport?status=preliminary&_count=1')).body.entry[0].resource;
      await client.put(`DiagnosticReport/${other.id}`, { ...other, conclusion: '仍待审核' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.ok(!receiver.requests.some((r) => r.raw.toString().includes(`"id":"${other.id}"`)), 'non-matching update is not sent');
    } finally {
      await receiver.stop();
    }
  });

  it('retries until the endpoint accepts (at-least-once)', async () => {
    const receiver = await startReceiver((_req, index) => (index < 2 ? 503 : 200));
    try {
      await subscribe(receiver.url, 'Slot?status=busy');
      const slot = (await client.get('Slot?status=free&_count=1')).body.entry[0].resource;
      await client.put(`Slot/${slot.id}`, { ...slot, status: 'busy' });
      const hits = await receiver.waitFor((r, i) => receiver.requests.length >= 3);
      assert.equal(hits.length, 3);
      assert.ok(hits.every((h) => JSON.parse(h.raw.toString()).id === slot.id));
    } finally {
      await receiver.stop();
    }
  });

  it('refuses a subscription it cannot serve', async () => {
    const bad = await client.post('Subscription', {
      resourceType: 'Subscription', status: 'requested', reason: 'x', criteria: 'DiagnosticReport?status=final',
      channel: { type: 'websocket' },
    });
    assert.equal(bad.status, 400);
  });
});
