const COUNTED = ['duplicateNotices', 'forgeNotices', 'staleNotices', 'amountMismatch', 'refundAbnormal'];
const SWITCHES = ['concurrentDuplicates', 'outOfOrder', 'suppressNotices'];

function initial() {
  return {
    down: false,
    delayMs: 0,
    failNext: [],
    refusedWhileDown: 0,
    duplicateNotices: 1,
    forgeNotices: 0,
    staleNotices: 0,
    amountMismatch: 0,
    refundAbnormal: 0,
    concurrentDuplicates: false,
    outOfOrder: false,
    suppressNotices: false,
  };
}

/** `path` matches exactly, or as a prefix when it ends with `*` (e.g. "/v3/pay/transactions/out-trade-no/*"). */
const pathMatches = (rule, method, pathname) =>
  (!rule.method || rule.method === method)
  && (rule.path.endsWith('*') ? pathname.startsWith(rule.path.slice(0, -1)) : rule.path === pathname);

/** What a test switches on: WeChat Pay down or slow, planned API errors, and misbehaving notifications. */
export function createFaults() {
  let state = initial();
  const listeners = [];

  return {
    snapshot: () => ({ ...state, failNext: state.failNext.map((f) => ({ ...f })) }),
    onChange: (listener) => listeners.push(listener),
    apply(body) {
      const before = { ...state };
      if (body.down !== undefined) state.down = body.down === 'refuse' ? 'refuse' : Boolean(body.down);
      if (body.delayMs !== undefined) state.delayMs = Math.max(0, Number(body.delayMs) || 0);
      if (body.duplicateNotices !== undefined) state.duplicateNotices = Math.max(1, Number(body.duplicateNotices) || 1);
      for (const name of COUNTED.filter((n) => n !== 'duplicateNotices')) {
        if (body[name] !== undefined) state[name] = Math.max(0, Number(body[name]) || 0);
      }
      for (const name of SWITCHES) if (body[name] !== undefined) state[name] = Boolean(body[name]);
      if (body.failNext) {
        const rules = Array.isArray(body.failNext) ? body.failNext : [body.failNext];
        for (const rule of rules) {
          if (!rule.path) throw new Error('failNext needs a path');
          state.failNext.push({
            path: rule.path,
            method: rule.method?.toUpperCase(),
            status: Number(rule.status ?? 500),
            code: rule.code ?? 'SYSTEM_ERROR',
            message: rule.message ?? '系统错误',
            count: Number(rule.count ?? 1),
          });
        }
      }
      for (const listener of listeners) listener(before, state);
    },
    reset() {
      const before = state;
      state = initial();
      for (const listener of listeners) listener(before, state);
    },
    get down() { return state.down; },
    get delayMs() { return state.delayMs; },
    get duplicateNotices() { return state.duplicateNotices; },
    get concurrentDuplicates() { return state.concurrentDuplicates; },
    get outOfOrder() { return state.outOfOrder; },
    get suppressNotices() { return state.suppressNotices; },
    refuse() { state.refusedWhileDown += 1; },
    /** Consumes one of the next-n counters (forgeNotices, staleNotices, amountMismatch, refundAbnormal). */
    takeOne(name) {
      if (state[name] <= 0) return false;
      state[name] -= 1;
      return true;
    },
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
