/**
 * `npm test`'s browser step (run by `pretest` and `pretest:e2e`): finds the Chromium the tests drive
 * and, where the machine has none, installs one the way it allows (see scripts/browser.ts), or stops
 * with one line saying how. Prints the browser it found on one line.
 */
import {
  type BrowserPlan,
  type InstallAttempt,
  findBrowser,
  gatherLocateFacts,
  gatherMachineFacts,
  installFailedMessage,
  planBrowser,
  runQuietly,
} from './browser';

function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Runs the commands in order, stopping at the first that fails; its reason, or undefined. */
function firstFailure(commands: readonly (readonly string[])[]): string | undefined {
  for (const command of commands) {
    const result = runQuietly(command);
    if (!result.ok) return result.reason;
  }
  return undefined;
}

function report(plan: Extract<BrowserPlan, { kind: 'use' }>): void {
  console.log(`Browser for the tests: ${plan.path} (${plan.source})`);
}

const plan = planBrowser(gatherLocateFacts(), gatherMachineFacts());
if (plan.kind === 'use') {
  report(plan);
} else if (plan.kind === 'stop') {
  stop(plan.message);
} else {
  let lastAttempt: InstallAttempt | undefined;
  let reason = 'nothing to try';
  for (const attempt of plan.attempts) {
    lastAttempt = attempt;
    console.log(`No Chromium or Chrome found: installing Chromium with ${attempt.label}…`);
    const failure = firstFailure(attempt.commands);
    if (failure !== undefined) {
      reason = failure;
      continue;
    }
    const pick = findBrowser();
    if (pick.kind === 'found') {
      report({ kind: 'use', path: pick.path, source: pick.source });
      process.exit(0);
    }
    reason = 'it installed, but no Chromium could be found after it';
  }
  stop(installFailedMessage(lastAttempt, reason));
}
