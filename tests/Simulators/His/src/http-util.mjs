export const MAX_BODY_BYTES = 5 * 1024 * 1024;
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export class HttpError extends Error {
  constructor(status, code, text) {
    super(text);
    this.status = status;
    this.code = code;
  }
}

export function outcome(severity, code, text, expression) {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity, code, details: { text }, ...(expression ? { expression: [expression] } : {}) }],
  };
}

export function sendJson(res, status, body, headers = {}, contentType = 'application/json; charset=utf-8') {
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

export function sendOutcome(res, status, code, text, headers) {
  sendJson(res, status, outcome('error', code, text), headers, FHIR_JSON);
}

/** Reads the body, refusing more than the limit as soon as it is exceeded (413). */
export function readBody(req, limit = MAX_BODY_BYTES) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(new HttpError(413, 'too-costly', `请求体超过 ${limit} 字节上限`));
      return;
    }
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, 'too-costly', `请求体超过 ${limit} 字节上限`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function parseJson(buffer) {
  if (!buffer.length) {
    return undefined;
  }
  try {
    return JSON.parse(buffer.toString('utf8'));
  } catch {
    throw new HttpError(400, 'structure', '请求体不是合法的 JSON');
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Serialises writes so conditional creates, If-Match checks and transactions cannot interleave. */
export function createMutex() {
  let tail = Promise.resolve();
  return (fn) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}
