import { sleep } from './http-util.mjs';

const BACKOFF = [0, 1, 4, 10];
const LOG_SIZE = 200;

/** At-least-once HTTP POST: retried with backoff until a 2xx answer or the attempts run out. */
export function createDelivery({ retryBaseMs, timeoutMs = 5000 }) {
  const log = [];

  async function post(kind, url, body, headers) {
    const record = { kind, url, startedAt: new Date().toISOString(), attempts: [], delivered: false };
    log.push(record);
    if (log.length > LOG_SIZE) {
      log.shift();
    }
    for (const factor of BACKOFF) {
      await sleep(factor * retryBaseMs);
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.arrayBuffer();
        record.attempts.push({ at: new Date().toISOString(), status: response.status });
        if (response.ok) {
          record.delivered = true;
          record.status = response.status;
          return record;
        }
      } catch (err) {
        record.attempts.push({ at: new Date().toISOString(), error: err.cause?.code ?? err.name ?? String(err) });
      }
    }
    return record;
  }

  return { post, log: () => [...log], clear: () => log.splice(0) };
}
