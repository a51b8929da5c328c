import { describe, expect, it } from 'vitest';
import { isSessionEnded, parseStoredSession, serializeSession, type StaffSession } from './session';

const session: StaffSession = {
  session: 'tok-1',
  staff: { staffId: '01JABCDEFGHJKMNPQRSTVWXYZ0', name: 'Maya', role: 'owner' },
  expiresAt: '2026-03-04T22:00:00.000Z',
};

describe('stored sessions', () => {
  it('round-trips', () => {
    expect(parseStoredSession(serializeSession(session))).toEqual(session);
  });

  it.each([
    null,
    '',
    'not json',
    '{}',
    JSON.stringify({ ...session, staff: { ...session.staff, role: 'king' } }),
  ])('refuses %j', (text) => {
    expect(parseStoredSession(text)).toBeNull();
  });
});

describe('isSessionEnded', () => {
  const unauthorized = { code: 'unauthorized', message: 'Log in with your PIN first.' };
  it.each([
    [{ name: 'staff.me', error: unauthorized, session: 'tok-1' }, 'tok-1', true],
    [{ name: 'catalog.list', error: unauthorized, session: 'tok-1' }, 'tok-1', true],
    [{ name: 'staff.me', error: unauthorized, session: 'tok-old' }, 'tok-1', false],
    [{ name: 'staff.me', error: unauthorized, session: null }, 'tok-1', false],
    [{ name: 'staff.me', error: unauthorized, session: 'tok-1' }, null, false],
    [
      { name: 'staff.approve', error: { ...unauthorized, details: { attemptsLeft: 3 } }, session: 'tok-1' },
      'tok-1',
      false,
    ],
    [{ name: 'staff.changeOwnPin', error: unauthorized, session: 'tok-1' }, 'tok-1', false],
    [
      { name: 'staff.me', error: { ...unauthorized, details: { pairingRequired: true } }, session: 'tok-1' },
      'tok-1',
      false,
    ],
    [{ name: 'staff.me', error: { code: 'forbidden', message: 'no' }, session: 'tok-1' }, 'tok-1', false],
  ])('%o with current %s → %s', (failure, current, ended) => {
    expect(isSessionEnded(failure, current)).toBe(ended);
  });
});
