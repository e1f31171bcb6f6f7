import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fhirClient, getToken, startHis } from '../support/harness.mjs';

describe('metadata and authentication', () => {
  let ctx;
  before(async () => {
    ctx = await startHis();
  });
  after(() => ctx.stop());

  it('serves a CapabilityStatement without a token', async () => {
    const response = await fetch(`${ctx.base}/metadata`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /application\/fhir\+json/);
    const cs = await response.json();
    assert.equal(cs.resourceType, 'CapabilityStatement');
    assert.equal(cs.fhirVersion, '4.0.1');
    const slot = cs.rest[0].resource.find((r) => r.type === 'Slot');
    assert.ok(slot.interaction.some((i) => i.code === 'search-type'));
    assert.equal(slot.conditionalCreate, true);
    assert.ok(slot.searchParam.some((p) => p.name === 'start' && p.type === 'date'));
    assert.deepEqual(cs.rest[0].interaction.map((i) => i.code).sort(), ['batch', 'transaction']);
    const oauth = cs.rest[0].security.extension[0].extension.find((e) => e.url === 'token');
    assert.equal(oauth.valueUri, `${ctx.root}/auth/token`);
  });

  it('requires a bearer token for everything else', async () => {
    const none = await fetch(`${ctx.base}/Patient/pat-0001`);
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate'), /^Bearer/);
    assert.equal((await none.json()).resourceType, 'OperationOutcome');
    const forged = await fetch(`${ctx.base}/Patient/pat-0001`, { headers: { Authorization: 'Bearer not-a-token' } });
    assert.equal(forged.status, 401);
  });

  it('issues tokens only to the configured client with client_credentials', async () => {
    assert.equal((await getToken(ctx.root, 'platform', 'wrong')).status, 401);
    assert.equal((await getToken(ctx.root, 'someone', 'platform-secret')).status, 401);
    const badGrant = await fetch(`${ctx.root}/auth/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from('platform:platform-secret').toString('base64')}` },
      body: 'grant_type=password',
    });
    assert.equal(badGrant.status, 400);
    assert.equal((await badGrant.json()).error, 'unsupported_grant_type');
    const ok = await getToken(ctx.root);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.token_type, 'Bearer');
    assert.ok(ok.body.expires_in > 0);
    const client = await fhirClient(ctx.root);
    const patient = await client.get('Patient/pat-0001');
    assert.equal(patient.status, 200);
    assert.equal(patient.headers.get('etag'), 'W/"1"');
  });

  it('rejects a token after it expires', async () => {
    const shortLived = await startHis({ tokenTtlSeconds: 1 });
    try {
      const client = await fhirClient(shortLived.root);
      assert.equal((await client.get('Patient/pat-0001')).status, 200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const expired = await client.get('Patient/pat-0001');
      assert.equal(expired.status, 401);
      assert.equal(expired.body.issue[0].code, 'expired');
    } finally {
      await shortLived.stop();
    }
  });
});
