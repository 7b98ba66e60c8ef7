// Hang scenarios (a request accepted and never answered) with a short per-try timeout and run budget, so that each
// ends in seconds, not in the 30 s per try and 120 s budget of the defaults. REPORT_CHECK_TRY_TIMEOUT_MS is the
// action's test-only knob for the per-try timeout (src/github/limits.ts); timeout-seconds is the real input.
export const HANG = { tryTimeoutMs: 10_000, budgetSeconds: 60 };

/** `scenario` with the short per-try timeout and budget of a hang scenario. */
export function shortHang(scenario) {
  return {
    ...scenario,
    inputs: { ...scenario.inputs, 'timeout-seconds': String(HANG.budgetSeconds) },
    env: { ...scenario.env, REPORT_CHECK_TRY_TIMEOUT_MS: String(HANG.tryTimeoutMs) },
  };
}
