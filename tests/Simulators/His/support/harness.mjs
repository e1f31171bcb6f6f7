import http from 'node:http';
import { configFromEnv } from '../src/config.mjs';
import { createHis } from '../src/app.mjs';

export const CLIENT = { id: 'platform', secret: 'platform-secret' };

/** Starts a HIS on a free loopback port; overrides are config fields (see src/config.mjs). */
export async function startHis(overrides = {}) {
  const his = createHis({ ...configFromEnv({}), port: 0, retryBaseMs: 20, ...overrides });
  const port = await his.start();
  const root = `http://127.0.0.1:${port}`;
  return { his, root, base: `${root}/fhir`, stop: () => his.stop() };
}

export async function getToken(root, id = CLIENT.id, secret = CLIENT.secret) {
  const response = await fetch(`${root}/auth/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials&scope=system%2F*.*',
  });
  return { status: response.status, body: await response.json() };
}

/** A small FHIR client bound to one server and token. */
export async function fhirClient(root) {
  const { body } = await getToken(root);
  const token = body.access_token;
  const call = async (method, path, resource, headers = {}) => {
    const response = await fetch(`${root}/fhir/${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(resource !== undefined ? { 'Content-Type': 'application/fhir+json' } : {}),
        ...headers,
      },
      body: resource === undefined ? undefined : typeof resource === 'string' ? resource : JSON.stringify(resource),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  return {
    token,
    get: (path, headers) => call('GET', path, undefined, headers),
    post: (path, resource, headers) => call('POST', path, resource, headers),
    put: (path, resource, headers) => call('PUT', path, resource, headers),
    del: (path, headers) => call('DELETE', path, undefined, headers),
  };
}

export async function sim(root, method, name, body) {
  const response = await fetch(`${root}/$sim/${name}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json() };
}

/** A local HTTP receiver that records requests; respond(request, index) picks the status code. */
export async function startReceiver(respond = () => 200) {
  const requests = [];
  const waiters = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const record = { method: req.method, url: req.url, headers: req.headers, raw: Buffer.concat(chunks) };
      requests.push(record);
      res.writeHead(respond(record, requests.length - 1));
      res.end();
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hook`,
    requests,
    async waitFor(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = requests.filter(predicate);
        if (found.length) {
          return found;
        }
        await new Promise((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      throw new Error('timed out waiting for a request at the receiver');
    },
    stop: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}
