import { getSearchParameter, getStatus, isOk } from '@medplum/core';
import { buildCapabilityStatement, buildSmartConfiguration } from './capability.mjs';
import { FHIR_JSON, HttpError, parseJson, readBody, sendJson, sleep } from './http-util.mjs';
import { validationOutcome } from './validation.mjs';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 1000;
const IGNORED_PARAMS = ['_format', '_pretty', '_summary', '_elements'];

/** Maps HTTP under /fhir to the medplum FhirRouter, adding what a real server puts on the wire. */
export function createFhirHandler({ router, repo, auth, faults, withWriteLock, startedAt }) {
  return async function handleFhir(req, res, url) {
    const rest = url.pathname.replace(/^\/fhir\/?/, '');
    const root = `http://${req.headers.host ?? '127.0.0.1'}`;
    const base = `${root}/fhir`;
    await applyFaults(faults, req.method);
    if (req.method === 'GET' && rest === 'metadata') {
      sendJson(res, 200, buildCapabilityStatement(base, startedAt), {}, FHIR_JSON);
      return;
    }
    if (req.method === 'GET' && rest === '.well-known/smart-configuration') {
      sendJson(res, 200, buildSmartConfiguration(root));
      return;
    }
    auth.requireBearer(req);
    if (!['GET', 'POST', 'PUT', 'DELETE'].includes(req.method)) {
      throw new HttpError(405, 'not-supported', `不支持 ${req.method}`);
    }
    const body = ['POST', 'PUT'].includes(req.method) ? await readRequestBody(req, rest) : undefined;
    const search = req.method === 'GET' && isSearch(rest);
    const query = buildQuery(url, search);
    if (search && /handling=strict/.test(req.headers.prefer ?? '')) {
      rejectUnknownParams(rest, query);
    }
    const fhirRequest = {
      method: req.method,
      url: rest + (query ? `?${query}` : ''),
      pathname: '',
      params: {},
      query: {},
      body,
      headers: req.headers,
      config: { transactions: true },
    };
    const mutating = req.method !== 'GET' && !rest.endsWith('/_search');
    const [result, resource] = mutating
      ? await withWriteLock(() => runAtomically(router, repo, fhirRequest))
      : await router.handleRequest(fhirRequest, repo);
    const status = getStatus(result);
    if (!isOk(result)) {
      sendJson(res, status, result, {}, FHIR_JSON);
      return;
    }
    respond(req, res, status, resource ?? result, base, url);
  };
}

/** The router turns errors into outcomes; rethrowing them makes the repository undo every write of the request. */
async function runAtomically(router, repo, fhirRequest) {
  const failed = Symbol('failed');
  try {
    return await repo.withTransaction(async () => {
      const response = await router.handleRequest(fhirRequest, repo);
      if (!isOk(response[0])) {
        throw { [failed]: response };
      }
      return response;
    });
  } catch (err) {
    if (err?.[failed]) {
      return err[failed];
    }
    throw err;
  }
}

async function applyFaults(faults, method) {
  if (method !== 'GET' && method !== 'HEAD') await faults.writeGate();
  const { delayMs, failStatus } = faults.get();
  if (delayMs > 0) {
    await sleep(delayMs);
  }
  if (faults.shouldFail()) {
    throw new HttpError(failStatus, 'transient', `HIS 模拟故障（${failStatus}）`);
  }
}

async function readRequestBody(req, rest) {
  const raw = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  if (rest.endsWith('/_search')) {
    return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  }
  if (type && !/json/.test(type)) {
    throw new HttpError(415, 'not-supported', '请使用 application/fhir+json');
  }
  const body = parseJson(raw);
  const problem = validationOutcome(body);
  if (problem) {
    throw Object.assign(new HttpError(400, 'invalid', '资源校验失败'), { outcome: problem });
  }
  return body;
}

const CONTROL_PARAMS = new Set(['_count', '_offset', '_sort', '_include', '_revinclude', '_total', '_type']);

/** Prefer: handling=strict turns unknown search parameters into 400 (lenient, the default, ignores them). */
function rejectUnknownParams(resourceType, query) {
  for (const key of new URLSearchParams(query).keys()) {
    const code = key.split(/[:.]/)[0];
    if (!CONTROL_PARAMS.has(code) && !getSearchParameter(resourceType, code)) {
      throw new HttpError(400, 'not-supported', `${resourceType} 不支持搜索参数 "${key}"`);
    }
  }
}

function isSearch(rest) {
  return rest !== '' && !rest.includes('/');
}

/** Keeps a literal '+' in date offsets (…T08:00:00+08:00) instead of decoding it as a space. */
function buildQuery(url, search) {
  const rawQuery = url.search.slice(1).replaceAll('+', '%2B');
  const params = new URLSearchParams(rawQuery);
  IGNORED_PARAMS.forEach((p) => params.delete(p));
  if (search) {
    const count = Number(params.get('_count') ?? DEFAULT_PAGE);
    params.set('_count', String(Math.max(0, Math.min(MAX_PAGE, Number.isFinite(count) ? count : DEFAULT_PAGE))));
  }
  return params.toString();
}

function respond(req, res, status, resource, base, url) {
  const headers = {};
  if (resource.resourceType === 'Bundle' && resource.type === 'searchset') {
    addPagingLinks(resource, base, url);
  }
  const versionId = resource.meta?.versionId;
  if (versionId && resource.resourceType !== 'Bundle' && resource.resourceType !== 'OperationOutcome') {
    headers.ETag = `W/"${versionId}"`;
    if (resource.meta.lastUpdated) {
      headers['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
    }
    const location = `${base}/${resource.resourceType}/${resource.id}/_history/${versionId}`;
    if (req.method === 'POST' || req.method === 'PUT') {
      headers.Location = location;
    }
    headers['Content-Location'] = location;
    if (req.method === 'GET' && req.headers['if-none-match'] === headers.ETag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
  }
  const prefer = req.headers.prefer ?? '';
  if (prefer.includes('return=minimal') && req.method !== 'GET') {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  sendJson(res, status, resource, headers, FHIR_JSON);
}

function addPagingLinks(bundle, base, url) {
  const rawQuery = url.search.slice(1).replaceAll('+', '%2B');
  const params = new URLSearchParams(rawQuery);
  const path = url.pathname.replace(/^\/fhir\/?/, '');
  const count = Math.max(0, Math.min(MAX_PAGE, Number(params.get('_count') ?? DEFAULT_PAGE) || 0));
  const offset = Math.max(0, Number(params.get('_offset') ?? 0) || 0);
  const link = (relation, newOffset) => {
    const p = new URLSearchParams(params);
    p.set('_count', String(count));
    p.set('_offset', String(newOffset));
    return { relation, url: `${base}/${path}?${p.toString()}` };
  };
  bundle.link = [link('self', offset)];
  if (count > 0 && offset + count < (bundle.total ?? 0)) {
    bundle.link.push(link('next', offset + count));
  }
  if (offset > 0) {
    bundle.link.push(link('previous', Math.max(0, offset - count)));
  }
  for (const entry of bundle.entry ?? []) {
    entry.fullUrl = `${base}/${entry.resource.resourceType}/${entry.resource.id}`;
  }
}
