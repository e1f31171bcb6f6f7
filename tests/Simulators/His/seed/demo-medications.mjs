import { SYS, ref, refDisplay } from './systems.mjs';

const OUTPATIENT = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category', code: 'outpatient' }], text: '门诊处方' };
const DISCHARGE = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category', code: 'discharge' }], text: '出院带药' };
const ORAL = { coding: [{ system: SYS.sct, code: '26643006' }], text: '口服' };

/**
 * 张三's medicines for the pharmacy demo (R31–R34): a recorded penicillin allergy and, from yesterday's 内科 visit, an
 * amoxicillin prescription that conflicts with it (the safety check must warn him); the earlier drugs of that visit
 * dispensed at the window; and the discharge medication (出院带药) planned for his 消化内科 stay, where omeprazole weakens
 * clopidogrel (an interaction the pharmacist should see).
 */
export function buildDemoMedications(ctx, clinic, ward, earlier) {
  const subject = refDisplay(clinic.patient.patient, clinic.patient.name);
  ctx.add({
    resourceType: 'AllergyIntolerance',
    id: 'alg-0151-1',
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }] },
    type: 'allergy',
    category: ['medication'],
    criticality: 'high',
    code: { coding: [{ system: SYS.sct, code: '373270004', display: '青霉素类' }], text: '青霉素类' },
    patient: subject,
    recordedDate: ctx.daysAgo(400),
    reaction: [{ manifestation: [{ text: '全身皮疹、呼吸困难' }], severity: 'severe' }],
  });
  const order = (id, encounter, category, [code, name, dose, unit, timesPerDay, days, text], doctor, authoredOn) => ctx.add({
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    category: [category],
    medicationCodeableConcept: { coding: [{ system: SYS.drug, code, display: name }], text: name },
    subject,
    encounter: ref(encounter),
    authoredOn,
    requester: refDisplay(doctor.practitioner, doctor.name),
    dosageInstruction: [{
      sequence: 1,
      text,
      timing: { repeat: { frequency: timesPerDay, period: 1, periodUnit: 'd' } },
      route: ORAL,
      doseAndRate: [{ doseQuantity: { value: dose, unit, system: SYS.ucum, code: unit } }],
    }],
    dispenseRequest: {
      quantity: { value: timesPerDay * days, unit: '次剂量' },
      expectedSupplyDuration: { value: days, unit: 'd', system: SYS.ucum, code: 'd' },
    },
  });
  const amoxicillin = order('mr-0151-amx', clinic.encounter, OUTPATIENT,
    ['YP1101', '阿莫西林胶囊', 0.5, 'g', 3, 7, '每次0.5g，每日三次，口服'], clinic.doctor, clinic.end);
  const discharge = [
    order('mr-0151-d1', ward.encounter, DISCHARGE, ['YP0301', '奥美拉唑肠溶胶囊', 20, 'mg', 2, 14, '每次20mg，每日两次，早晚餐前口服'], ward.doctor, ward.start),
    order('mr-0151-d2', ward.encounter, DISCHARGE, ['YP0801', '氯吡格雷片', 75, 'mg', 1, 28, '每次75mg，每日一次，口服'], ward.doctor, ward.start),
  ];
  const dispensed = earlier.map((request, n) => ctx.add({
    resourceType: 'MedicationDispense',
    id: `md-0151-${n + 1}`,
    status: 'completed',
    medicationCodeableConcept: request.medicationCodeableConcept,
    subject,
    authorizingPrescription: [ref(request)],
    quantity: request.dispenseRequest.quantity,
    whenPrepared: clinic.end,
    whenHandedOver: clinic.end,
  }));
  return { amoxicillin, discharge, dispensed };
}
