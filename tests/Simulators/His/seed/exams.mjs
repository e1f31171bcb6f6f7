import { addDays, addMinutes, compact, instant, localDateTime } from './clock.mjs';
import { createRng } from './prng.mjs';
import { SYS, ref } from './systems.mjs';

/** Exams and tests are booked for the next two weeks, every day (the 医技楼 works weekends too). */
export const EXAM_HORIZON_DAYS = 14;

const FASTING = '检查前空腹8小时（前一晚22点后不再进食，可少量饮水），请于上午完成';

/**
 * Exam services (HealthcareService, typed by the exam-service code system, not as departments) and their rooms
 * (Location + Schedule). units: HIS slots per window (the blood-draw window has several nurses).
 */
export const EXAM_SERVICES = [
  {
    code: 'blood', name: '门诊采血', dept: 'jyk', minutes: 15, units: 4, category: 'lab',
    hours: [['07:30', '11:30'], ['14:00', '16:30']],
    rooms: [['blood-1', '采血窗口', '医技楼2层 门诊采血处']],
  },
  {
    code: 'us', name: '超声检查', dept: 'csk', minutes: 15, units: 1, category: 'imaging',
    hours: [['08:00', '12:00'], ['14:00', '17:30']],
    rooms: [['us-1', '超声1室', '医技楼3层 301'], ['us-2', '超声2室', '医技楼3层 302']],
  },
  {
    code: 'ct', name: 'CT检查', dept: 'fsk', minutes: 15, units: 1, category: 'imaging',
    hours: [['08:00', '12:00'], ['14:00', '17:30']],
    rooms: [['ct-1', 'CT室', '医技楼1层 105']],
  },
  {
    code: 'mri', name: '磁共振检查', dept: 'fsk', minutes: 30, units: 1, category: 'imaging',
    hours: [['08:00', '12:00'], ['14:00', '17:30']],
    rooms: [['mri-1', '磁共振室', '医技楼1层 110']],
  },
];

/** What doctors order: item code, name, the service that performs it, fasting, preparation notes. */
export const EXAM_ITEMS = [
  { code: 'GLU', name: '空腹血糖', service: 'blood', fasting: true, prep: FASTING },
  { code: 'LIPID', name: '血脂四项', service: 'blood', fasting: true, prep: FASTING },
  { code: 'CBC', name: '血常规', service: 'blood', fasting: false, prep: '无需空腹，采血后按压针眼5分钟' },
  { code: 'US-ABD', name: '腹部超声（肝胆胰脾）', service: 'us', fasting: true, prep: `${FASTING}；检查前一晚清淡饮食` },
  { code: 'US-THY', name: '甲状腺超声', service: 'us', fasting: false, prep: '无需空腹，请穿低领上衣' },
  { code: 'CT-CHEST', name: '胸部CT平扫', service: 'ct', fasting: false, prep: '去除颈胸部金属饰品（项链、带金属扣的内衣等）' },
  { code: 'MRI-HEAD', name: '头颅磁共振平扫', service: 'mri', fasting: false,
    prep: '去除金属物品（手表、钥匙、发卡、活动义齿、银行卡等）；体内有心脏起搏器或金属植入物请提前告知医生' },
  { code: 'MRI-LSPINE', name: '腰椎磁共振平扫', service: 'mri', fasting: false,
    prep: '去除金属物品（手表、钥匙、腰带、银行卡等）；体内有金属植入物请提前告知医生' },
];

/** pat-0001 has one of each kind, so demos and acceptance tests have a full day to plan. */
const SHOWCASE = { 'pat-0001': ['GLU', 'US-ABD', 'CT-CHEST', 'MRI-HEAD'], 'pat-0002': ['CBC', 'US-THY', 'MRI-LSPINE'] };
const ORDERED_PATIENTS = 24;

/**
 * Exam rooms with two weeks of slots, and open orders (ServiceRequest) for the first patients. Uses its own PRNG
 * stream so the rest of the hospital stays byte-identical to earlier seeds.
 */
