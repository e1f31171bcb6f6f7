import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fhirClient, startHis } from '../support/harness.mjs';

const DEPT = 'http://his.jcsy.example/CodeSystem/department';

/** An added session (加诊) as the platform sends it: one transaction with the Schedule and its Slots. */
function sessionBundle(practitioner, date, times) {
  const schedule = 'urn:uuid:5b0c6e2a-0000-4000-8000-000000000001';
  const service = [{ coding: [{ system: DEPT, code: 'nk' }] }];
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: schedule,
        resource: {
          resourceType: 'Schedule',
          identifier: [{ system: 'http://platform.jcsy.example/sid/session-request', value: `req-${date}-${times[0]}` }],
          active: true,
          serviceType: service,
          actor: [{ reference: `Practitioner/${practitioner}` }],
          comment: '加诊',
        },
        request: { method: 'POST', url: 'Schedule' },
      },
      ...times.map(([start, end], i) => ({
        fullUrl: `urn:uuid:5b0c6e2a-0000-4000-8000-00000000010${i}`,
        resource: {
          resourceType: 'Slot',
          schedule: { reference: schedule },
          status: 'free',
          serviceType: service,
          start: `${date}T${start}:00+08:00`,
          end: `${date}T${end}:00+08:00`,
        },
        request: { method: 'POST', url: 'Slot' },
      })),
    ],
  };
}

describe('added sessions (加诊)', () => {
  let ctx;
  let client;
  before(async () => {
    ctx = await startHis();
    client = await fhirClient(ctx.root);
  });
  after(() => ctx.stop());

  it('creates the schedule and its slots in one transaction, the slots referencing the new schedule', async () => {
    const practitioner = 'prac-010';
    const { status, body } = await client.post('', sessionBundle(practitioner, '2099-03-02', [['08:00', '08:15'], ['08:15', '08:30']]));
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual(body.entry.map((e) => e.response.status), ['201', '201', '201']);
    const scheduleId = body.entry[0].resource.id;
    const slots = await client.get(`Slot?schedule=Schedule/${scheduleId}`);
    assert.equal(slots.body.total, 2);
    assert.ok(slots.body.entry.every((e) => e.resource.status === 'free'));
  });

  it('refuses a session that clashes with the doctor\'s timetable and creates nothing', async () => {
    const seeded = await client.get('Slot?schedule=Schedule/sch-010&status=free&_sort=start&_count=1');
    const clash = seeded.body.entry[0].resource;
    const [date, time] = [clash.start.slice(0, 10), clash.start.slice(11, 16)];
    const schedulesBefore = (await client.get('Schedule?_count=0')).body.total;
    const { status, body } = await client.post('', sessionBundle('prac-010', date, [[time, clash.end.slice(11, 16)]]));
    assert.equal(status, 409);
    assert.match(body.issue[0].details.text, /已有出诊/);
    assert.equal((await client.get('Schedule?_count=0')).body.total, schedulesBefore);
  });

  it('refuses a practitioner the hospital does not have', async () => {
    const { status, body } = await client.post('', sessionBundle('prac-nobody', '2099-03-03', [['14:00', '14:15']]));
    assert.equal(status, 400);
    assert.match(body.issue[0].details.text, /不存在/);
  });
});
