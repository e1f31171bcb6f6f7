import { makeName } from './names.mjs';
import { SYS, ref } from './systems.mjs';

export const TITLES = [
  { code: 'zrys', name: '主任医师', fee: 50, sessionsPerWeek: 2 },
  { code: 'fzrys', name: '副主任医师', fee: 30, sessionsPerWeek: 3 },
  { code: 'zzys', name: '主治医师', fee: 15, sessionsPerWeek: 4 },
  { code: 'zyys', name: '住院医师', fee: 10, sessionsPerWeek: 4 },
];

const STAFF_PER_KIND = { clinical: 3, emergency: 3, tech: 2 };

export function buildPractitioners(ctx, departments) {
  const doctors = [];
  let serial = 1;
  for (const dept of departments) {
    const count = STAFF_PER_KIND[dept.kind] + (dept.code === 'xxgnk' || dept.code === 'nk' ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const title = i === 0 ? TITLES[0] : ctx.rng.pick(TITLES.slice(1));
      doctors.push(buildOne(ctx, dept, title, serial++));
    }
  }
  return doctors;
}

function buildOne(ctx, dept, title, serial) {
  const { rng } = ctx;
  const gender = rng.chance(0.55) ? 'male' : 'female';
  const name = makeName(rng, gender);
  const staffNo = `D${String(1000 + serial)}`;
  const expertise = rng.sample(dept.expertise, 2).join('、');
  const years = { zrys: 25, fzrys: 16, zzys: 9, zyys: 3 }[title.code] + rng.int(0, 6);
  const intro = `${name.text}，${title.name}，从事${dept.name}临床工作${years}年，擅长${expertise}。`;
  const practitioner = ctx.add({
    resourceType: 'Practitioner',
    id: `prac-${String(serial).padStart(3, '0')}`,
    identifier: [{ system: SYS.staff, value: staffNo }],
    active: true,
    name: [name],
    gender,
    qualification: [{
      identifier: [{ system: `${SYS.staff}/license`, value: `1104201${String(10000000 + serial * 7919).slice(-8)}` }],
      code: { coding: [{ system: SYS.title, code: title.code, display: title.name }], text: title.name },
    }],
    extension: [{ url: SYS.ext('introduction'), valueString: intro }],
  });
  const role = ctx.add({
    resourceType: 'PractitionerRole',
    id: `role-${String(serial).padStart(3, '0')}`,
    active: true,
    practitioner: { ...ref(practitioner), display: name.text },
    organization: ref(dept.campus.org),
    code: [{ coding: [{ system: SYS.title, code: title.code, display: title.name }], text: title.name }],
    specialty: [{ coding: [{ system: SYS.deptCode, code: dept.code, display: dept.name }], text: `擅长：${expertise}` }],
    location: [ref(dept.location)],
    healthcareService: [ref(dept.service)],
    extension: [
      { url: SYS.ext('registration-fee'), valueMoney: { value: title.fee, currency: 'CNY' } },
      { url: SYS.ext('expertise'), valueString: expertise },
    ],
  });
  return { practitioner, role, dept, title, name: name.text, gender };
}
