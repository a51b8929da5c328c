/**
 * Lets a form's submit run once at a time: a second click or Enter while the first is still running
 * is dropped (a double pay-out or a double refund request otherwise), even in the moment before the
 * caller's `busy` state has re-rendered.
 */
export interface SubmitGate {
  running: boolean;
}

/** Runs `submit` unless the form is busy or a submit is already running; says whether it ran. */
export function submitThroughGate(
  gate: SubmitGate,
  busy: boolean,
  submit: () => void | Promise<unknown>,
): boolean {
  if (busy || gate.running) return false;
  gate.running = true;
  void Promise.resolve()
    .then(submit)
    .catch(() => undefined) // the caller reports its own errors; the gate only has to reopen
    .finally(() => {
      gate.running = false;
    });
  return true;
}