export function buildExams(ctx, hospital, doctors, patients, seed) {
  const rng = createRng(seed ^ 0x5eed0e8a);
  const counts = { schedules: 0, slots: 0, orders: 0 };
  const services = {};
  for (const def of EXAM_SERVICES) {
    const dept = hospital.departments.find((d) => d.code === def.dept);
    const rooms = def.rooms.map(([key, name, where]) => ctx.add({
      resourceType: 'Location',
      id: `loc-exam-${key}`,
      status: 'active',
      name,
      description: `${dept.campus.info.name}${where}`,
      mode: 'instance',
      physicalType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/location-physical-type', code: 'ro', display: 'Room' }] },
      managingOrganization: ref(dept.campus.org),
      partOf: ref(dept.location),
    }));
    const service = ctx.add({
      resourceType: 'HealthcareService',
      id: `hs-exam-${def.code}`,
      active: true,
      providedBy: ref(dept.campus.org),
      category: [{ text: '检查检验' }],
      type: [{ coding: [{ system: SYS.examService, code: def.code, display: def.name }], text: def.name }],
      specialty: [{ coding: [{ system: SYS.deptCode, code: dept.code, display: dept.name }] }],
      location: rooms.map(ref),
      name: def.name,
      comment: `${dept.name}${def.name}，每${def.minutes}分钟一个时段`,
      appointmentRequired: true,
      extension: [{ url: SYS.ext('slot-minutes'), valueInteger: def.minutes }],
    });
    services[def.code] = { def, service, dept };
    for (const room of rooms) {
      const schedule = ctx.add({
        resourceType: 'Schedule',
        id: `sch-exam-${room.id.slice('loc-exam-'.length)}`,
        active: true,
        serviceCategory: [{ text: '检查检验' }],
        serviceType: [
          { coding: [{ system: SYS.examService, code: def.code, display: def.name }] },
          { coding: [{ system: SYS.deptCode, code: dept.code, display: dept.name }] },
        ],
        actor: [{ ...ref(room), display: room.name }, { ...ref(service), display: def.name }],
        planningHorizon: { start: localDateTime(ctx.today, '00:00'), end: localDateTime(addDays(ctx.today, EXAM_HORIZON_DAYS), '00:00') },
        comment: `${def.name} ${room.name}`,
      });
      counts.schedules++;
      for (let offset = 0; offset < EXAM_HORIZON_DAYS; offset++) {
        addRoomDay(ctx, rng, def, schedule, addDays(ctx.today, offset), offset, counts);
      }
    }
  }
  const orderers = doctors.filter((d) => d.dept.kind === 'clinical');
  for (const { patient } of patients.slice(0, ORDERED_PATIENTS)) {
    const codes = SHOWCASE[patient.id] ?? rng.sample(EXAM_ITEMS.map((i) => i.code), rng.int(1, 3));
    codes.forEach((code, i) => {
      addOrder(ctx, rng, patient, EXAM_ITEMS.find((item) => item.code === code), services, rng.pick(orderers), i + 1);
      counts.orders++;
    });
  }
  return counts;
}

function addRoomDay(ctx, rng, def, schedule, date, offset, counts) {
  const busyRate = offset < 2 ? 0.3 : 0.1;
  for (const [from, to] of def.hours) {
    for (let t = from; t < to; t = addMinutes(t, def.minutes)) {
      const end = addMinutes(t, def.minutes);
      for (let unit = 1; unit <= def.units; unit++) {
        const busy = rng.chance(busyRate);
        ctx.add({
          resourceType: 'Slot',
          id: `slot-${schedule.id.slice(4)}-${compact(date)}-${t.replace(':', '')}${def.units > 1 ? `-${unit}` : ''}`,
          schedule: ref(schedule),
          status: busy ? 'busy' : 'free',
          serviceType: schedule.serviceType,
          start: localDateTime(date, t),
          end: localDateTime(date, end),
          comment: `${def.name} ${t}-${end}`,
          meta: { lastUpdated: instant(ctx.today, '00:00') },
        });
        counts.slots++;
      }
    }
  }
}

function addOrder(ctx, rng, patient, item, services, doctor, n) {
  const { def, service } = services[item.service];
  const lab = def.category === 'lab';
  // From yesterday back: an order "authored today" at 16:00 would lie in the future every morning.
  const authored = instant(ctx.daysAgo(rng.int(0, 3) + 1), `${String(rng.int(8, 16)).padStart(2, '0')}:${rng.pick(['05', '20', '35', '50'])}`);
  ctx.add({
    resourceType: 'ServiceRequest',
    id: `sr-${patient.id.slice(4)}-${n}`,
    identifier: [{ system: SYS.order, value: `JY${compact(ctx.today).slice(2)}${patient.id.slice(4)}${n}` }],
    status: 'active',
    intent: 'order',
    category: [lab
      ? { coding: [{ system: SYS.sct, code: '108252007', display: 'Laboratory procedure' }], text: '检验' }
      : { coding: [{ system: SYS.sct, code: '363679005', display: 'Imaging' }], text: '检查' }],
    code: { coding: [{ system: SYS.examItem, code: item.code, display: item.name }], text: item.name },
    subject: { ...ref(patient), display: patient.name[0].text },
    authoredOn: authored,
    requester: { ...ref(doctor.practitioner), display: `${doctor.dept.name} ${doctor.name}` },
    performerType: { coding: [{ system: SYS.examService, code: def.code, display: def.name }] },
    performer: [{ ...ref(service), display: def.name }],
    patientInstruction: item.prep,
    extension: [{ url: SYS.ext('fasting-required'), valueBoolean: item.fasting }],
    meta: { lastUpdated: authored },
  });
}
