// Fault injection shared by the protocol endpoints: the next `count` requests (or all, when count is absent)
// time out, fail with 500, or are rate limited with 429 {code:"RATE_LIMITED"}.
export const FAULT_MODES = ['timeout', 'error', 'rate_limit'];

export function createFaults() {
  let active = null;
  return {
    set(spec) {
      if (!spec || spec.mode === 'none') {
        active = null;
        return null;
      }
      if (!FAULT_MODES.includes(spec.mode)) throw new Error(`mode must be one of ${FAULT_MODES.join(', ')}, none`);
      const count = spec.count === undefined ? Infinity : Number(spec.count);
      if (!(count > 0)) throw new Error('count must be a positive number');
      active = { mode: spec.mode, remaining: count, delayMs: Number(spec.delayMs ?? 10_000) };
      return this.describe();
    },
    clear() {
      active = null;
    },
    describe() {
      return active && { mode: active.mode, remaining: Number.isFinite(active.remaining) ? active.remaining : null, delayMs: active.delayMs };
    },
    take() {
      if (!active) return null;
      const fault = { mode: active.mode, delayMs: active.delayMs };
      active.remaining -= 1;
      if (active.remaining <= 0) active = null;
      return fault;
    },
  };
}
