import { HttpError, parseJson, readBody, sendJson } from './http-util.mjs';

/** Test controls under /$sim: health, faults, reset, HIS-initiated pushes and the count of FHIR requests served. Not authenticated, loopback only. */
export function createSimHandler({ faults, repo, reseed, push, delivery, withWriteLock, status, requests }) {
  const json = async (req) => parseJson(await readBody(req, 64 * 1024)) ?? {};
  const routes = {
    'GET health': async (req, res) => sendJson(res, 200, { status: 'ok', ...status(), faults: faults.get() }),
    'GET faults': async (req, res) => sendJson(res, 200, faults.get()),
    'POST faults': async (req, res) => {
      const input = await json(req);
      let state;
      try {
        state = faults.set(input);
      } catch (err) {
        throw new HttpError(400, 'value', err.message);
      }
      let takenSlot;
      if (input.takeSlot) {
        takenSlot = await withWriteLock(() => repo.touch('Slot', String(input.takeSlot), (slot) => {
          slot.status = 'busy';
          slot.comment = `${slot.comment ?? ''}（HIS 窗口挂号占用）`.trim();
        })).catch(() => {
          throw new HttpError(404, 'not-found', `Slot/${input.takeSlot} 不存在`);
        });
      }
      sendJson(res, 200, { ...state, ...(takenSlot ? { takenSlot: { id: takenSlot.id, versionId: takenSlot.meta.versionId } } : {}) });
    },
    'DELETE faults': async (req, res) => {
      faults.reset();
      sendJson(res, 200, faults.get());
    },
    'POST reset': async (req, res) => {
      const summary = await withWriteLock(() => reseed());
      delivery.clear();
      sendJson(res, 200, summary);
    },
    'POST push': async (req, res) => sendJson(res, 200, await push(await json(req))),
    'GET deliveries': async (req, res) => sendJson(res, 200, delivery.log()),
    'GET requests': async (req, res) => sendJson(res, 200, Object.fromEntries(requests)),
    'DELETE requests': async (req, res) => {
      requests.clear();
      sendJson(res, 200, {});
    },
  };
  return async function handleSim(req, res, url) {
    const name = url.pathname.slice('/$sim/'.length);
    const route = routes[`${req.method} ${name}`];
    if (!route) {
      throw new HttpError(404, 'not-found', `未知的模拟器接口 ${req.method} ${url.pathname}`);
    }
    await route(req, res);
  };
}
