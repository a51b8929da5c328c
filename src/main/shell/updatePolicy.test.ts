import { describe, expect, it } from 'vitest';
import { mayInstallUpdate, type UpdateState } from './updatePolicy';

const idle: UpdateState = {
  updateReady: true,
  managerGo: false,
  shift: 'none',
  saleInProgress: false,
  paymentsInFlight: 0,
};

describe('mayInstallUpdate', () => {
  it.each<[string, Partial<UpdateState>, boolean, string]>([
    ['nothing downloaded', { updateReady: false }, false, 'nothing'],
    ['nothing downloaded, even with a go', { updateReady: false, managerGo: true }, false, 'nothing'],
    ['no shift open, nothing on the counter', {}, true, ''],
    ['the shift just closed', { shift: 'closed' }, true, ''],
    ['the shift is open', { shift: 'open' }, false, 'shift-end'],
    ['the shift is closing (counting the drawer)', { shift: 'closing' }, false, 'shift-end'],
    ['the shift is not known yet (start-up)', { shift: 'unknown' }, false, 'shift-end'],
    ["the shift is open, and a manager's go", { shift: 'open', managerGo: true }, true, ''],
    ["the shift is not known, and a manager's go", { shift: 'unknown', managerGo: true }, true, ''],
    ['a sale being rung up, shift open', { shift: 'open', saleInProgress: true }, false, 'sale'],
    [
      "a sale being rung up, a manager's go",
      { shift: 'open', saleInProgress: true, managerGo: true },
      false,
      'sale',
    ],
    ['a sale being rung up, no shift', { saleInProgress: true }, false, 'sale'],
    ['a card payment in flight', { shift: 'open', paymentsInFlight: 1 }, false, 'payment'],
    [
      "a payment in flight, a manager's go",
      { shift: 'open', paymentsInFlight: 1, managerGo: true },
      false,
      'payment',
    ],
    [
      'a payment in flight after the shift closed',
      { shift: 'closed', paymentsInFlight: 2 },
      false,
      'payment',
    ],
    ['a payment in flight and a sale', { paymentsInFlight: 1, saleInProgress: true }, false, 'payment'],
  ])('%s', (_case, change, install, waitingFor) => {
    const decision = mayInstallUpdate({ ...idle, ...change });
    expect(decision.install).toBe(install);
    if (!decision.install) expect(decision.waitingFor).toBe(waitingFor);
    expect(decision.reason.length).toBeGreaterThan(0);
  });

  it('says how many payments it waits for', () => {
    expect(mayInstallUpdate({ ...idle, paymentsInFlight: 3 }).reason).toBe(
      'Waiting for 3 payments in flight.',
    );
  });
});
