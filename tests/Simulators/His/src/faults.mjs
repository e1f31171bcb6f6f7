const DEFAULTS = { delayMs: 0, failRate: 0, failStatus: 503, conflictOnNextSlotUpdate: false, holdWrites: false };
// A hold never outlives this, whatever the test that set it does.
const HOLD_LIMIT_MS = 60000;

/** Fault injection state for /fhir requests (what a slow or flaky HIS does to its clients). */
export function createFaults() {
  let state = { ...DEFAULTS };
  // While writes are held, every create/update/delete waits on this until the hold is lifted (or times out): a HIS
  // that takes exactly as long as a test needs, rather than a fixed delay that slows everyone else's calls too.
  let held = null;
  const lift = () => {
    if (!held) return;
    clearTimeout(held.timer);
    held.release();
    held = null;
  };
  const hold = () => {
    if (held) return;
    let release;
    const gate = new Promise((resolve) => { release = resolve; });
    held = { gate, release, timer: setTimeout(() => { state = { ...state, holdWrites: false }; lift(); }, HOLD_LIMIT_MS) };
  };
  return {
    get: () => ({ ...state }),
    /** Resolves when a write may go on (at once unless writes are held). */
    writeGate: () => held?.gate ?? Promise.resolve(),
    set(input) {
      const next = { ...state };
      if (input.holdWrites !== undefined) next.holdWrites = Boolean(input.holdWrites);
      if (input.delayMs !== undefined) next.delayMs = Math.max(0, Math.min(60000, Number(input.delayMs) || 0));
      if (input.failRate !== undefined) next.failRate = Math.max(0, Math.min(1, Number(input.failRate) || 0));
      if (input.failStatus !== undefined) {
        const status = Number(input.failStatus);
        if (!Number.isInteger(status) || status < 400 || status > 599) {
          throw new Error('failStatus must be an HTTP error status (400-599)');
        }
        next.failStatus = status;
      }
      if (input.conflictOnNextSlotUpdate !== undefined) next.conflictOnNextSlotUpdate = Boolean(input.conflictOnNextSlotUpdate);
      state = next;
      if (state.holdWrites) hold(); else lift();
      return { ...state };
    },
    reset() {
      state = { ...DEFAULTS };
      lift();
    },
    shouldFail: () => state.failRate > 0 && Math.random() < state.failRate,
    consumeSlotConflict() {
      const armed = state.conflictOnNextSlotUpdate;
      state.conflictOnNextSlotUpdate = false;
      return armed;
    },
  };
}
