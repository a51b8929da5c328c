import { describe, expect, it } from 'vitest';
import { type CoreData, coreDataStep } from './coreDataState';

describe('coreDataStep', () => {
  it('loads, refreshes keeping what is shown, and fails without stale data', () => {
    let state: CoreData<number> = { kind: 'loading' };
    state = coreDataStep(state, { type: 'start' });
    expect(state).toEqual({ kind: 'loading' });
    state = coreDataStep(state, { type: 'loaded', data: 1 });
    expect(state).toEqual({ kind: 'ready', data: 1, refreshing: false });
    state = coreDataStep(state, { type: 'start' });
    expect(state).toEqual({ kind: 'ready', data: 1, refreshing: true });
    state = coreDataStep(state, { type: 'failed', message: 'The till cannot be reached.' });
    expect(state).toEqual({ kind: 'error', message: 'The till cannot be reached.', refreshing: false });
  });
});
