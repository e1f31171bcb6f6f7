function initial() {
  return { down: false, delayMs: 0, failNext: [], refuseNext: 0, timeoutNext: 0 };
}

/** `path` matches exactly, or as a prefix when it ends with `*` (e.g. "/api/v1/settlements/*"). */
const pathMatches = (rule, method, pathname) =>
  (!rule.method || rule.method === method)
  && (rule.path.endsWith('*') ? pathname.startsWith(rule.path.slice(0, -1)) : rule.path === pathname);

const count = (value) => Math.max(0, Number(value) || 0);

/** What a test switches on: the platform down or slow, planned API errors, refused settlements, calls held past the client's timeout. */
export function createFaults() {
  let state = initial();

  const takeOne = (key) => {
    if (state[key] <= 0) return false;
    state[key] -= 1;
    return true;
  };

  return {
    snapshot: () => ({ ...state, failNext: state.failNext.map((f) => ({ ...f })) }),
    apply(body) {
      if (body.down !== undefined) state.down = Boolean(body.down);
      if (body.delayMs !== undefined) state.delayMs = count(body.delayMs);
      if (body.refuseNext !== undefined) state.refuseNext = count(body.refuseNext);
      if (body.timeoutNext !== undefined) state.timeoutNext = count(body.timeoutNext);
      if (body.failNext) {
        const rules = Array.isArray(body.failNext) ? body.failNext : [body.failNext];
        for (const rule of rules) {
          if (!rule.path) throw new Error('failNext 需要 path');
          state.failNext.push({
            path: rule.path,
            method: rule.method?.toUpperCase(),
            status: Number(rule.status ?? 500),
            code: rule.code ?? 'SYSTEM_ERROR',
            message: rule.message ?? '系统繁忙，请稍后重试',
            count: Number(rule.count ?? 1),
          });
        }
      }
    },
    reset() {
      state = initial();
    },
    get down() { return state.down; },
    get delayMs() { return state.delayMs; },
    /** Consumes one refusal of a pre-settlement or a new settlement, if any are planned. */
    takeRefusal: () => takeOne('refuseNext'),
    /** Consumes one "hold until the caller gives up" of a signed call, if any are planned. */
    takeTimeout: () => takeOne('timeoutNext'),
    /** Consumes one planned failure for this call, if any. */
    takeFailure(method, pathname) {
      const rule = state.failNext.find((f) => f.count > 0 && pathMatches(f, method, pathname));
      if (!rule) return undefined;
      rule.count -= 1;
      state.failNext = state.failNext.filter((f) => f.count > 0);
      return rule;
    },
  };
}
