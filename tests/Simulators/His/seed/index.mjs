import { addDays, instant, shanghaiDate } from './clock.mjs';
import { createRng } from './prng.mjs';
import { buildHospital } from './hospital.mjs';
import { buildPractitioners } from './practitioners.mjs';
import { buildSchedules } from './schedules.mjs';
import { buildPatients } from './patients.mjs';
import { buildVisits } from './visits.mjs';
import { buildExams } from './exams.mjs';
import { buildDemoPatient } from './demo-patient.mjs';

export const DEFAULT_SEED = 20240601;

/**
 * Builds the whole demo hospital. Same seed and same start date give the same ids and content;
 * dates are relative to `today` (Asia/Shanghai) so the four-week timetable always starts today.
 */
export function buildSeed({ seed = DEFAULT_SEED, today = shanghaiDate() } = {}) {
  const resources = [];
  const serials = new Map();
  const ctx = {
    rng: createRng(seed),
    today,
    seedInstant: instant(today, '00:00'),
    daysAgo: (n) => addDays(today, -n),
    serial(name) {
      const next = (serials.get(name) ?? 0) + 1;
      serials.set(name, next);
      return next;
    },
    add(resource) {
      resource.meta ??= {};
      resource.meta.lastUpdated ??= ctx.seedInstant;
      resources.push(resource);
      return resource;
    },
  };
  const hospital = buildHospital(ctx);
  const doctors = buildPractitioners(ctx, hospital.departments);
  const timetable = buildSchedules(ctx, doctors);
  const patients = buildPatients(ctx);
  const visits = buildVisits(ctx, patients, doctors);
  const exams = buildExams(ctx, hospital, doctors, patients, seed);
  const demo = buildDemoPatient(ctx, doctors, seed);
  return {
    today,
    resources,
    summary: summarize(resources, timetable, exams),
    showcase: {
      criticalReports: visits.criticalReports.map((r) => r.id),
      currentInpatients: visits.inpatients.filter((i) => !i.discharged).map((i) => i.visit.encounter.id),
      demoPatient: { patient: demo.patient.id, unpaidInvoice: demo.invoice.id, depositAccount: demo.account.id },
    },
  };
}

function summarize(resources, timetable, exams) {
  const byType = {};
  for (const r of resources) {
    byType[r.resourceType] = (byType[r.resourceType] ?? 0) + 1;
  }
  return {
    total: resources.length, byType, busySlots: timetable.busy, freeSlots: timetable.slots - timetable.busy,
    examSchedules: exams.schedules, examSlots: exams.slots, examOrders: exams.orders,
  };
}
