/** Failures a test switches on: WeChat down, slow, or answering the next calls to a path with an errcode. */
export function createFaults() {
  const state = { down: false, delayMs: 0, failNext: [], refusedWhileDown: 0 };
  return {
    snapshot: () => ({
      down: state.down,
      delayMs: state.delayMs,
      failNext: state.failNext.map((f) => ({ ...f })),
      refusedWhileDown: state.refusedWhileDown,
    }),
    /** Counts a call refused because WeChat is down, so a test can wait for the attempt instead of sleeping. */
    refuse() {
      state.refusedWhileDown += 1;
    },
    apply(body) {
      if (body.down !== undefined) state.down = Boolean(body.down);
      if (body.delayMs !== undefined) state.delayMs = Math.max(0, Number(body.delayMs) || 0);
      if (body.failNext) {
        const rules = Array.isArray(body.failNext) ? body.failNext : [body.failNext];
        for (const rule of rules) {
          state.failNext.push({
            path: rule.path,
            errcode: Number(rule.errcode),
            errmsg: rule.errmsg ?? `simulated error ${rule.errcode}`,
            count: Number(rule.count ?? 1),
          });
        }
      }
    },
    reset() {
      state.down = false;
      state.delayMs = 0;
      state.failNext = [];
      state.refusedWhileDown = 0;
    },
    get down() {
      return state.down;
    },
    get delayMs() {
      return state.delayMs;
    },
    /** Consumes one planned failure for this path, if any. */
    take(path) {
      const rule = state.failNext.find((f) => f.path === path && f.count > 0);
      if (!rule) return undefined;
      rule.count -= 1;
      state.failNext = state.failNext.filter((f) => f.count > 0);
      return { errcode: rule.errcode, errmsg: rule.errmsg };
    },
  };
}
