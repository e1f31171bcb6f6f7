import { addDays, addMinutes, instant, localDateTime } from './clock.mjs';
import { DIAGNOSES } from './catalog-clinical.mjs';
import { SYS, ref, refDisplay } from './systems.mjs';

const CLASS = {
  AMB: { system: SYS.actCode, code: 'AMB', display: 'ambulatory' },
  EMER: { system: SYS.actCode, code: 'EMER', display: 'emergency' },
  IMP: { system: SYS.actCode, code: 'IMP', display: 'inpatient encounter' },
};
const TYPE_TEXT = { AMB: '普通门诊', EMER: '急诊', IMP: '住院' };

/** One visit with its diagnosis. start/end are local Shanghai date-times. */
export function buildEncounter(ctx, { patient, doctor, kind, daysAgo, time, inProgress = false, stayDays = 0 }) {
  const visitSerial = ctx.serial('visit');
  const dept = doctor.dept;
  const date = addDays(ctx.today, -daysAgo);
  const start = localDateTime(date, time);
  const endDate = kind === 'IMP' ? addDays(date, stayDays) : date;
  const end = localDateTime(endDate, kind === 'IMP' ? '10:00' : addMinutes(time, 20));
  const [icd, diagnosis, complaint] = ctx.rng.pick(DIAGNOSES[dept.code] ?? DIAGNOSES.nk);
  const id = `enc-${String(visitSerial).padStart(5, '0')}`;
  const lastUpdated = inProgress ? instant(ctx.today, '00:00') : new Date(end).toISOString();
  const condition = ctx.add({
    resourceType: 'Condition',
    id: `cond-${id.slice(4)}`,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }], text: '诊断' }],
    code: { coding: [{ system: SYS.icd10, code: icd, display: diagnosis }], text: diagnosis },
    subject: ref(patient.patient),
    encounter: { reference: `Encounter/${id}` },
    recordedDate: start,
    recorder: ref(doctor.practitioner),
    meta: { lastUpdated: new Date(start).toISOString() },
  });
  const encounter = ctx.add({
    resourceType: 'Encounter',
    id,
    identifier: [{ system: SYS.visit, value: `${kind === 'IMP' ? 'ZY' : 'MZ'}${date.replaceAll('-', '')}${String(visitSerial).padStart(5, '0')}` }],
    status: inProgress ? 'in-progress' : 'finished',
    class: CLASS[kind],
    type: [{ text: TYPE_TEXT[kind] }],
    serviceType: { coding: [{ system: SYS.deptCode, code: dept.code, display: dept.name }] },
    subject: refDisplay(patient.patient, patient.name),
    participant: [{
      type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'ATND', display: 'attender' }] }],
      individual: refDisplay(doctor.practitioner, doctor.name),
    }],
    period: inProgress ? { start } : { start, end },
    reasonCode: [{ text: complaint }],
    diagnosis: [{ condition: ref(condition), rank: 1 }],
    location: [{ location: refDisplay(dept.location, dept.name), status: inProgress ? 'active' : 'completed' }],
    serviceProvider: ref(dept.campus.org),
    meta: { lastUpdated },
  });
  return { encounter, condition, patient, doctor, dept, date, start, end, kind, diagnosis };
}
