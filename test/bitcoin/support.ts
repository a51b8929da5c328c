/**
 * Test support for the Bitcoin watchers: wait on a condition (never on a clock), and a recorder
 * of what a watcher reported.
 */
import { type ChainWatcher, type ObservedPayment } from '../../src/main/chains/watcher';

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface Recorder {
  /** The last set reported per address. */
  current(address: string): readonly ObservedPayment[] | undefined;
  /** Every set reported for an address, in order. */
  reports(address: string): readonly (readonly ObservedPayment[])[];
  /** Every payment key ever reported for an address. */
  keysEver(address: string): Set<string>;
  /** Waits for the current set of an address to satisfy a check. */
  until(
    address: string,
    what: string,
    check: (payments: readonly ObservedPayment[]) => boolean,
    timeoutMs?: number,
  ): Promise<readonly ObservedPayment[]>;
  stop(): void;
}

export function record(watcher: ChainWatcher): Recorder {
  const byAddress = new Map<string, (readonly ObservedPayment[])[]>();
  const stop = watcher.onPayments((address, payments) => {
    const list = byAddress.get(address) ?? [];
    list.push(payments);
    byAddress.set(address, list);
  });
  const current = (address: string) => byAddress.get(address)?.at(-1);
  return {
    current,
    reports: (address) => byAddress.get(address) ?? [],
    keysEver: (address) => new Set((byAddress.get(address) ?? []).flatMap((set) => set.map((p) => p.key))),
    until: (address, what, check, timeoutMs) =>
      waitFor(
        what,
        () => {
          const payments = current(address);
          return payments && check(payments) ? payments : undefined;
        },
        timeoutMs,
      ),
    stop,
  };
}

export interface LoggedWarning {
  readonly msg: string | undefined;
  readonly obj: Record<string, unknown>;
}

export function recordingLogger() {
  const warnings: LoggedWarning[] = [];
  return {
    warnings,
    logger: {
      warn: (obj: object, msg?: string) => warnings.push({ msg, obj: obj as Record<string, unknown> }),
      info: () => undefined,
      debug: () => undefined,
    },
  };
}
