import { addDays, addMinutes, compact, instant, localDateTime, weekday } from './clock.mjs';
import { SYS, ref } from './systems.mjs';

export const HORIZON_DAYS = 28;
export const SESSIONS = {
  AM: { label: '上午', start: '08:00', end: '12:00' },
  PM: { label: '下午', start: '14:00', end: '17:30' },
};
const SLOT_MINUTES = 15;

/** Outpatient doctors work a fixed weekly pattern of half-days (Mon-Sat) for the next four weeks. */
export function buildSchedules(ctx, doctors) {
  const counts = { schedules: 0, slots: 0, busy: 0 };
  const weekSessions = [];
  for (let day = 1; day <= 6; day++) {
    weekSessions.push(`${day}-AM`, `${day}-PM`);
  }
  for (const doc of doctors.filter((d) => d.dept.kind === 'clinical')) {
    const pattern = new Set(ctx.rng.sample(weekSessions, doc.title.sessionsPerWeek));
    const schedule = ctx.add({
      resourceType: 'Schedule',
      id: `sch-${doc.practitioner.id.slice(5)}`,
      active: true,
      serviceType: [{ coding: [{ system: SYS.deptCode, code: doc.dept.code, display: doc.dept.name }] }],
      specialty: doc.role.specialty,
      actor: [
        { ...ref(doc.practitioner), display: doc.name },
        ref(doc.role),
        { ...ref(doc.dept.location), display: doc.dept.name },
      ],
      planningHorizon: { start: localDateTime(ctx.today, '00:00'), end: localDateTime(addDays(ctx.today, HORIZON_DAYS), '00:00') },
      comment: `${doc.dept.name} ${doc.name}（${doc.title.name}）门诊`,
      extension: doc.role.extension.filter((e) => e.url === SYS.ext('registration-fee')),
    });
    counts.schedules++;
    for (let offset = 0; offset < HORIZON_DAYS; offset++) {
      const date = addDays(ctx.today, offset);
      for (const key of Object.keys(SESSIONS)) {
        if (pattern.has(`${weekday(date)}-${key}`)) {
          addSessionSlots(ctx, doc, schedule, date, key, offset, counts);
        }
      }
    }
  }
  return counts;
}

function addSessionSlots(ctx, doc, schedule, date, key, offset, counts) {
  const session = SESSIONS[key];
  const busyRate = offset < 3 ? 0.6 : offset < 7 ? 0.35 : 0.1;
  for (let t = session.start; t < session.end; t = addMinutes(t, SLOT_MINUTES)) {
    const busy = ctx.rng.chance(busyRate);
    const end = addMinutes(t, SLOT_MINUTES);
    ctx.add({
      resourceType: 'Slot',
      id: `slot-${doc.practitioner.id.slice(5)}-${compact(date)}-${t.replace(':', '')}`,
      schedule: ref(schedule),
      status: busy ? 'busy' : 'free',
      serviceType: schedule.serviceType,
      specialty: schedule.specialty,
      start: localDateTime(date, t),
      end: localDateTime(date, end),
      comment: `${session.label} ${t}-${end}`,
      meta: { lastUpdated: instant(ctx.today, '00:00') },
    });
    counts.slots++;
    if (busy) {
      counts.busy++;
    }
  }
}
