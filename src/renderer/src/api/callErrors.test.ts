import { describe, expect, it } from 'vitest';
import { type CallResult, type Transport } from '../../../shared/api';
import { observeCallErrors } from './callErrors';

function fixedTransport(result: CallResult): Transport {
  return { invoke: async () => result, on: () => () => {} };
}

describe('observeCallErrors', () => {
  it('reports a failed call with its handler name and session, and passes the result on', async () => {
    const error = { code: 'unauthorized' as const, message: 'Log in with your PIN first.' };
    const observed = observeCallErrors(fixedTransport({ ok: false, error }));
    const seen: unknown[] = [];
    observed.onCallError((failure) => seen.push(failure));
    const result = await observed.transport.invoke('staff.me', {}, 'token-1');
    expect(result).toEqual({ ok: false, error });
    expect(seen).toEqual([{ name: 'staff.me', error, session: 'token-1' }]);
  });

  it('stays quiet on success and after unsubscribing', async () => {
    const ok = observeCallErrors(fixedTransport({ ok: true, data: { fine: true } }));
    const seen: unknown[] = [];
    ok.onCallError((failure) => seen.push(failure));
    await ok.transport.invoke('system.info', {}, null);
    expect(seen).toEqual([]);

    const failing = observeCallErrors(
      fixedTransport({ ok: false, error: { code: 'conflict', message: 'x' } }),
    );
    const stop = failing.onCallError((failure) => seen.push(failure));
    stop();
    await failing.transport.invoke('staff.lock', {}, 's');
    expect(seen).toEqual([]);
  });
});
