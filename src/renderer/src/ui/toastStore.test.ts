import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '../../../shared/api/errors';
import { maxVisibleToasts, toast, toastStore } from './toastStore';

describe('toasts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    toastStore.getState().clear();
  });
  afterEach(() => {
    toastStore.getState().clear();
    vi.useRealTimers();
  });

  it('adds success, info and error toasts with their tone', () => {
    toast.success('Sale saved');
    toast.info('Printer warming up', { message: 'About 10 seconds' });
    toast.error('The card was declined');
    expect(toastStore.getState().toasts.map((t) => [t.tone, t.title, t.message])).toEqual([
      ['success', 'Sale saved', undefined],
      ['info', 'Printer warming up', 'About 10 seconds'],
      ['error', 'The card was declined', undefined],
    ]);
  });

  it.each([
    [
      new ApiCallError({
        code: 'insufficient_funds',
        message: 'The customer has 120 coins; 150 are needed.',
      }),
      'The customer has 120 coins; 150 are needed.',
    ],
    [new Error('Network down'), 'Network down'],
    ['Plain words', 'Plain words'],
    [{ weird: true }, 'Something went wrong.'],
  ])('an error toast shows the error’s own message (%#)', (error, title) => {
    toast.error(error);
    expect(toastStore.getState().toasts.at(-1)?.title).toBe(title);
  });

  it('puts the message under a given title', () => {
    toast.error(new ApiCallError({ code: 'locked', message: 'Locked until 14:05.' }), {
      title: 'Login failed',
    });
    const last = toastStore.getState().toasts.at(-1);
    expect(last?.title).toBe('Login failed');
    expect(last?.message).toBe('Locked until 14:05.');
  });

  it('keeps only the newest few', () => {
    for (let index = 0; index < maxVisibleToasts + 2; index++) toast.info(`Toast ${index}`);
    const titles = toastStore.getState().toasts.map((t) => t.title);
    expect(titles).toHaveLength(maxVisibleToasts);
    expect(titles.at(-1)).toBe(`Toast ${maxVisibleToasts + 1}`);
  });

  it('goes away by itself after its duration, or when dismissed', () => {
    const first = toast.success('Saved', { durationMs: 1_000 });
    toast.error('Declined', { durationMs: 5_000 });
    vi.advanceTimersByTime(1_001);
    expect(toastStore.getState().toasts.map((t) => t.title)).toEqual(['Declined']);
    expect(first).toBeTypeOf('number');
    const remaining = toastStore.getState().toasts[0]!;
    toast.dismiss(remaining.id);
    expect(toastStore.getState().toasts).toEqual([]);
  });
});
