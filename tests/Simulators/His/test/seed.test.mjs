import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateResource } from '@medplum/core';
import { buildSeed } from '../seed/index.mjs';
import { isValidResidentId, residentIdCheckChar } from '../seed/resident-id.mjs';
import { loadFhirDefinitions } from '../src/fhir-definitions.mjs';

const TODAY = '2025-03-03'; // a Monday

describe('seed', () => {
  const seed = buildSeed({ today: TODAY });
  const of = (type) => seed.resources.filter((r) => r.resourceType === type);

  it('is deterministic for the same seed and date, different for another seed', () => {
    assert.equal(JSON.stringify(buildSeed({ today: TODAY }).resources), JSON.stringify(seed.resources));
    assert.notEqual(JSON.stringify(buildSeed({ today: TODAY, seed: 7 }).resources), JSON.stringify(seed.resources));
  });

  it('computes GB 11643 check characters', () => {
    assert.equal(residentIdCheckChar('11010519491231002'), 'X');
    assert.equal(residentIdCheckChar('44052418800101001'), '4');
    assert.ok(!isValidResidentId('110105194912310021'));
    for (const patient of of('Patient')) {
      const id = patient.identifier.find((i) => i.system === 'urn:oid:2.16.156.10011.1.2').value;
      assert.ok(isValidResidentId(id), id);
      assert.equal(id.slice(6, 14), patient.birthDate.replaceAll('-', ''));
      assert.equal(Number(id[16]) % 2 === 1, patient.gender === 'male');
      assert.match(patient.name[0].text, /^[\u4e00-\u9fa5]{2,3}$/);
    }
  });

  it('has the hospital, two campuses, 20+ departments and 60+ doctors', () => {
    const hospital = of('Organization').find((o) => o.id === 'org-jcsy');
    assert.equal(hospital.name, '江城市第一人民医院');
    assert.equal(of('Organization').filter((o) => o.partOf?.reference === 'Organization/org-jcsy').length, 2);
    assert.ok(of('HealthcareService').length >= 20);
    assert.ok(of('Practitioner').length >= 60);
    const titles = new Set(of('PractitionerRole').map((r) => r.code[0].text));
    assert.deepEqual([...titles].sort(), ['主任医师', '主治医师', '住院医师', '副主任医师'].sort());
  });

  it('lays out four weeks of 15-minute slots within clinic hours, some busy', () => {
    const slots = of('Slot').filter((s) => !s.id.startsWith('slot-exam-'));
    const last = slots.map((s) => s.start).sort().at(-1);
    assert.ok(last >= '2025-03-29' && last < '2025-03-31', last);
    assert.ok(slots.map((s) => s.start).sort()[0].startsWith(TODAY));
    for (const slot of slots) {
      const time = slot.start.slice(11, 16);
      assert.ok((time >= '08:00' && time < '12:00') || (time >= '14:00' && time < '17:30'), time);
      assert.equal(Date.parse(slot.end) - Date.parse(slot.start), 15 * 60 * 1000);
      assert.ok(slot.start.endsWith('+08:00'));
      assert.notEqual(new Date(`${slot.start.slice(0, 10)}T00:00:00Z`).getUTCDay(), 0, 'no Sunday clinics');
    }
    assert.ok(slots.some((s) => s.status === 'busy') && slots.some((s) => s.status === 'free'));
  });

  it('has exam rooms with two weeks of slots and open orders with preparation notes', () => {
    const examSchedules = of('Schedule').filter((s) => s.id.startsWith('sch-exam-'));
    assert.deepEqual(examSchedules.map((s) => s.id).sort(), ['sch-exam-blood-1', 'sch-exam-ct-1', 'sch-exam-mri-1', 'sch-exam-us-1', 'sch-exam-us-2']);
    assert.ok(examSchedules.every((s) => s.actor.some((a) => a.reference.startsWith('Location/loc-exam-'))
      && !s.actor.some((a) => a.reference.startsWith('Practitioner/'))));
    const slots = of('Slot').filter((s) => s.id.startsWith('slot-exam-'));
    const minutes = (id) => new Set(slots.filter((s) => s.schedule.reference === `Schedule/${id}`)
      .map((s) => (Date.parse(s.end) - Date.parse(s.start)) / 60000));
    assert.deepEqual([...minutes('sch-exam-mri-1')], [30]);
    assert.deepEqual([...minutes('sch-exam-ct-1')], [15]);
    const firstDraw = slots.filter((s) => s.schedule.reference === 'Schedule/sch-exam-blood-1' && s.start === `${TODAY}T07:30:00+08:00`);
    assert.equal(firstDraw.length, 4, 'several blood-draw units per window');
    const days = new Set(slots.map((s) => s.start.slice(0, 10)));
    assert.equal(days.size, 14);
    const orders = of('ServiceRequest');
    const showcase = orders.filter((o) => o.subject.reference === 'Patient/pat-0001').map((o) => o.code.text);
    assert.deepEqual(showcase, ['空腹血糖', '腹部超声（肝胆胰脾）', '胸部CT平扫', '头颅磁共振平扫']);
    assert.ok(orders.every((o) => o.status === 'active' && o.patientInstruction && o.performer[0].reference.startsWith('HealthcareService/hs-exam-')));
    assert.match(orders.find((o) => o.code.text === '空腹血糖').patientInstruction, /空腹8小时/);
    assert.match(orders.find((o) => o.code.text === '头颅磁共振平扫').patientInstruction, /去除金属物品/);
  });

  it('contains normal, abnormal and critical lab values, imaging reports, prescriptions and bills', () => {
    const flags = new Set(of('Observation').map((o) => o.interpretation[0].coding[0].code));
    assert.deepEqual([...flags].sort(), ['H', 'HH', 'L', 'LL', 'N']);
    assert.ok(of('DiagnosticReport').some((r) => r.imagingStudy && r.conclusion));
    assert.ok(of('MedicationRequest').every((m) => m.dosageInstruction[0].text));
    assert.ok(of('Account').some((a) => a.extension.some((e) => e.url.endsWith('/deposit-balance'))));
    assert.ok(of('Invoice').length > 0 && of('ChargeItem').length > 0);
  });

  it('leaves the showcase patients a recent bill to pay, and inpatients an active deposit account', () => {
    for (const patient of ['Patient/pat-0001', 'Patient/pat-0002']) {
      const unpaid = of('Invoice').filter((i) => i.subject.reference === patient && i.status === 'issued');
      assert.equal(unpaid.length, 1, patient);
      assert.ok(unpaid[0].date >= '2025-03-01' && unpaid[0].paymentTerms === '待缴费', patient);
      const fen = (m) => Math.round(m.value * 100);
      assert.equal(fen(unpaid[0].totalGross), unpaid[0].lineItem.reduce((sum, l) => sum + fen(l.priceComponent[0].amount), 0));
    }
    const active = of('Account').filter((a) => a.status === 'active');
    assert.equal(active.length, 9);
    assert.ok(active.every((a) => a.extension.find((e) => e.url.endsWith('/deposit-total')).valueMoney.value > 0));
  });

  it('knows 张三, the platform demo account\'s patient, with a bill to pay and a deposit account', () => {
    const { patient, unpaidInvoice, depositAccount } = seed.showcase.demoPatient;
    const zhangSan = of('Patient').find((p) => p.id === patient);
    assert.equal(zhangSan.name[0].text, '张三');
    assert.equal(zhangSan.identifier[0].value, '110101199003071233');
    const invoice = of('Invoice').find((i) => i.id === unpaidInvoice);
    assert.equal(invoice.status, 'issued');
    assert.equal(invoice.subject.reference, `Patient/${patient}`);
    const account = of('Account').find((a) => a.id === depositAccount);
    assert.equal(account.status, 'active');
    assert.equal(account.subject[0].reference, `Patient/${patient}`);
  });

  it('gives 张三 a penicillin allergy, an amoxicillin prescription that conflicts with it and discharge medication', () => {
    const mine = (r) => (r.subject ?? r.patient)?.reference === 'Patient/pat-0151';
    assert.equal(of('AllergyIntolerance').filter(mine)[0].code.text, '青霉素类');
    const requests = of('MedicationRequest').filter(mine);
    assert.ok(requests.some((m) => m.medicationCodeableConcept.coding[0].code === 'YP1101'));
    assert.deepEqual(requests.filter((m) => m.category[0].coding[0].code === 'discharge').map((m) => m.medicationCodeableConcept.text),
      ['奥美拉唑肠溶胶囊', '氯吡格雷片']);
    assert.ok(of('MedicationDispense').filter(mine).every((d) => d.status === 'completed'));
  });

  it('is valid FHIR R4 throughout', () => {
    loadFhirDefinitions();
    const invalid = [];
    for (const resource of seed.resources) {
      try {
        validateResource(JSON.parse(JSON.stringify(resource)));
      } catch (err) {
        invalid.push(`${resource.resourceType}/${resource.id}: ${err.message}`);
      }
    }
    assert.deepEqual(invalid, []);
  });
});
