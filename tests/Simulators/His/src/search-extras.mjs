import { evalFhirPath, getSearchParameter, Operator, OperationOutcomeError, badRequest } from '@medplum/core';

/**
 * One level of chaining (e.g. Slot?schedule.actor=Practitioner/x): the chained part is searched
 * on the target type first, and the filter becomes an OR list of matching references.
 */
export async function expandChainedFilters(repo, searchRequest) {
  const chained = (searchRequest.filters ?? []).filter((f) => f.code.includes('.'));
  if (!chained.length) {
    return searchRequest;
  }
  const filters = [];
  for (const filter of searchRequest.filters) {
    if (!filter.code.includes('.')) {
      filters.push(filter);
      continue;
    }
    const [head, ...rest] = filter.code.split('.');
    const [paramCode, explicitType] = head.split(':');
    const param = getSearchParameter(searchRequest.resourceType, paramCode);
    const targetType = explicitType ?? (param?.target?.length === 1 ? param.target[0] : undefined);
    if (param?.type !== 'reference' || !targetType) {
      throw new OperationOutcomeError(badRequest(`Unsupported chained search parameter: ${filter.code}`));
    }
    const targets = await repo.searchResources({
      resourceType: targetType,
      filters: [{ ...filter, code: rest.join('.') }],
      count: 10000,
    });
    const value = targets.map((t) => `${targetType}/${t.id}`).join(',') || `${targetType}/__none__`;
    filters.push({ code: paramCode, operator: Operator.EQUALS, value });
  }
  return { ...searchRequest, filters };
}

/** _include and _revinclude for the types and parameters of the R4 search parameter registry. */
export async function addIncludes(repo, searchRequest, bundle) {
  const matches = (bundle.entry ?? []).map((e) => e.resource);
  const seen = new Set(matches.map((r) => `${r.resourceType}/${r.id}`));
  const extra = [];
  for (const include of searchRequest.include ?? []) {
    const param = getSearchParameter(include.resourceType, include.searchParam);
    if (!param?.expression) {
      continue;
    }
    for (const resource of matches.filter((r) => r.resourceType === include.resourceType)) {
      for (const ref of evalFhirPath(param.expression, resource)) {
        const reference = typeof ref === 'object' ? ref?.reference : undefined;
        if (!reference || seen.has(reference) || (include.targetType && !reference.startsWith(`${include.targetType}/`))) {
          continue;
        }
        seen.add(reference);
        try {
          extra.push(await repo.readReference({ reference }));
        } catch {
          // A dangling reference is left out of the bundle, as a server would.
        }
      }
    }
  }
  for (const revInclude of searchRequest.revInclude ?? []) {
    const references = matches.map((r) => `${r.resourceType}/${r.id}`);
    if (!references.length) {
      continue;
    }
    const found = await repo.searchResources({
      resourceType: revInclude.resourceType,
      filters: [{ code: revInclude.searchParam, operator: Operator.EQUALS, value: references.join(',') }],
      count: 10000,
    });
    for (const resource of found) {
      const key = `${resource.resourceType}/${resource.id}`;
      if (!seen.has(key)) {
        seen.add(key);
        extra.push(resource);
      }
    }
  }
  if (extra.length) {
    bundle.entry = [...(bundle.entry ?? []), ...extra.map((resource) => ({ resource, search: { mode: 'include' } }))];
  }
  return bundle;
}
