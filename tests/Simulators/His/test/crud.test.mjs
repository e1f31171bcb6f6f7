import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fhirClient, startHis } from '../support/harness.mjs';

const RESIDENT = 'urn:oid:2.16.156.10011.1.2';

describe('create, update, delete and transactions', () => {
  let ctx;
  let client;
  before(async () => {
    ctx = await startHis();
    client = await fhirClient(ctx.root);
  });
  after(() => ctx.stop());

  it('conditional create (If-None-Exist) twice returns the same patient', async () => {
    const patient = {
      resourceType: 'Patient',
      identifier: [{ system: RESIDENT, value: '11010519491231002X' }],
      name: [{ text: '赵建国', family: '赵', given: ['建国'] }],
      gender: 'male',
    };
    const headers = { 'If-None-Exist': `identifier=${RESIDENT}|11010519491231002X` };
    const first = await client.post('Patient', patient, headers);
    assert.equal(first.status, 201);
    assert.match(first.headers.get('location'), new RegExp(`/fhir/Patient/${first.body.id}/_history/1$`));
    const second = await client.post('Patient', patient, headers);
    assert.equal(second.status, 200);
    assert.equal(second.body.id, first.body.id);
    const search = await client.get(`Patient?identifier=${RESIDENT}|11010519491231002X`);
    assert.equal(search.body.total, 1);
  });

  it('versions updates and answers a stale If-Match with 412', async () => {
    const created = await client.post('Patient', { resourceType: 'Patient', name: [{ text: '钱芳' }] });
    const id = created.body.id;
    assert.equal(created.headers.get('etag'), 'W/"1"');
    const updated = await client.put(`Patient/${id}`, { ...created.body, gender: 'female' }, { 'If-Match': 'W/"1"' });
    assert.equal(updated.status, 200);
    assert.equal(updated.headers.get('etag'), 'W/"2"');
    assert.ok(updated.headers.get('last-modified'));
    const stale = await client.put(`Patient/${id}`, { ...created.body, gender: 'male' }, { 'If-Match': 'W/"1"' });
    assert.equal(stale.status, 412);
    assert.equal(stale.body.resourceType, 'OperationOutcome');
    const v1 = await client.get(`Patient/${id}/_history/1`);
    assert.equal(v1.body.gender, undefined);
    const history = await client.get(`Patient/${id}/_history`);
    assert.deepEqual(history.body.entry.map((e) => e.resource.meta.versionId), ['2', '1']);
    const notModified = await client.get(`Patient/${id}`, { 'If-None-Match': 'W/"2"' });
    assert.equal(notModified.status, 304);
  });

  it('rejects invalid resources with 400 and an OperationOutcome', async () => {
    const cases = [
      { resourceType: 'Patient', birthDate: '1990-13-45' },
      { resourceType: 'Patient', nickname: '小明' },
      { resourceType: 'Slot', status: 'free' },
      { resourceType: 'Observation', status: 'final', code: { text: '钾' }, valueQuantity: { value: '6.8' } },
      { resourceType: 'Patient', id: 'bad id!' },
    ];
    for (const resource of cases) {
      const { status, body } = await client.post(resource.resourceType, resource);
      assert.equal(status, 400, JSON.stringify(resource));
      assert.equal(body.resourceType, 'OperationOutcome');
      assert.equal(body.issue[0].severity, 'error');
    }
    assert.equal((await client.post('Patient', '{not json')).status, 400);
    assert.equal((await client.post('Patient', { resourceType: 'Observation', status: 'final', code: { text: 'x' } })).status, 400);
  });

  it('refuses bodies over 5 MB and bundles over 1000 entries with 413', async () => {
    const huge = { resourceType: 'Patient', name: [{ text: 'x'.repeat(5 * 1024 * 1024) }] };
    assert.equal((await client.post('Patient', huge)).status, 413);
    const entry = Array.from({ length: 1001 }, () => ({ request: { method: 'GET', url: 'Patient?_count=1' } }));
    const { status, body } = await client.post('', { resourceType: 'Bundle', type: 'batch', entry });
    assert.equal(status, 413);
    assert.equal(body.resourceType, 'OperationOutcome');
  });

  it('commits a transaction with urn:uuid references as a whole', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:8a1f2c10-0000-4000-8000-000000000001', resource: { resourceType: 'Patient', name: [{ text: '孙悦' }] }, request: { method: 'POST', url: 'Patient' } },
        { resource: { resourceType: 'Encounter', status: 'planned', class: { code: 'AMB' }, subject: { reference: 'urn:uuid:8a1f2c10-0000-4000-8000-000000000001' } }, request: { method: 'POST', url: 'Encounter' } },
      ],
    };
    const { status, body } = await client.post('', bundle);
    assert.equal(status, 200);
    assert.equal(body.type, 'transaction-response');
    assert.deepEqual(body.entry.map((e) => e.response.status), ['201', '201']);
    const encounter = body.entry[1].resource;
    assert.equal(encounter.subject.reference, `Patient/${body.entry[0].resource.id}`);
  });

  it('rolls a failing transaction back completely', async () => {
    const before = (await client.get('Patient?name=回滚&_count=0')).body.total;
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: { resourceType: 'Patient', name: [{ text: '回滚测试' }] }, request: { method: 'POST', url: 'Patient' } },
        { resource: { resourceType: 'Patient', id: 'pat-0002', name: [{ text: '改名' }] }, request: { method: 'PUT', url: 'Patient/pat-0002', ifMatch: 'W/"99"' } },
      ],
    };
    const { status } = await client.post('', bundle);
    assert.equal(status, 412);
    assert.equal((await client.get('Patient?name=回滚&_count=0')).body.total, before);
    assert.equal((await client.get('Patient/pat-0002')).headers.get('etag'), 'W/"1"');
  });

  it('books a slot through an Appointment and refuses a double booking with 409', async () => {
    const free = (await client.get('Slot?status=free&_count=1')).body.entry[0].resource;
    const appointment = (slotId) => ({
      resourceType: 'Appointment',
      status: 'booked',
      start: free.start,
      end: free.end,
      slot: [{ reference: `Slot/${slotId}` }],
      participant: [{ actor: { reference: 'Patient/pat-0003' }, status: 'accepted' }],
    });
    const booked = await client.post('Appointment', appointment(free.id));
    assert.equal(booked.status, 201);
    assert.equal((await client.get(`Slot/${free.id}`)).body.status, 'busy');
    const twice = await client.post('Appointment', appointment(free.id));
    assert.equal(twice.status, 409);
    const cancelled = await client.put(`Appointment/${booked.body.id}`, { ...booked.body, status: 'cancelled' });
    assert.equal(cancelled.status, 200);
    assert.equal((await client.get(`Slot/${free.id}`)).body.status, 'free');
  });

  it('books an exam slot for an order of the same patient and refuses another patient\'s order', async () => {
    const order = (await client.get('ServiceRequest?subject=Patient/pat-0001&code=MRI-HEAD')).body.entry[0].resource;
    const free = (await client.get('Slot?schedule=Schedule/sch-exam-mri-1&status=free&_count=1')).body.entry[0].resource;
    const exam = (patient) => ({
      resourceType: 'Appointment',
      status: 'booked',
      basedOn: [{ reference: `ServiceRequest/${order.id}` }],
      start: free.start,
      end: free.end,
      slot: [{ reference: `Slot/${free.id}` }],
      participant: [{ actor: { reference: patient }, status: 'accepted' }],
    });
    assert.equal((await client.post('Appointment', exam('Patient/pat-0009'))).status, 400);
    assert.equal((await client.get(`Slot/${free.id}`)).body.status, 'free');
    assert.equal((await client.post('Appointment', exam('Patient/pat-0001'))).status, 201);
    assert.equal((await client.get(`Slot/${free.id}`)).body.status, 'busy');
  });

  it('deletes a resource', async () => {
    const created = await client.post('Patient', { resourceType: 'Patient', name: [{ text: '删除' }] });
    assert.equal((await client.del(`Patient/${created.body.id}`)).status, 200);
    assert.equal((await client.get(`Patient/${created.body.id}`)).status, 404);
  });
});
