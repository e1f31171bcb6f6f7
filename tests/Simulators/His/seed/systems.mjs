/** Identifier and code systems of the simulated hospital (江城市第一人民医院, "JCSY"). */
const BASE = 'http://his.jcsy.example';
export const SYS = {
  residentId: 'urn:oid:2.16.156.10011.1.2',
  mrn: `${BASE}/sid/mrn`,
  visitCard: `${BASE}/sid/visit-card`,
  staff: `${BASE}/sid/staff`,
  visit: `${BASE}/sid/visit`,
  cashierReceipt: `${BASE}/sid/cashier-receipt`,
  orgCode: `${BASE}/sid/org`,
  deptCode: `${BASE}/CodeSystem/department`,
  title: `${BASE}/CodeSystem/professional-title`,
  labPanel: `${BASE}/CodeSystem/lab-panel`,
  examService: `${BASE}/CodeSystem/exam-service`,
  examItem: `${BASE}/CodeSystem/exam-item`,
  order: `${BASE}/sid/order`,
  drug: `${BASE}/CodeSystem/drug`,
  chargeItem: `${BASE}/CodeSystem/charge-item`,
  invoice: `${BASE}/sid/invoice`,
  accession: `${BASE}/sid/accession`,
  ext: (name) => `${BASE}/fhir/StructureDefinition/${name}`,
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  v2_0074: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  obsCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  dicom: 'http://dicom.nema.org/resources/ontology/DCM',
  sct: 'http://snomed.info/sct',
};

export const ref = (resource) => ({ reference: `${resource.resourceType}/${resource.id}` });
export const refDisplay = (resource, display) => ({ reference: `${resource.resourceType}/${resource.id}`, display });
export const cny = (yuan) => ({ value: Number(yuan.toFixed(2)), currency: 'CNY' });
