import { addMinutes, localDateTime } from './clock.mjs';
import { SYS, ref, refDisplay } from './systems.mjs';
import { keyImages } from './keyimages.mjs';
import { createRng } from './prng.mjs';

const MODALITY_NAME = { CT: 'Computed Tomography', DX: 'Digital Radiography', MR: 'Magnetic Resonance', US: 'Ultrasound' };

/** ImagingStudy plus the radiologist's DiagnosticReport (findings as text attachment, impression as conclusion). */
export function buildImagingReport(ctx, visit, exam, reader) {
  const { rng } = ctx;
  const serial = String(ctx.serial('imaging')).padStart(5, '0');
  const abnormal = rng.chance(0.4) ? 1 : 0;
  const started = localDateTime(visit.date, addMinutes(visit.start.slice(11, 16), 40));
  const issued = new Date(localDateTime(visit.date, addMinutes(visit.start.slice(11, 16), 180))).toISOString();
  const studyUid = `1.2.156.112605.14038${visit.date.replaceAll('-', '')}.${Number(serial)}`;
  const instances = exam.modality === 'CT' || exam.modality === 'MR' ? rng.int(120, 360) : rng.int(2, 12);
  const modality = { system: SYS.dicom, code: exam.modality, display: MODALITY_NAME[exam.modality] };
  const department = exam.modality === 'US' ? '超声科' : '放射科';
  const study = ctx.add({
    resourceType: 'ImagingStudy',
    id: `img-${serial}`,
    identifier: [
      { system: 'urn:dicom:uid', value: `urn:oid:${studyUid}` },
      { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'ACSN' }] }, system: SYS.accession, value: `PACS${visit.date.replaceAll('-', '')}${serial}` },
    ],
    status: 'available',
    modality: [modality],
    subject: refDisplay(visit.patient.patient, visit.patient.name),
    encounter: ref(visit.encounter),
    started,
    referrer: refDisplay(visit.doctor.practitioner, visit.doctor.name),
    interpreter: reader ? [refDisplay(reader.practitioner, reader.name)] : undefined,
    numberOfSeries: 1,
    numberOfInstances: instances,
    procedureCode: [{ coding: [{ system: SYS.loinc, code: exam.loinc }], text: exam.name }],
    description: exam.name,
    series: [{
      uid: `${studyUid}.1`,
      number: 1,
      modality,
      description: exam.name,
      numberOfInstances: instances,
      bodySite: { system: SYS.sct, code: '38266002', display: exam.body },
    }],
    meta: { lastUpdated: issued },
  });
  // A PRNG of the study's own: drawing the images leaves the rest of the seeded hospital as it was.
  const media = keyImages(createRng(Number(serial) * 7919 + exam.modality.charCodeAt(0)), exam.modality, abnormal === 1)
    .map((image, n) => ctx.add({
      resourceType: 'Media',
      id: `media-${serial}-${n + 1}`,
      status: 'completed',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/media-type', code: 'image', display: 'Image' }] },
      modality: { coding: [{ system: SYS.dicom, code: exam.modality }] },
      subject: refDisplay(visit.patient.patient, visit.patient.name),
      encounter: ref(visit.encounter),
      createdDateTime: started,
      bodySite: { coding: [{ system: SYS.sct, code: '38266002', display: exam.body }] },
      content: { contentType: 'image/png', title: image.caption, data: image.png.toString('base64') },
      note: [{ text: image.caption }],
      meta: { lastUpdated: issued },
    }));
  const findings = `检查所见：${exam.findings[abnormal]}\n诊断意见：${exam.conclusions[abnormal]}`;
  const report = ctx.add({
    resourceType: 'DiagnosticReport',
    id: `dr-img-${serial}`,
    identifier: [{ system: SYS.accession, value: study.identifier[1].value }],
    status: 'final',
    category: [{ coding: [{ system: SYS.v2_0074, code: exam.modality === 'US' ? 'US' : 'RAD', display: exam.modality === 'US' ? 'Ultrasound' : 'Radiology' }], text: department }],
    code: { coding: [{ system: SYS.loinc, code: exam.loinc }], text: exam.name },
    subject: refDisplay(visit.patient.patient, visit.patient.name),
    encounter: ref(visit.encounter),
    effectiveDateTime: started,
    issued,
    performer: [{ reference: 'Organization/org-jcsy', display: `江城市第一人民医院${department}` }],
    resultsInterpreter: reader ? [refDisplay(reader.practitioner, reader.name)] : undefined,
    imagingStudy: [ref(study)],
    media: media.map((m) => ({ comment: m.content.title, link: ref(m) })),
    conclusion: exam.conclusions[abnormal],
    presentedForm: [{
      contentType: 'text/plain; charset=utf-8',
      language: 'zh-CN',
      title: `${exam.name}报告`,
      data: Buffer.from(findings, 'utf8').toString('base64'),
    }],
    meta: { lastUpdated: issued },
  });
  return { study, report };
}
