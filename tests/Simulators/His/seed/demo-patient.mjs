import { createRng } from './prng.mjs';
import { buildEncounter } from './encounters.mjs';
import { buildLabReport } from './lab.mjs';
import { buildMedicationRequests } from './medications.mjs';
import { buildDemoMedications } from './demo-medications.mjs';
import { buildInpatientAccount, buildOutpatientInvoice } from './billing.mjs';
import { SYS } from './systems.mjs';
import { buildDemoRecords } from './demo-records.mjs';

/**
 * 张三, the patient of the platform's Development demo account (Identity:DemoAccounts, 110101199003071233): the hospital
 * already knows him, so registering the demo account links him here and the demo has something to pay — yesterday's
 * morning's 内科 bill (待缴费) and the deposit of his admission to 消化内科 that afternoon. Built last, on a PRNG stream of its own, so
 * every other id and value of the seed is what it was.
 */
export const DEMO_PATIENT = { id: 'pat-0151', name: '张三', residentId: '110101199003071233' };

export function buildDemoPatient(ctx, doctors, seed) {
  const own = { ...ctx, rng: createRng(seed ^ 0x5eed0151) };
  const patient = ctx.add({
    resourceType: 'Patient',
    id: DEMO_PATIENT.id,
    identifier: [
      {
        use: 'official',
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'NI', display: 'National unique individual identifier' }], text: '居民身份证' },
        system: SYS.residentId,
        value: DEMO_PATIENT.residentId,
      },
      {
        use: 'usual',
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR', display: 'Medical record number' }], text: '病案号' },
        system: SYS.mrn,
        value: 'JC20009999',
      },
    ],
    active: true,
    name: [{ use: 'official', text: DEMO_PATIENT.name, family: '张', given: ['三'] }],
    telecom: [{ system: 'phone', value: '13800000001', use: 'mobile' }],
    gender: 'male',
    birthDate: '1990-03-07',
    address: [{ use: 'home', text: '湖北省江城市江岸区解放大道100号', line: ['解放大道100号'], city: '江城市', district: '江岸区', state: '湖北省', country: 'CN' }],
    managingOrganization: { reference: 'Organization/org-jcsy' },
  });
  const who = { patient, name: DEMO_PATIENT.name, gender: 'male' };
  const of = (code) => doctors.filter((d) => d.dept.code === code);

  const clinic = buildEncounter(own, { patient: who, doctor: of('nk')[0], kind: 'AMB', daysAgo: 1, time: '09:00' });
  buildLabReport(own, clinic, 'CBC', { status: 'final', labStaff: own.rng.pick(of('jyk')) });
  const medications = buildMedicationRequests(own, clinic);
  const bill = buildOutpatientInvoice(own, clinic, { labPanels: ['CBC'], imaging: [], medications, unpaid: true });

  const ward = buildEncounter(own, { patient: who, doctor: of('xhnk')[0], kind: 'IMP', daysAgo: 1, time: '15:00', inProgress: true });
  ward.encounter.hospitalization = { admitSource: { text: '门诊收入' } };
  ward.encounter.location[0].location.display = '消化内科病区 12床';
  const { account } = buildInpatientAccount(own, ward, { stayDays: 1, discharged: false });
  ward.encounter.account = [{ reference: `Account/${account.id}` }];
  buildDemoMedications(own, clinic, ward, medications);
  buildDemoRecords(ctx, doctors, seed, who, clinic);
  return { patient, invoice: bill, account };
}
