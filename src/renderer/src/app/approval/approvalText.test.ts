import { describe, expect, it } from 'vitest';
import { approvalRefusalMessage, approversOf, canApproveRole } from './approvalText';

const staff = [
  { staffId: 'C', name: 'Casey Cashier', role: 'cashier' as const },
  { staffId: 'O', name: 'Olivia Owner', role: 'owner' as const },
  { staffId: 'M2', name: 'Zed Manager', role: 'manager' as const },
  { staffId: 'M1', name: 'Marco Manager', role: 'manager' as const },
];

describe('approversOf', () => {
  it.each([
    [null, ['M1', 'M2', 'O']],
    ['M1', ['M2', 'O']],
    ['C', ['M1', 'M2', 'O']],
  ])('requested by %s → %j (managers first, by name)', (requester, expected) => {
    expect(approversOf(staff, requester).map((member) => member.staffId)).toEqual(expected);
  });

  it.each([
    ['cashier', false],
    ['manager', true],
    ['owner', true],
  ] as const)('canApproveRole(%s) = %s', (role, expected) => {
    expect(canApproveRole(role)).toBe(expected);
  });
});

describe('approvalRefusalMessage', () => {
  const now = new Date(2026, 0, 5, 9, 0);
  it.each([
    [
      {
        code: 'unauthorized',
        message: 'Wrong PIN for Marco Manager. 4 more wrong tries lock them out for a while.',
      },
      'Wrong PIN for Marco Manager. 4 more wrong tries lock them out for a while.',
    ],
    [
      { code: 'forbidden', message: 'Casey Cashier is a cashier: only a manager or an owner can approve.' },
      'Casey Cashier is a cashier: only a manager or an owner can approve.',
    ],
    [
      {
        code: 'locked',
        message: 'locked until 2026-01-05T14:15:00.000Z',
        details: { lockedUntil: new Date(2026, 0, 5, 9, 15).toISOString() },
      },
      'Too many wrong PINs. Try again at 9:15 AM.',
    ],
  ])('%j', (refusal, expected) => {
    expect(approvalRefusalMessage(refusal, 'en-US', now)).toBe(expected);
  });
});
