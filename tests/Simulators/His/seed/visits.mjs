import { SESSIONS } from './schedules.mjs';
import { addMinutes } from './clock.mjs';
import { CRITICAL_CASES, PANELS_BY_DEPT } from './catalog-lab.mjs';
import { IMAGING } from './catalog-clinical.mjs';
import { buildEncounter } from './encounters.mjs';
import { buildLabReport } from './lab.mjs';
import { buildImagingReport } from './imaging.mjs';
import { buildMedicationRequests } from './medications.mjs';
import { buildInpatientAccount, buildOutpatientInvoice } from './billing.mjs';

const INPATIENTS_CURRENT = 8;
const INPATIENTS_DISCHARGED = 4;
const PENDING_PANELS = ['CBC', 'LFT', 'RFT'];

function visitTime(rng) {
  const session = rng.chance(0.6) ? SESSIONS.AM : SESSIONS.PM;
  return addMinutes(session.start, 15 * rng.int(0, 12));
}

export function buildVisits(ctx, patients, doctors) {
  const staffOf = (code) => doctors.filter((d) => d.dept.code === code);
  const clinicians = doctors.filter((d) => d.dept.kind !== 'tech');
  const labStaff = staffOf('jyk');
  const readers = { US: staffOf('csk'), other: staffOf('fsk') };
  const out = { visits: [], criticalReports: [], inpatients: [] };

  const outpatient = (patient, doctor, daysAgo, opts = {}) => {
    const kind = doctor.dept.kind === 'emergency' ? 'EMER' : 'AMB';
    const visit = buildEncounter(ctx, { patient, doctor, kind, daysAgo, time: visitTime(ctx.rng) });
    const panels = opts.panels ?? orderPanels(ctx, doctor.dept.code);
    const recent = daysAgo <= 2;
    const labs = panels.map((code) => buildLabReport(ctx, visit, code, {
      forced: opts.forced?.panel === code ? opts.forced : undefined,
      status: opts.pending || (recent && !opts.forced && ctx.rng.chance(0.3)) ? 'preliminary' : 'final',
      labStaff: ctx.rng.pick(labStaff),
    }));
    const exams = IMAGING.filter((e) => e.depts.includes(doctor.dept.code) && ctx.rng.chance(0.25)).slice(0, 1);
    exams.forEach((exam) => buildImagingReport(ctx, visit, exam, ctx.rng.pick(exam.modality === 'US' ? readers.US : readers.other)));
    const medications = buildMedicationRequests(ctx, visit);
    buildOutpatientInvoice(ctx, visit, { labPanels: panels, imaging: exams.map((e) => e.modality), medications, unpaid: opts.unpaid });
    out.visits.push(visit);
    labs.filter((l) => l.critical.length).forEach((l) => out.criticalReports.push(l.report));
    return visit;
  };

  // pat-0001 and pat-0002, whom the platform's tests and demos link, each have a recent bill still to pay (门诊缴费).
  CRITICAL_CASES.forEach((c, i) => {
    const doctor = ctx.rng.pick(staffOf(c.dept));
    outpatient(patients[i], doctor, 1 + (i % 3), { panels: [c.panel], forced: c, unpaid: i < 2 });
  });
  // Results still being verified by the lab: they turn final later, which is what subscriptions watch for.
  PENDING_PANELS.forEach((panel, i) => {
    const patient = patients[CRITICAL_CASES.length + i];
    const doctor = ctx.rng.pick(clinicians.filter((d) => d.dept.kind === 'clinical'));
    outpatient(patient, doctor, 1, { panels: [panel], pending: true });
  });
  for (const patient of patients) {
    const count = ctx.rng.int(1, 3);
    for (let v = 0; v < count; v++) {
      outpatient(patient, ctx.rng.pick(clinicians), ctx.rng.int(1, 180));
    }
  }

  const wards = clinicians.filter((d) => d.dept.kind === 'clinical' && !['kqk', 'pfk', 'zyk'].includes(d.dept.code));
  const admitted = patients.slice(10, 10 + INPATIENTS_CURRENT + INPATIENTS_DISCHARGED);
  admitted.forEach((patient, i) => {
    const discharged = i >= INPATIENTS_CURRENT;
    const stayDays = ctx.rng.int(3, 12);
    const daysAgo = discharged ? stayDays + ctx.rng.int(5, 60) : ctx.rng.int(1, 10);
    const doctor = ctx.rng.pick(wards);
    const visit = buildEncounter(ctx, {
      patient, doctor, kind: 'IMP', daysAgo, time: '09:30', inProgress: !discharged, stayDays: discharged ? stayDays : 0,
    });
    visit.encounter.hospitalization = {
      admitSource: { text: '门诊收入' },
      dischargeDisposition: discharged ? { text: '好转出院' } : undefined,
    };
    visit.encounter.location[0].location.display = `${doctor.dept.name}病区 ${ctx.rng.int(1, 40)}床`;
    const account = buildInpatientAccount(ctx, visit, { stayDays: discharged ? stayDays : daysAgo, discharged });
    visit.encounter.account = [{ reference: `Account/${account.account.id}` }];
    out.inpatients.push({ visit, account: account.account, discharged });
  });
  return out;
}

function orderPanels(ctx, deptCode) {
  const options = PANELS_BY_DEPT[deptCode];
  if (options && ctx.rng.chance(0.7)) {
    return ctx.rng.sample(options, ctx.rng.int(1, 2));
  }
  return ctx.rng.chance(0.2) ? ['CBC'] : [];
}
