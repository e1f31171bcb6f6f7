import http from 'node:http';
import { FhirRouter } from '@medplum/fhir-router';
import { buildSeed } from '../seed/index.mjs';
import { shanghaiDate } from '../seed/clock.mjs';
import { createAuth } from './auth.mjs';
import { createDelivery } from './delivery.mjs';
import { createFaults } from './faults.mjs';
import { createFhirHandler } from './fhir-handler.mjs';
import { loadFhirDefinitions } from './fhir-definitions.mjs';
import { createMutex, HttpError, sendJson, FHIR_JSON, outcome } from './http-util.mjs';
import { createPusher } from './push.mjs';
import { HisRepository } from './repository.mjs';
import { createRules } from './rules.mjs';
import { createSimHandler } from './sim-handler.mjs';
import { createSubscriptionNotifier } from './subscriptions.mjs';

export function createHis(config) {
  loadFhirDefinitions();
  const startedAt = new Date().toISOString();
  const repo = new HisRepository();
  const router = new FhirRouter();
  const faults = createFaults();
  const withWriteLock = createMutex();
  const delivery = createDelivery({ retryBaseMs: config.retryBaseMs });
  const auth = createAuth(config);
  repo.addRule(createRules(faults));
  createSubscriptionNotifier({ repo, delivery });

  let seedInfo;
  async function reseed() {
    repo.clear();
    seedInfo = buildSeed({ seed: config.seed, today: config.seedDate ?? shanghaiDate() });
    for (const resource of seedInfo.resources) {
      await repo.loadSeed(resource);
    }
    return { today: seedInfo.today, ...seedInfo.summary, showcase: seedInfo.showcase };
  }

  const status = () => ({ startedAt, seedDate: seedInfo?.today, seed: seedInfo?.summary, showcase: seedInfo?.showcase });
  const push = createPusher({ repo, delivery, pushUrl: config.pushUrl, pushSecret: config.pushSecret, withWriteLock });
  const handleFhir = createFhirHandler({ router, repo, auth, faults, withWriteLock, startedAt });
  // FHIR requests by method and resource type ("GET MedicationRequest"), so a test can see what a client read.
  const requests = new Map();
  const count = (key) => requests.set(key, (requests.get(key) ?? 0) + 1);
  const handleSim = createSimHandler({ faults, repo, reseed, push, delivery, withWriteLock, status, requests });

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    try {
      if (url.pathname === '/fhir' || url.pathname.startsWith('/fhir/')) {
        const key = `${req.method} ${url.pathname.split('/')[2] ?? ''}`;
        count(key);
        // A search about one patient is counted for that patient too ("GET Condition Patient/pat-0120").
        const about = url.searchParams.get('subject') ?? url.searchParams.get('patient');
        if (about) count(`${key} ${about}`);
        await handleFhir(req, res, url);
      } else if (url.pathname === '/auth/token') {
        await auth.handleToken(req, res);
      } else if (url.pathname.startsWith('/$sim/')) {
        await handleSim(req, res, url);
      } else {
        throw new HttpError(404, 'not-found', `${url.pathname} 不存在`);
      }
    } catch (err) {
      sendError(res, err);
    }
  });
  // Longer than any client keeps an idle connection (.NET: 60 s), so the client closes it first: a server that
  // closed it (or a busy event loop whose keep-alive timer fired late) would reset a request already on the wire.
  server.keepAliveTimeout = 75_000;

  return {
    server,
    repo,
    reseed,
    status,
    async start() {
      await reseed();
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, resolve);
      });
      return server.address().port;
    },
    stop: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

function sendError(res, err) {
  if (res.headersSent) {
    res.destroy(err);
    return;
  }
  if (err instanceof HttpError) {
    const headers = err.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="his"' } : {};
    sendJson(res, err.status, err.outcome ?? outcome('error', err.code, err.message), headers, FHIR_JSON);
    return;
  }
  console.error(err);
  sendJson(res, 500, outcome('fatal', 'exception', '服务器内部错误'), {}, FHIR_JSON);
}
