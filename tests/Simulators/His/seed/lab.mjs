import { addMinutes, localDateTime } from './clock.mjs';
import { LAB_PANELS } from './catalog-lab.mjs';
import { SYS, ref, refDisplay } from './systems.mjs';

const PANELS = Object.fromEntries(LAB_PANELS.map((p) => [p.code, p]));
const INTERPRETATION = {
  N: '正常', H: '偏高', L: '偏低', HH: '危急值（偏高）', LL: '危急值（偏低）',
};

export function interpret(analyte, value, gender) {
  const [low, high] = analyte.sexRanges?.[gender] ?? [analyte.low, analyte.high];
  const [critLow, critHigh] = analyte.critical ?? [];
  if (critLow !== undefined && value <= critLow) return 'LL';
  if (critHigh !== undefined && value >= critHigh) return 'HH';
  if (value > high) return 'H';
  if (value < low) return 'L';
  return 'N';
}

function randomValue(rng, analyte, gender) {
  const [low, high] = analyte.sexRanges?.[gender] ?? [analyte.low, analyte.high];
  const [critLow, critHigh] = analyte.critical ?? [];
  const roll = rng.next();
  // Random abnormal results stay short of the panic limits: criticals are the deliberate showcase cases.
  if (roll < 0.12) return rng.round(high * 1.05, Math.min(high * 1.5, (critHigh ?? Infinity) * 0.95), analyte.digits);
  if (roll < 0.2 && low > 0) return rng.round(Math.max(low * 0.7, (critLow ?? 0) * 1.1), low * 0.97, analyte.digits);
  return rng.round(low, high, analyte.digits);
}

/** A lab DiagnosticReport with its Observations; forced = { loinc, value } makes a showcase critical result. */
export function buildLabReport(ctx, visit, panelCode, { forced, status = 'final', labStaff } = {}) {
  const { rng } = ctx;
  const panel = PANELS[panelCode];
  const serial = String(ctx.serial('lab')).padStart(5, '0');
  const collected = localDateTime(visit.date, addMinutes(visit.start.slice(11, 16), 30));
  const issuedLocal = localDateTime(visit.date, addMinutes(visit.start.slice(11, 16), 150));
  const issued = new Date(issuedLocal).toISOString();
  const gender = visit.patient.gender;
  const observations = panel.analytes.map((analyte, i) => {
    const value = forced?.loinc === analyte.loinc ? forced.value : randomValue(rng, analyte, gender);
    const flag = interpret(analyte, value, gender);
    const [low, high] = analyte.sexRanges?.[gender] ?? [analyte.low, analyte.high];
    const quantity = (v) => ({ value: v, unit: analyte.unit, system: SYS.ucum, code: analyte.unit });
    return ctx.add({
      resourceType: 'Observation',
      id: `obs-${serial}-${i + 1}`,
      status: status === 'final' ? 'final' : 'preliminary',
      category: [{ coding: [{ system: SYS.obsCategory, code: 'laboratory', display: 'Laboratory' }], text: '检验' }],
      code: { coding: [{ system: SYS.loinc, code: analyte.loinc }], text: analyte.name },
      subject: refDisplay(visit.patient.patient, visit.patient.name),
      encounter: ref(visit.encounter),
      effectiveDateTime: collected,
      issued,
      performer: labStaff ? [ref(labStaff.practitioner)] : undefined,
      valueQuantity: quantity(value),
      interpretation: [{ coding: [{ system: SYS.interpretation, code: flag }], text: INTERPRETATION[flag] }],
      referenceRange: [{ low: quantity(low), high: quantity(high), text: `${low}-${high} ${analyte.unit}` }],
      meta: { lastUpdated: issued },
    });
  });
  const flags = observations.map((o) => o.interpretation[0].coding[0].code);
  const critical = observations.filter((o) => ['HH', 'LL'].includes(o.interpretation[0].coding[0].code));
  const report = ctx.add({
    resourceType: 'DiagnosticReport',
    id: `dr-lab-${serial}`,
    identifier: [{ system: SYS.accession, value: `LIS${visit.date.replaceAll('-', '')}${serial}` }],
    status,
    category: [{ coding: [{ system: SYS.v2_0074, code: 'LAB', display: 'Laboratory' }], text: '检验' }],
    code: { coding: [{ system: SYS.labPanel, code: panel.code, display: panel.name }, { system: SYS.loinc, code: panel.loinc }], text: panel.name },
    subject: refDisplay(visit.patient.patient, visit.patient.name),
    encounter: ref(visit.encounter),
    effectiveDateTime: collected,
    issued,
    performer: [{ reference: 'Organization/org-jcsy', display: '江城市第一人民医院检验科' }],
    resultsInterpreter: labStaff ? [refDisplay(labStaff.practitioner, labStaff.name)] : undefined,
    result: observations.map((o) => ({ ...ref(o), display: o.code.text })),
    conclusion: status !== 'final' ? undefined : critical.length
      ? `危急值：${critical.map((o) => `${o.code.text} ${o.valueQuantity.value}${o.valueQuantity.unit}`).join('；')}，已电话通知临床。`
      : flags.every((f) => f === 'N') ? '各项指标均在参考范围内。' : '部分指标异常，请结合临床。',
    meta: { lastUpdated: issued },
  });
  return { report, observations, critical };
}

