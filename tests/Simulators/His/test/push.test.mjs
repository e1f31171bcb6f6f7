import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { fhirClient, sim, startHis, startReceiver } from '../support/harness.mjs';

const SECRET = 'test-push-secret';

function verify(raw, header) {
  const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`);
  const given = Buffer.from(header ?? '');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

describe('$sim/push', () => {
  let ctx;
  let receiver;
  let client;
  before(async () => {
    receiver = await startReceiver();
    ctx = await startHis({ pushUrl: receiver.url, pushSecret: SECRET });
    client = await fhirClient(ctx.root);
  });
  after(async () => {
    await ctx.stop();
    await receiver.stop();
  });

  it('pushes a critical value signed with HMAC-SHA256 of the body', async () => {
    const { status, body } = await sim(ctx.root, 'POST', 'push', { type: 'critical-value', observationId: 'obs-00001-1' });
    assert.equal(status, 200);
    assert.equal(body.delivered, true);
    const [hit] = await receiver.waitFor((r) => r.headers['x-his-delivery'] === body.event.id);
    assert.ok(verify(hit.raw, hit.headers['x-his-signature']), 'signature verifies');
    assert.ok(!verify(Buffer.concat([hit.raw, Buffer.from(' ')]), hit.headers['x-his-signature']), 'tampered body fails');
    assert.equal(hit.headers['x-his-event'], 'critical-value');
    const event = JSON.parse(hit.raw.toString('utf8'));
    assert.equal(event.data.value, 6.8);
    assert.equal(event.data.unit, 'mmol/L');
    assert.equal(event.data.interpretation, 'HH');
    assert.equal(event.data.patient, 'Patient/pat-0001');
  });

  it('stops a clinic: the HIS blocks the session slots and says which were booked', async () => {
    const { body } = await sim(ctx.root, 'POST', 'push', { type: 'stop-clinic', scheduleId: 'sch-001', reason: '外出会诊' });
    assert.equal(body.delivered, true);
    assert.ok(body.event.data.affectedSlots.length > 0);
    const slot = await client.get(`Slot/${body.event.data.affectedSlots[0]}`);
    assert.equal(slot.body.status, 'busy-unavailable');
  });

  it('admits and discharges a patient', async () => {
    const admitted = await sim(ctx.root, 'POST', 'push', { type: 'admission', patientId: 'pat-0020', departmentCode: 'hxnk', deposit: 8000 });
    const encounterRef = admitted.body.event.data.encounter;
    assert.equal((await client.get(encounterRef)).body.status, 'in-progress');
    const discharged = await sim(ctx.root, 'POST', 'push', { type: 'discharge', encounterId: encounterRef.split('/')[1] });
    assert.equal(discharged.body.event.data.depositBalance, 8000);
    assert.equal((await client.get(encounterRef)).body.status, 'finished');
  });

  it('sends report-ready and slot-changed, and rejects unknown types', async () => {
    const report = await sim(ctx.root, 'POST', 'push', { type: 'report-ready', reportId: 'dr-img-00001' });
    assert.equal(report.body.event.data.report, 'DiagnosticReport/dr-img-00001');
    const free = (await client.get('Slot?status=free&_count=1')).body.entry[0].resource;
    const changed = await sim(ctx.root, 'POST', 'push', { type: 'slot-changed', slotId: free.id });
    assert.equal(changed.body.event.data.status, 'busy');
    assert.equal((await sim(ctx.root, 'POST', 'push', { type: 'earthquake' })).status, 400);
  });
});
