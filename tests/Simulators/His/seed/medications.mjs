import { SYS, ref, refDisplay } from './systems.mjs';
import { DRUGS } from './catalog-clinical.mjs';

const UCUM_UNITS = new Set(['mg', 'g', 'mL']);
const PERIODIC = { QD: 1, QN: 1, BID: 2, TID: 3 };

export function buildMedicationRequests(ctx, visit) {
  const formulary = DRUGS[visit.dept.code];
  if (!formulary) {
    return [];
  }
  const recent = visit.date >= ctx.daysAgo(14);
  return ctx.rng.sample(formulary, ctx.rng.int(1, Math.min(2, formulary.length))).map((drug) => {
    const [code, name, dose, unit, timesPerDay, frequency, instruction] = drug;
    const days = ctx.rng.pick([3, 7, 14, 28]);
    const doseQuantity = UCUM_UNITS.has(unit)
      ? { value: dose, unit, system: SYS.ucum, code: unit }
      : { value: dose, unit };
    const timing = frequency === 'PRN'
      ? { code: { text: 'PRN 必要时' } }
      : { repeat: { frequency: PERIODIC[frequency], period: 1, periodUnit: 'd', when: frequency === 'QN' ? ['HS'] : undefined }, code: { text: frequency } };
    return ctx.add({
      resourceType: 'MedicationRequest',
      id: `mr-${String(ctx.serial('medication')).padStart(5, '0')}`,
      status: recent ? 'active' : 'completed',
      intent: 'order',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category', code: 'outpatient' }], text: '门诊处方' }],
      medicationCodeableConcept: { coding: [{ system: SYS.drug, code, display: name }], text: name },
      subject: refDisplay(visit.patient.patient, visit.patient.name),
      encounter: ref(visit.encounter),
      authoredOn: visit.end,
      requester: refDisplay(visit.doctor.practitioner, visit.doctor.name),
      reasonReference: [ref(visit.condition)],
      dosageInstruction: [{
        sequence: 1,
        text: `每次${dose}${unit}，${instruction}`,
        timing,
        asNeededBoolean: frequency === 'PRN',
        route: { coding: [{ system: SYS.sct, code: unit === '支' ? '6064005' : unit === '吸' ? '447694001' : '26643006' }], text: unit === '支' ? '外用' : unit === '吸' ? '吸入' : '口服' },
        doseAndRate: [{ doseQuantity }],
      }],
      dispenseRequest: {
        quantity: { value: timesPerDay * days, unit: '次剂量' },
        expectedSupplyDuration: { value: days, unit: 'd', system: SYS.ucum, code: 'd' },
      },
      meta: { lastUpdated: new Date(visit.end).toISOString() },
    });
  });
}
