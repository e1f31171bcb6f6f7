import { SYS, ref } from './systems.mjs';
import { BUILDINGS, CAMPUSES, DEPARTMENTS } from './catalog-departments.mjs';

const HOSPITAL_NAME = '江城市第一人民医院';

export function buildHospital(ctx) {
  const hospital = {
    resourceType: 'Organization',
    id: 'org-jcsy',
    identifier: [{ system: SYS.orgCode, value: '42010219500001' }],
    active: true,
    type: [{
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov', display: 'Healthcare Provider' }],
      text: '三级甲等综合医院',
    }],
    name: HOSPITAL_NAME,
    alias: ['江城一院', '江城市第一医院'],
    telecom: [
      { system: 'phone', value: '027-82211000', use: 'work' },
      { system: 'email', value: 'office@jcsy.example' },
      { system: 'url', value: 'http://www.jcsy.example' },
    ],
    address: [{ use: 'work', text: '湖北省江城市江岸区解放大道1095号', line: ['解放大道1095号'], city: '江城市', district: '江岸区', state: '湖北省', postalCode: '430014', country: 'CN' }],
    extension: [
      { url: SYS.ext('hospital-grade'), valueString: '三级甲等' },
      { url: SYS.ext('founded'), valueString: '1952' },
      { url: SYS.ext('bed-count'), valueInteger: 3200 },
    ],
  };
  ctx.add(hospital);

  const campuses = {};
  for (const c of CAMPUSES) {
    const org = ctx.add({
      resourceType: 'Organization',
      id: `org-jcsy-${c.key}`,
      active: true,
      type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov' }], text: '院区' }],
      name: `${HOSPITAL_NAME}${c.name}`,
      telecom: [{ system: 'phone', value: c.phone, use: 'work' }],
      address: [{ text: `湖北省江城市${c.district}${c.line}`, line: [c.line], city: '江城市', district: c.district, state: '湖北省', postalCode: c.postalCode, country: 'CN' }],
      partOf: { ...ref(hospital), display: HOSPITAL_NAME },
    });
    const site = ctx.add({
      resourceType: 'Location',
      id: `loc-${c.key}`,
      status: 'active',
      name: c.name,
      mode: 'instance',
      physicalType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/location-physical-type', code: 'si', display: 'Site' }] },
      telecom: [{ system: 'phone', value: c.phone }],
      address: org.address[0],
      position: c.position,
      managingOrganization: ref(org),
    });
    const buildings = {};
    for (const [i, b] of BUILDINGS.entries()) {
      buildings[b] = ctx.add({
        resourceType: 'Location',
        id: `loc-${c.key}-b${i + 1}`,
        status: 'active',
        name: `${c.name}${b}`,
        mode: 'instance',
        physicalType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/location-physical-type', code: 'bu', display: 'Building' }] },
        managingOrganization: ref(org),
        partOf: ref(site),
      });
    }
    campuses[c.key] = { org, site, buildings, info: c };
  }

  const departments = DEPARTMENTS.map((d) => buildDepartment(ctx, d, campuses[d.campus]));
  return { hospital, campuses, departments };
}

function buildDepartment(ctx, d, campus) {
  const where = `${campus.info.name}${d.building}${d.floor}楼`;
  const location = ctx.add({
    resourceType: 'Location',
    id: `loc-dept-${d.code}`,
    status: 'active',
    name: d.name,
    alias: [`${d.name}${d.kind === 'tech' ? '' : '门诊'}`],
    description: `${where}（${d.building}${d.floor}层）`,
    mode: 'instance',
    physicalType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/location-physical-type', code: 'wi', display: 'Wing' }] },
    address: { text: `${campus.info.line} ${d.building}${d.floor}层`, line: [campus.info.line, `${d.building}${d.floor}层`], city: '江城市', district: campus.info.district, state: '湖北省', country: 'CN' },
    managingOrganization: ref(campus.org),
    partOf: ref(campus.buildings[d.building]),
    extension: [
      { url: SYS.ext('building'), valueString: d.building },
      { url: SYS.ext('floor'), valueInteger: d.floor },
    ],
  });
  const hours = d.kind === 'emergency'
    ? [{ allDay: true, daysOfWeek: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] }]
    : [
      { daysOfWeek: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], availableStartTime: '08:00:00', availableEndTime: '12:00:00' },
      { daysOfWeek: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], availableStartTime: '14:00:00', availableEndTime: '17:30:00' },
    ];
  const service = ctx.add({
    resourceType: 'HealthcareService',
    id: `hs-${d.code}`,
    active: true,
    providedBy: ref(campus.org),
    category: [{ text: d.kind === 'tech' ? '医技科室' : d.kind === 'emergency' ? '急诊' : '临床科室' }],
    type: [{ coding: [{ system: SYS.deptCode, code: d.code, display: d.name }], text: d.name }],
    specialty: [{ coding: [{ system: SYS.deptCode, code: d.code, display: d.name }], text: d.expertise.join('、') }],
    location: [ref(location)],
    name: d.name,
    comment: `${d.name}位于${where}，特色诊疗：${d.expertise.join('、')}。`,
    telecom: [{ system: 'phone', value: `${campus.info.phone.slice(0, -3)}${String(100 + d.floor * 10 + d.code.length).slice(-3)}` }],
    appointmentRequired: d.kind === 'clinical',
    availableTime: hours,
  });
  return { ...d, location, service, campus };
}
