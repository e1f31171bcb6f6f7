import { Operator } from '@medplum/core';
import { HttpError } from './http-util.mjs';
import { windowDeposit } from '../seed/billing.mjs';

const ref = (r) => `${r.resourceType}/${r.id}`;
const eq = (code, value) => ({ code, operator: Operator.EQUALS, value });
const shanghaiNow = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 19) + '+08:00';

async function mustRead(repo, type, id, label) {
  try {
    return await repo.readResource(type, id);
  } catch {
    throw new HttpError(404, 'not-found', `${label} ${type}/${id} 不存在`);
  }
}

async function newest(repo, resourceType, filters, sort = '_lastUpdated') {
  const [found] = await repo.searchResources({ resourceType, filters, sortRules: [{ code: sort, descending: true }], count: 1 });
  return found;
}

async function newestCritical(repo) {
  const observations = await repo.searchResources({ resourceType: 'Observation', sortRules: [{ code: 'date', descending: true }], count: 100000 });
  const found = observations.find((o) => ['HH', 'LL'].includes(o.interpretation?.[0]?.coding?.[0]?.code));
  if (!found) {
    throw new HttpError(409, 'business-rule', '没有危急值结果');
  }
  return found;
}

/** Builders for the events the HIS pushes; some also change HIS data first, as the real event would. */
export const PUSH_EVENTS = {
  async 'report-ready'(repo, input) {
    const report = input.reportId
      ? await mustRead(repo, 'DiagnosticReport', input.reportId, '报告')
      : await newest(repo, 'DiagnosticReport', [eq('status', 'final')], 'issued');
    return {
      report: ref(report), patient: report.subject?.reference, patientName: report.subject?.display,
      encounter: report.encounter?.reference, category: report.category?.[0]?.coding?.[0]?.code,
      name: report.code?.text, status: report.status, issued: report.issued, conclusion: report.conclusion,
    };
  },

  async 'critical-value'(repo, input) {
    const observation = input.observationId
      ? await mustRead(repo, 'Observation', input.observationId, '检验结果')
      : await newestCritical(repo);
    const flag = observation.interpretation?.[0]?.coding?.[0]?.code;
    const [report] = await repo.searchResources({ resourceType: 'DiagnosticReport', filters: [eq('result', ref(observation))], count: 1 });
    return {
      observation: ref(observation), report: report ? ref(report) : undefined,
      patient: observation.subject?.reference, patientName: observation.subject?.display, encounter: observation.encounter?.reference,
      item: observation.code?.text, loinc: observation.code?.coding?.[0]?.code,
      value: observation.valueQuantity?.value, unit: observation.valueQuantity?.unit, interpretation: flag,
      referenceRange: observation.referenceRange?.[0]?.text, reportedAt: observation.issued,
    };
  },

  async admission(repo, input) {
    const patient = await mustRead(repo, 'Patient', input.patientId ?? 'pat-0001', '患者');
    const service = await mustRead(repo, 'HealthcareService', `hs-${input.departmentCode ?? 'xxgnk'}`, '科室');
    const bed = input.bed ?? `${service.name}病区 ${1 + (Date.now() % 40)}床`;
    const admittedAt = shanghaiNow();
    const account = await repo.createResource({
      resourceType: 'Account', status: 'active', name: `${patient.name?.[0]?.text}住院预交金账户`,
      type: { text: '住院预交金账户' }, subject: [{ reference: ref(patient) }], servicePeriod: { start: admittedAt },
      extension: ['deposit-total', 'charges-total', 'deposit-balance'].map((name) => ({
        url: `http://his.jcsy.example/fhir/StructureDefinition/${name}`, valueMoney: { value: 0, currency: 'CNY' },
      })),
    });
    // The first deposit is paid at the window; the payment rule raises the account by it.
    const [receipt, notice] = windowDeposit(ref(account), Number(input.deposit ?? 5000), admittedAt, `YJ${Date.now()}`);
    const received = await repo.createResource(receipt);
    await repo.createResource({ ...notice, payment: { reference: ref(received) } });
    const encounter = await repo.createResource({
      resourceType: 'Encounter', status: 'in-progress',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP', display: 'inpatient encounter' },
      type: [{ text: '住院' }], serviceType: service.type?.[0],
      subject: { reference: ref(patient), display: patient.name?.[0]?.text }, period: { start: admittedAt },
      hospitalization: { admitSource: { text: '门诊收入' } },
      location: [{ location: { reference: service.location?.[0]?.reference, display: bed }, status: 'active' }],
      account: [{ reference: ref(account) }],
    });
    return {
      encounter: ref(encounter), patient: ref(patient), patientName: patient.name?.[0]?.text,
      department: service.name, bed, admittedAt, account: ref(account), deposit: Number(input.deposit ?? 5000),
    };
  },

  async discharge(repo, input) {
    const encounter = input.encounterId
      ? await mustRead(repo, 'Encounter', input.encounterId, '住院记录')
      : (await repo.searchResources({ resourceType: 'Encounter', filters: [eq('class', 'IMP'), eq('status', 'in-progress')], count: 1 }))[0];
    if (!encounter || encounter.status !== 'in-progress') {
      throw new HttpError(409, 'business-rule', '没有可出院的在院记录');
    }
    const dischargedAt = shanghaiNow();
    await repo.touch('Encounter', encounter.id, (e) => {
      e.status = 'finished';
      e.period = { ...e.period, end: dischargedAt };
      e.hospitalization = { ...e.hospitalization, dischargeDisposition: { text: input.disposition ?? '好转出院' } };
      e.location = e.location?.map((l) => ({ ...l, status: 'completed' }));
    });
    const accountRef = encounter.account?.[0]?.reference;
    let balance;
    if (accountRef) {
      const updated = await repo.touch('Account', accountRef.split('/')[1], (a) => {
        a.status = 'inactive';
        a.servicePeriod = { ...a.servicePeriod, end: dischargedAt };
      });
      balance = updated.extension?.find((x) => x.url.endsWith('/deposit-balance'))?.valueMoney?.value;
    }
    return {
      encounter: ref(encounter), patient: encounter.subject?.reference, patientName: encounter.subject?.display,
      dischargedAt, account: accountRef, depositBalance: balance,
    };
  },

  async 'stop-clinic'(repo, input) {
    const schedule = await mustRead(repo, 'Schedule', input.scheduleId ?? 'sch-001', '排班');
    const slots = (await repo.searchResources({ resourceType: 'Slot', filters: [eq('schedule', ref(schedule))], sortRules: [{ code: 'start' }], count: 5000 }))
      .filter((s) => s.start > shanghaiNow());
    const date = input.date ?? slots[0]?.start.slice(0, 10);
    const session = input.session ?? (slots.find((s) => s.start.startsWith(date))?.start.slice(11, 13) < '13' ? 'AM' : 'PM');
    const affected = slots.filter((s) => s.start.startsWith(date) && (s.start.slice(11, 13) < '13') === (session === 'AM'));
    if (!affected.length) {
      throw new HttpError(409, 'business-rule', `排班 ${ref(schedule)} 在 ${date} ${session} 没有号源`);
    }
    const reason = input.reason ?? '医生临时公务外出';
    for (const slot of affected) {
      await repo.touch('Slot', slot.id, (s) => {
        s.status = 'busy-unavailable';
        s.comment = `停诊：${reason}`;
      });
    }
    const practitioner = schedule.actor?.find((a) => a.reference?.startsWith('Practitioner/'));
    return {
      schedule: ref(schedule), practitioner: practitioner?.reference, practitionerName: practitioner?.display,
      department: schedule.serviceType?.[0]?.coding?.[0]?.display, date, session, reason,
      affectedSlots: affected.map((s) => s.id), bookedSlots: affected.filter((s) => s.status === 'busy').map((s) => s.id),
    };
  },

  async 'slot-changed'(repo, input) {
    if (!input.slotId) {
      throw new HttpError(400, 'required', 'slot-changed 需要 slotId');
    }
    const slot = await mustRead(repo, 'Slot', input.slotId, '号源');
    const status = input.status ?? (slot.status === 'free' ? 'busy' : 'free');
    const updated = await repo.touch('Slot', slot.id, (s) => {
      s.status = status;
    });
    return {
      slot: ref(slot), schedule: slot.schedule?.reference, status, previousStatus: slot.status,
      start: slot.start, end: slot.end, versionId: updated.meta.versionId,
    };
  },
};
