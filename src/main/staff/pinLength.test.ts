import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMember, expectApiError, openTestTill, ownerPin, setupOwner, type TestTill } from './staffTestKit';

describe("the store's fixed PIN length", () => {
  let till: TestTill;
  let owner: { session: string; staffId: string };
  beforeEach(async () => {
    till = await openTestTill();
    owner = await setupOwner(till);
  });
  afterEach(() => till.close());

  const setLength = (pinLength: number) => till.core.call('settings.update', { pinLength }, owner.session);
  const listLength = async () => (await till.core.call('staff.list', {})).pinLength;

  it('is told to the login screen, and enforced on every new PIN', async () => {
    expect(await listLength()).toBeNull();
    await setLength(ownerPin.length);
    expect(await listLength()).toBe(4);
    const tooLong = await expectApiError(
      till.core.call('staff.create', { name: 'Cal Cashier', role: 'cashier', pin: '593718' }, owner.session),
      'bad_input',
    );
    expect(tooLong.message).toBe("This store's PINs have exactly 4 digits; this one has 6.");
    expect(tooLong.details).toMatchObject({ field: 'pin', problem: 'length' });
    const cal = await addMember(till, owner.session, { name: 'Cal Cashier', role: 'cashier', pin: '5937' });
    await expectApiError(
      till.core.call('staff.setPin', { staffId: cal.staffId, pin: '593718' }, owner.session),
      'bad_input',
    );
    await expectApiError(
      till.core.call('staff.changeOwnPin', { currentPin: ownerPin, newPin: '48261593' }, owner.session),
      'bad_input',
    );
  });

  it('is refused while an active member has a PIN of another length, and nothing changes', async () => {
    await addMember(till, owner.session, { name: 'Cal Cashier', role: 'cashier', pin: '593718' });
    const refused = await expectApiError(setLength(4), 'conflict');
    expect(refused.message).toMatch(/1 active member has a PIN of another length/);
    expect(refused.details).toMatchObject({ field: 'pinLength', from: 0, to: 4 });
    expect((await till.core.call('settings.get', {}, owner.session)).settings.pinLength).toBe(0);
    expect(await listLength()).toBeNull();
    // Any length (0) is always allowed.
    await setLength(0);
  });

  it('learns the length of a PIN set before lengths were kept, at its next login', async () => {
    // A PIN from before the column: its length is not known, so the length cannot be fixed yet.
    till.core.db.prepare('UPDATE staff SET pin_length = NULL').run();
    await expectApiError(setLength(4), 'conflict');
    await till.core.call('staff.login', { staffId: owner.staffId, pin: ownerPin });
    await setLength(4);
    expect(await listLength()).toBe(4);
  });
});
