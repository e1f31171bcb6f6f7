import { addDays } from './clock.mjs';
import { makeName, mobile } from './names.mjs';
import { makeResidentId } from './resident-id.mjs';
import { SYS } from './systems.mjs';

const AREAS = [
  ['420102', '江岸区'], ['420103', '江汉区'], ['420104', '硚口区'],
  ['420105', '汉阳区'], ['420106', '武昌区'], ['420111', '洪山区'],
];
const STREETS = ['中山大道', '建设大道', '解放大道', '武珞路', '珞喻路', '汉阳大道', '沿江大道', '发展大道'];

export const PATIENT_COUNT = 150;

export function buildPatients(ctx) {
  const patients = [];
  for (let i = 1; i <= PATIENT_COUNT; i++) {
    patients.push(buildOne(ctx, i));
  }
  return patients;
}

function buildOne(ctx, n) {
  const { rng } = ctx;
  const gender = rng.chance(0.5) ? 'male' : 'female';
  const name = makeName(rng, gender);
  const age = n % 10 === 0 ? rng.int(1, 14) : rng.int(18, 88);
  const birthDate = addDays(`${Number(ctx.today.slice(0, 4)) - age}-01-01`, rng.int(0, 364));
  const [areaCode, district] = rng.pick(AREAS);
  const residentId = makeResidentId(areaCode, birthDate, rng.int(1, 998), gender);
  const street = rng.pick(STREETS);
  const line = `${street}${rng.int(1, 999)}号${rng.int(1, 30)}栋${rng.int(1, 6)}单元${rng.int(1, 32)}0${rng.int(1, 4)}室`;
  const patient = ctx.add({
    resourceType: 'Patient',
    id: `pat-${String(n).padStart(4, '0')}`,
    identifier: [
      {
        use: 'official',
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'NI', display: 'National unique individual identifier' }], text: '居民身份证' },
        system: SYS.residentId,
        value: residentId,
      },
      {
        use: 'usual',
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR', display: 'Medical record number' }], text: '病案号' },
        system: SYS.mrn,
        value: `JC${String(20000000 + n * 37).padStart(8, '0')}`,
      },
      { use: 'secondary', type: { text: '就诊卡号' }, system: SYS.visitCard, value: `8800${String(100000 + n * 13).padStart(8, '0')}` },
    ],
    active: true,
    name: [name],
    telecom: [{ system: 'phone', value: mobile(rng), use: 'mobile' }],
    gender,
    birthDate,
    address: [{ use: 'home', text: `湖北省江城市${district}${line}`, line: [line], city: '江城市', district, state: '湖北省', country: 'CN' }],
    maritalStatus: age >= 25 && rng.chance(0.8)
      ? { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', code: 'M', display: 'Married' }], text: '已婚' }
      : { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', code: 'S', display: 'Never Married' }], text: '未婚' },
    managingOrganization: { reference: 'Organization/org-jcsy' },
  });
  return { patient, gender, name: name.text, residentId };
}
