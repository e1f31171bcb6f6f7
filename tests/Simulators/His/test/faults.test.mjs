import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fhirClient, sim, startHis } from '../support/harness.mjs';

describe('fault injection and simulator controls', () => {
  let ctx;
  let client;
  before(async () => {
    ctx = await startHis();
    client = await fhirClient(ctx.root);
  });
  afterEach(() => sim(ctx.root, 'DELETE', 'faults'));
  after(() => ctx.stop());

  it('reports health', async () => {
    const { status, body } = await sim(ctx.root, 'GET', 'health');
    assert.equal(status, 200);
    assert.equal(body.status, 'ok');
    assert.ok(body.seed.byType.Slot > 0);
  });

  it('counts the FHIR requests it served by method and type, from the last reset', async () => {
    await sim(ctx.root, 'DELETE', 'requests');
    await client.get('Patient/pat-0001');
    await client.get('Slot?status=free&_count=1');
    await client.get('Slot?status=free&_count=2');
    await client.get('Condition?subject=Patient/pat-0001');
    const { status, body } = await sim(ctx.root, 'GET', 'requests');
    assert.equal(status, 200);
    assert.deepEqual(body, { 'GET Patient': 1, 'GET Slot': 2, 'GET Condition': 1, 'GET Condition Patient/pat-0001': 1 });
  });

  it('fails every request with the configured status, until reset', async () => {
    await sim(ctx.root, 'POST', 'faults', { failRate: 1, failStatus: 503 });
    const failed = await client.get('Patient/pat-0001');
    assert.equal(failed.status, 503);
    assert.equal(failed.body.resourceType, 'OperationOutcome');
    await sim(ctx.root, 'DELETE', 'faults');
    assert.equal((await client.get('Patient/pat-0001')).status, 200);
  });

  it('slows answers down by delayMs', async () => {
    await sim(ctx.root, 'POST', 'faults', { delayMs: 400 });
    const started = Date.now();
    assert.equal((await client.get('Patient/pat-0001')).status, 200);
    assert.ok(Date.now() - started >= 400);
  });

  it('holds writes until the hold is lifted, while reads go on', async () => {
    // Not one of the first two free slots, which the conflict test below counts versions of.
    const slot = (await client.get('Slot?status=free&_count=3')).body.entry[2].resource;
    await sim(ctx.root, 'POST', 'faults', { holdWrites: true });
    let answered = false;
    const write = client.put(`Slot/${slot.id}`, { ...slot, comment: 'held' }).then((r) => { answered = true; return r; });
    assert.equal((await client.get('Patient/pat-0001')).status, 200, 'a read is not held');
    assert.equal(answered, false, 'the write waits');
    await sim(ctx.root, 'POST', 'faults', { holdWrites: false });
    assert.equal((await write).status, 200);
  });

  it('makes the next slot update conflict: 412 with If-Match, 409 without', async () => {
    const slot = (await client.get('Slot?status=free&_count=2')).body.entry.map((e) => e.resource);
    await sim(ctx.root, 'POST', 'faults', { conflictOnNextSlotUpdate: true });
    const stale = await client.put(`Slot/${slot[0].id}`, { ...slot[0], status: 'busy' }, { 'If-Match': 'W/"1"' });
    assert.equal(stale.status, 412);
    const fresh = await client.get(`Slot/${slot[0].id}`);
    assert.equal(fresh.headers.get('etag'), 'W/"2"');
    const retried = await client.put(`Slot/${slot[0].id}`, { ...fresh.body, status: 'busy' }, { 'If-Match': 'W/"2"' });
    assert.equal(retried.status, 200, 'the fault fires only once');
    await sim(ctx.root, 'POST', 'faults', { conflictOnNextSlotUpdate: true });
    const blind = await client.put(`Slot/${slot[1].id}`, { ...slot[1], status: 'busy' });
    assert.equal(blind.status, 409);
  });

  it('lets the HIS take a slot itself', async () => {
    const slot = (await client.get('Slot?status=free&_count=1&_offset=10')).body.entry[0].resource;
    const version = Number(slot.meta.versionId);
    const { body } = await sim(ctx.root, 'POST', 'faults', { takeSlot: slot.id });
    assert.deepEqual(body.takenSlot, { id: slot.id, versionId: String(version + 1) });
    const now = await client.get(`Slot/${slot.id}`);
    assert.equal(now.body.status, 'busy');
    const late = await client.put(`Slot/${slot.id}`, { ...slot, status: 'busy' }, { 'If-Match': `W/"${version}"` });
    assert.equal(late.status, 412);
    assert.equal((await sim(ctx.root, 'POST', 'faults', { takeSlot: 'no-such-slot' })).status, 404);
  });

  it('re-seeds on reset', async () => {
    const created = await client.post('Patient', { resourceType: 'Patient', name: [{ text: '临时' }] });
    const { status, body } = await sim(ctx.root, 'POST', 'reset');
    assert.equal(status, 200);
    assert.ok(body.byType.Patient >= 100);
    assert.equal((await client.get(`Patient/${created.body.id}`)).status, 404);
    assert.equal((await client.get('Patient/pat-0001')).status, 200);
  });
});
