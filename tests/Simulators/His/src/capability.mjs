import { getSearchParameters } from '@medplum/core';

export const SUPPORTED_TYPES = [
  'Account', 'Appointment', 'ChargeItem', 'Condition', 'DiagnosticReport', 'DocumentReference', 'Encounter', 'HealthcareService',
  'ImagingStudy', 'Invoice', 'Location', 'Media', 'MedicationRequest', 'Observation', 'Organization', 'Patient',
  'PaymentNotice', 'PaymentReconciliation', 'Practitioner', 'PractitionerRole', 'Schedule', 'ServiceRequest', 'Slot', 'Subscription',
];

const INTERACTIONS = ['read', 'vread', 'update', 'delete', 'history-instance', 'search-type', 'create'];

export function buildCapabilityStatement(baseUrl, startedAt) {
  return {
    resourceType: 'CapabilityStatement',
    id: 'his-simulator',
    url: `${baseUrl}/metadata`,
    name: 'JcsyHisSimulator',
    title: '江城市第一人民医院 HIS FHIR 服务（模拟器）',
    status: 'active',
    experimental: true,
    date: startedAt,
    publisher: '江城市第一人民医院信息中心',
    kind: 'instance',
    software: { name: 'HIS simulator (@medplum/fhir-router 4.5.2)', version: '1.0.0' },
    implementation: { description: '江城市第一人民医院 HIS', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [{
      mode: 'server',
      security: {
        cors: false,
        service: [{
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }],
          text: 'OAuth2 client_credentials (SMART backend services)',
        }],
        extension: [{
          url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
          extension: [{ url: 'token', valueUri: `${baseUrl.replace(/\/fhir$/, '')}/auth/token` }],
        }],
      },
      resource: SUPPORTED_TYPES.map((type) => ({
        type,
        interaction: INTERACTIONS.map((code) => ({ code })),
        versioning: 'versioned-update',
        readHistory: true,
        updateCreate: true,
        conditionalCreate: true,
        conditionalUpdate: true,
        conditionalDelete: 'single',
        searchInclude: ['*'],
        searchRevInclude: ['*'],
        searchParam: Object.entries(getSearchParameters(type) ?? {})
          .filter(([, p]) => !p.url?.includes('medplum'))
          .map(([name, p]) => ({ name, type: p.type, ...(p.url ? { definition: p.url } : {}) })),
      })),
      interaction: [{ code: 'transaction' }, { code: 'batch' }],
    }],
  };
}

export function buildSmartConfiguration(rootUrl) {
  return {
    token_endpoint: `${rootUrl}/auth/token`,
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    grant_types_supported: ['client_credentials'],
    scopes_supported: ['system/*.*', 'system/*.read'],
    capabilities: ['client-confidential-symmetric'],
  };
}
