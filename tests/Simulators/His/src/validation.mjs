import { validateResource, OperationOutcomeError } from '@medplum/core';
import { HttpError } from './http-util.mjs';

export const MAX_BUNDLE_ENTRIES = 1000;
const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

/** Returns an OperationOutcome describing why the resource is not valid R4, or undefined. */
export function validationOutcome(resource) {
  if (!resource || typeof resource !== 'object' || Array.isArray(resource) || typeof resource.resourceType !== 'string') {
    return invalid('请求体必须是带 resourceType 的 FHIR 资源', undefined);
  }
  if (resource.resourceType === 'Bundle' && (resource.entry?.length ?? 0) > MAX_BUNDLE_ENTRIES) {
    throw new HttpError(413, 'too-costly', `Bundle 条目数 ${resource.entry.length} 超过上限 ${MAX_BUNDLE_ENTRIES}`);
  }
  const ids = [[resource, resource.resourceType]];
  (resource.entry ?? []).forEach((e, i) => e?.resource && ids.push([e.resource, `Bundle.entry[${i}].resource`]));
  for (const [r, path] of ids) {
    if (r.id !== undefined && !ID_PATTERN.test(String(r.id))) {
      return invalid(`无效的资源 id "${r.id}"`, `${path}.id`);
    }
  }
  try {
    const issues = validateResource(resource);
    const errors = issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
    return errors.length ? { resourceType: 'OperationOutcome', issue: errors } : undefined;
  } catch (err) {
    if (err instanceof OperationOutcomeError) {
      return err.outcome;
    }
    return invalid(String(err?.message ?? err), undefined);
  }
}

function invalid(text, expression) {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: 'invalid', details: { text }, ...(expression ? { expression: [expression] } : {}) }],
  };
}
