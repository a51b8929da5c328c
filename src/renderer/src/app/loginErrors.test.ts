import { describe, expect, it } from 'vitest';
import { isStillLocked, lockedUntilOf, loginRefusalMessage } from './loginErrors';

const now = new Date(2026, 2, 4, 14, 0);
const in5min = new Date(2026, 2, 4, 14, 5).toISOString();

describe('login refusals', () => {
  it.each([
    [
      { code: 'locked', message: 'core words', details: { lockedUntil: in5min } },
      'Too many wrong PINs. Try again at 2:05 PM.',
    ],
    [{ code: 'locked', message: 'Locked for a while.', details: {} }, 'Locked for a while.'],
    [
      { code: 'unauthorized', message: 'Wrong PIN for Maya. 4 more wrong tries lock them out for a while.' },
      'Wrong PIN for Maya. 4 more wrong tries lock them out for a while.',
    ],
    [{ code: 'unavailable', message: 'The till cannot be reached.' }, 'The till cannot be reached.'],
  ])('%o → %s', (refusal, text) => {
    expect(loginRefusalMessage(refusal, 'en-US', now)).toBe(text);
  });

  it('reads the lockout end only from a locked error', () => {
    expect(lockedUntilOf({ code: 'locked', message: '', details: { lockedUntil: in5min } })).toBe(in5min);
    expect(lockedUntilOf({ code: 'unauthorized', message: '', details: { lockedUntil: in5min } })).toBeNull();
  });

  it.each([
    [null, false],
    [in5min, true],
    [new Date(2026, 2, 4, 13, 59).toISOString(), false],
    ['garbage', false],
  ])('lockout %s still on at 14:00: %s', (until, locked) => {
    expect(isStillLocked(until, now)).toBe(locked);
  });
});
