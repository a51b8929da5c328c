import { describe, expect, it } from 'vitest';
import { submitThroughGate, type SubmitGate } from './submitGate';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('submitThroughGate', () => {
  it('drops a second submit while the first runs, and reopens after it', async () => {
    const gate: SubmitGate = { running: false };
    let release = () => {};
    const calls: number[] = [];
    const submit = () => {
      calls.push(calls.length);
      return new Promise<void>((resolve) => (release = resolve));
    };
    expect(submitThroughGate(gate, false, submit)).toBe(true);
    expect(submitThroughGate(gate, false, submit)).toBe(false);
    await tick();
    expect(calls).toEqual([0]);
    release();
    await tick();
    expect(submitThroughGate(gate, false, submit)).toBe(true);
  });

  it.each([
    ['busy', true, false],
    ['idle', false, true],
  ])('when the form is %s it runs: %s', (_label, busy, expected) => {
    expect(submitThroughGate({ running: false }, busy, () => undefined)).toBe(expected);
  });

  it('reopens after a submit that fails', async () => {
    const gate: SubmitGate = { running: false };
    submitThroughGate(gate, false, () => Promise.reject(new Error('refused')));
    await tick();
    expect(gate.running).toBe(false);
  });
});
