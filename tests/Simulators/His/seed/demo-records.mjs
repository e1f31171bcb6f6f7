import { createRng } from './prng.mjs';
import { buildEncounter } from './encounters.mjs';
import { buildLabReport } from './lab.mjs';
import { buildImagingReport } from './imaging.mjs';
import { IMAGING } from './catalog-clinical.mjs';
import { SYS, ref, refDisplay } from './systems.mjs';

/**
 * 张三's record over the past year, for the platform's 报告查询 (R21): fasting glucose rising visit by visit (a trend worth
 * drawing), a raised ALT, a chest film, 门诊病历 and a discharge summary (出院小结) as DocumentReferences. On a PRNG
 * stream of its own, built after everything else, so no other id or value of the seed moves.
 */
export function buildDemoRecords(ctx, doctors, seed, who, clinic) {
  const own = { ...ctx, rng: createRng(seed ^ 0x7e9a0151) };
  const of = (code) => doctors.filter((d) => d.dept.code === code);
  const lab = () => own.rng.pick(of('jyk'));
  const endocrine = of('nfmk')[0];
  const glucose = [[330, 5.9], [240, 6.6], [150, 7.3], [60, 7.8]];
  const visits = glucose.map(([daysAgo, value]) => {
    const visit = buildEncounter(own, { patient: who, doctor: endocrine, kind: 'AMB', daysAgo, time: '08:30' });
    buildLabReport(own, visit, 'GLU', { forced: { loinc: '14749-6', value }, labStaff: lab() });
    return visit;
  });
  const latest = visits.at(-1);
  buildLabReport(own, latest, 'LFT', { forced: { loinc: '1742-6', value: 88 }, labStaff: lab() });
  buildLabReport(own, latest, 'LIPID', { forced: { loinc: '14927-8', value: 2.6 }, labStaff: lab() });
  buildImagingReport(own, latest, IMAGING[1], own.rng.pick(of('fsk')));

  document(own, latest, 'outpatient', [
    ['主诉', '口干、多饮2月，体检发现空腹血糖升高。'],
    ['现病史', '近2月口干、多饮，无明显多尿、体重下降。近一年多次空腹血糖5.9-7.8 mmol/L。'],
    ['既往史', '否认高血压、冠心病史，否认药物过敏史。'],
    ['体格检查', 'BP 128/82 mmHg，BMI 26.1，心肺腹未见明显异常。'],
    ['初步诊断', '空腹血糖受损；血脂异常；肝功能异常待查'],
    ['处理意见', '控制饮食、规律运动；1个月后复查空腹血糖、糖化血红蛋白及肝功能；内分泌科门诊随诊。'],
  ]);
  document(own, clinic, 'outpatient', [
    ['主诉', '咳嗽、咽痛3天。'],
    ['现病史', '3天前受凉后咳嗽，少痰，咽痛，无发热。'],
    ['体格检查', 'T 36.8℃，咽部充血，双肺呼吸音清。'],
    ['初步诊断', '急性上呼吸道感染'],
    ['处理意见', '多饮水、注意休息；按处方用药；症状加重或发热超过3天请复诊。'],
  ]);

  const ward = buildEncounter(own, { patient: who, doctor: of('xhnk')[0], kind: 'IMP', daysAgo: 200, time: '09:30', stayDays: 5 });
  ward.encounter.hospitalization = { admitSource: { text: '门诊收入' }, dischargeDisposition: { text: '好转出院' } };
  ward.encounter.location[0].location.display = '消化内科病区 8床';
  document(own, ward, 'discharge', [
    ['入院情况', '因"上腹痛2天"入院，查体上腹压痛，无反跳痛。'],
    ['诊疗经过', '完善胃镜检查示慢性非萎缩性胃炎，予抑酸、护胃等治疗，症状缓解。'],
    ['出院诊断', ward.diagnosis],
    ['出院情况', '无腹痛，饮食可，一般情况良好。'],
    ['出院医嘱', '清淡饮食，忌烟酒；按时服药；2周后消化内科门诊复查，如再发腹痛、黑便请及时就诊。'],
  ]);
}

const KINDS = {
  outpatient: { loinc: '11488-4', display: 'Consult note', text: '门诊病历' },
  discharge: { loinc: '18842-5', display: 'Discharge summary', text: '出院小结' },
};

function document(ctx, visit, kind, sections) {
  const type = KINDS[kind];
  const serial = String(ctx.serial('document')).padStart(5, '0');
  const date = new Date(visit.end).toISOString();
  const text = sections.map(([title, body]) => `【${title}】${body}`).join('\n');
  return ctx.add({
    resourceType: 'DocumentReference',
    id: `doc-${serial}`,
    identifier: [{ system: `${SYS.visit}/document`, value: `EMR${visit.date.replaceAll('-', '')}${serial}` }],
    status: 'current',
    docStatus: 'final',
    type: { coding: [{ system: SYS.loinc, code: type.loinc, display: type.display }], text: type.text },
    category: [{ text: kind === 'discharge' ? '住院病历' : '门诊病历' }],
    subject: refDisplay(visit.patient.patient, visit.patient.name),
    date,
    author: [refDisplay(visit.doctor.practitioner, visit.doctor.name)],
    custodian: { reference: 'Organization/org-jcsy', display: '江城市第一人民医院' },
    description: `${visit.dept.name} ${type.text}`,
    content: [{
      attachment: { contentType: 'text/plain; charset=utf-8', language: 'zh-CN', title: type.text, data: Buffer.from(text, 'utf8').toString('base64'), creation: date },
    }],
    context: { encounter: [ref(visit.encounter)], period: visit.encounter.period },
    meta: { lastUpdated: date },
  });
}
