import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shanghaiDate, addDays } from '../seed/clock.mjs';
import { fhirClient, startHis } from '../support/harness.mjs';

describe('search', () => {
  let ctx;
  let client;
  before(async () => {
    ctx = await startHis();
    client = await fhirClient(ctx.root);
  });
  after(() => ctx.stop());

  it('finds slots of one morning with start=ge/lt (literal + in the offset)', async () => {
    const day = addDays(shanghaiDate(), 2);
    const from = `${day}T08:00:00+08:00`;
    const to = `${day}T12:00:00+08:00`;
    const { status, body } = await client.get(`Slot?start=ge${from}&start=lt${to}&_sort=start&_count=1000`);
    assert.equal(status, 200);
    assert.equal(body.type, 'searchset');
    assert.ok(body.total > 0, 'some doctor works that morning');
    const starts = body.entry.map((e) => Date.parse(e.resource.start));
    assert.ok(starts.every((s) => s >= Date.parse(from) && s < Date.parse(to)));
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    const encoded = await client.get(`Slot?start=ge${encodeURIComponent(from)}&start=lt${encodeURIComponent(to)}&_count=0`);
    assert.equal(encoded.body.total, body.total);
  });

  it('pages with _count and a next link', async () => {
    const first = await client.get('Slot?status=free&_count=20');
    assert.equal(first.body.entry.length, 20);
    const next = first.body.link.find((l) => l.relation === 'next');
    assert.ok(next, 'next link');
    const second = await client.get(next.url.slice(`${ctx.base}/`.length));
    assert.equal(second.body.entry.length, 20);
    assert.notEqual(second.body.entry[0].resource.id, first.body.entry[0].resource.id);
    assert.ok(second.body.link.some((l) => l.relation === 'previous'));
  });

  it('searches by chained reference and includes the schedule', async () => {
    const { body } = await client.get('Slot?schedule.actor=Practitioner/prac-001&_include=Slot:schedule&_count=5');
    const slots = body.entry.filter((e) => e.search.mode === 'match');
    const included = body.entry.filter((e) => e.search.mode === 'include');
    assert.ok(slots.length > 0);
    assert.ok(slots.every((e) => e.resource.schedule.reference === 'Schedule/sch-001'));
    assert.deepEqual(included.map((e) => e.resource.id), ['sch-001']);
  });

  it('finds a patient by resident ID and their lab results by Patient/<id>', async () => {
    const patient = (await client.get('Patient/pat-0001')).body;
    const residentId = patient.identifier.find((i) => i.system === 'urn:oid:2.16.156.10011.1.2').value;
    const found = await client.get(`Patient?identifier=urn:oid:2.16.156.10011.1.2|${residentId}`);
    assert.equal(found.body.total, 1);
    const reports = await client.get('DiagnosticReport?subject=Patient/pat-0001&category=LAB&_include=DiagnosticReport:result');
    const potassium = reports.body.entry
      .map((e) => e.resource)
      .find((r) => r.resourceType === 'Observation' && r.code.coding[0].code === '2823-3');
    assert.equal(potassium.valueQuantity.value, 6.8);
    assert.equal(potassium.valueQuantity.unit, 'mmol/L');
    assert.equal(potassium.interpretation[0].coding[0].code, 'HH');
  });

  it('filters by _lastUpdated', async () => {
    const all = await client.get('Observation?_count=0');
    const old = await client.get(`Observation?_lastUpdated=lt${addDays(shanghaiDate(), -30)}&_count=0`);
    assert.ok(old.body.total > 0 && old.body.total < all.body.total);
    const created = await client.post('Patient', { resourceType: 'Patient', name: [{ text: '新患者' }] });
    const since = new Date(Date.parse(created.body.meta.lastUpdated) - 1000).toISOString();
    const recent = await client.get(`Patient?_lastUpdated=ge${since}`);
    assert.deepEqual(recent.body.entry.map((e) => e.resource.id), [created.body.id]);
  });

  it('rejects an unknown search parameter under Prefer: handling=strict, ignores it otherwise', async () => {
    const strict = await client.get('Patient?nonsense=1&_count=1', { Prefer: 'handling=strict' });
    assert.equal(strict.status, 400);
    assert.equal(strict.body.resourceType, 'OperationOutcome');
    const lenient = await client.get('Patient?nonsense=1&_count=1');
    assert.equal(lenient.status, 200);
    const known = await client.get('Patient?gender=female&birthdate=ge1950-01-01&_count=1', { Prefer: 'handling=strict' });
    assert.equal(known.status, 200);
  });
});
