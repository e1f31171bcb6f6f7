const DEFAULTS = { delayMs: 0, failRate: 0, failStatus: 503, conflictOnNextSlotUpdate: false };

/** Fault injection state for /fhir requests (what a slow or flaky HIS does to its clients). */
export function createFaults() {
  let state = { ...DEFAULTS };
  return {
    get: () => ({ ...state }),
    set(input) {
      const next = { ...state };
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
      return { ...state };
    },
    reset() {
      state = { ...DEFAULTS };
    },
    shouldFail: () => state.failRate > 0 && Math.random() < state.failRate,
    consumeSlotConflict() {
      const armed = state.conflictOnNextSlotUpdate;
      state.conflictOnNextSlotUpdate = false;
      return armed;
    },
  };
}
