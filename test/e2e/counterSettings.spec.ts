/**
 * Issue 8, the counter's store settings, in Chromium against the real host:
 * - a fixed PIN length: the PIN pad signs in by itself at that length (no Enter, no ✓); a wrong PIN
 *   clears and says so; the length cannot be fixed while a member's PIN has another; new PINs keep it;
 * - blind count: the close hides the expected cash until the count is checked, then shows over or
 *   short (the core's figure) and closes with it or recounts;
 * - quick cash: each quick amount shows the change it gives before it is tapped, and typed cash
 *   shows its change, both from the core;
 * - the till's name (not its id) on the top bar, the orders screen, the receipt, the Z report and
 *   the activity log;
 * - at tablet sizes (800×1280 portrait, 1024×768) the settings' buttons stay in the window, apart.
 */
import { type Page } from '@playwright/test';
import {
  addProduct,
  closeShiftCounting,
  demoStaff,
  goTo,
  loginByPin,
  logOut,
  openShiftWithFloat,
  ownerTurnsOnBlindCount,
  saveStoreSettings,
} from './helpers';
import { expect, shot, test } from './fixtures';
import { buttonProblems, tabletSizes } from './tabletLayout';

/** Taps a member on the login screen and types their PIN, without Enter. */
async function typePin(page: Page, who: { name: string; pin: string }): Promise<void> {
  await page.getByRole('button', { name: new RegExp(who.name) }).click();
  await expect(page.getByRole('group', { name: `PIN for ${who.name}` })).toBeVisible();
  await page.keyboard.type(who.pin);
}

test('a fixed PIN length signs in by itself; a wrong PIN clears; the length rules every PIN', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);

  // The demo's PINs have 4 digits: 6 cannot be fixed, and the refusal sits beside the field.
  await saveStoreSettings(
    page,
    async (panel) => {
      await panel.getByRole('combobox', { name: 'PIN length' }).selectOption('6');
    },
    { expectSaved: false },
  );
  await expect(page.getByRole('tabpanel')).toContainText('members have PINs of another length');
  await page.getByRole('combobox', { name: 'PIN length' }).selectOption('4');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    page
      .getByRole('tabpanel')
      .getByRole('status')
      .filter({ hasText: /change/ }),
  ).toHaveText('All changes saved');

  // A new member's PIN must have the store's length: said beside the field, nothing sent.
  await goTo(page, 'Staff');
  await page.getByRole('button', { name: 'Add staff member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a staff member' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Nina Newhire');
  await dialog.getByLabel('PIN', { exact: true }).fill('482615');
  // The field takes no more digits than the store's length.
  await expect(dialog.getByLabel('PIN', { exact: true })).toHaveValue('4826');
  await expect(dialog).toContainText('Exactly 4 digits');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await logOut(page);

  // No Enter: the fourth digit signs in.
  await typePin(page, demoStaff.cashier);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await logOut(page);

  // A wrong PIN: cleared and said, the pad ready for the next try; the lockout words unchanged.
  await typePin(page, { name: demoStaff.cashier.name, pin: '9147' });
  const pad = page.getByRole('group', { name: `PIN for ${demoStaff.cashier.name}` });
  await expect(pad.getByRole('alert')).toContainText('Wrong PIN');
  await expect(pad.getByRole('status')).toHaveText('No digits entered');
  await shot(page, 'pin-fixed-length-wrong');
  await page.keyboard.type(demoStaff.cashier.pin);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  // A manager's approval takes the PIN the same way: no Enter.
  await openShiftWithFloat(page, '100.00');
  await page.getByRole('button', { name: 'No sale' }).click();
  const noSale = page.getByRole('dialog', { name: 'No sale' });
  await noSale.getByRole('textbox', { name: 'Reason' }).fill('Change for the float');
  await noSale.getByRole('button', { name: 'Open drawer' }).click();
  const approval = page.getByRole('dialog', { name: 'Manager approval' });
  await approval.getByRole('button', { name: new RegExp(demoStaff.manager.name) }).click();
  await expect(approval.getByRole('group', { name: `PIN for ${demoStaff.manager.name}` })).toBeVisible();
  await page.keyboard.type(demoStaff.manager.pin);
  await expect(approval).toBeHidden();
  await expect(noSale).toBeHidden();
});

test('blind count: the expected cash shows only once counted, with over/short to confirm or recount', async ({
  page,
  host,
}) => {
  await ownerTurnsOnBlindCount(page, host);
  await openShiftWithFloat(page, '100.00');
  await page.getByRole('button', { name: 'Close shift' }).click();

  const expected = page.getByTestId('expected-cash');
  await expect(expected).toHaveText('Hidden until counted');
  await expect(page.getByRole('button', { name: 'Close shift' })).toHaveCount(0);
  await page.getByLabel('Count of $20 bills', { exact: true }).fill('4');
  await expect(expected).toHaveText('Hidden until counted');
  await page.getByRole('button', { name: 'Check count' }).click();
  await expect(page.getByTestId('over-short')).toContainText('The drawer is short by $20.00');
  await expect(expected).toHaveText('$100.00');
  await shot(page, 'shift-blind-count-short');

  // Recount: the figures hide again until the new count is checked.
  await page.getByRole('button', { name: 'Recount' }).click();
  await expect(expected).toHaveText('Hidden until counted');
  await page.getByLabel('Count of $20 bills', { exact: true }).fill('5');
  await page.getByRole('button', { name: 'Check count' }).click();
  await expect(page.getByTestId('over-short')).toContainText('The drawer is even');
  await page.getByRole('button', { name: 'Close shift' }).click();
  const report = page.getByTestId('z-report');
  await expect(report.getByTestId('z-difference')).toHaveText('$0.00');
});

test('quick cash shows the change before the payment, and typed cash its change, from the core', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.cashier);
  await openShiftWithFloat(page, '100.00');
  await goTo(page, 'Checkout');
  // Espresso 3.25 + 8.875% tax 0.29 = 3.54.
  await addProduct(page, 'Espresso');
  await expect(page.getByTestId('cart-total')).toHaveText('$3.54');
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.getByRole('button', { name: /^Cash/ }).click();

  const quick = page.getByRole('group', { name: 'Quick amounts' });
  await expect(quick.getByRole('button', { name: 'Exact' })).toContainText('$3.54');
  await expect(quick.getByRole('button', { name: '$20.00, change $16.46' })).toContainText('→ change $16.46');
  const five = quick.getByRole('button', { name: '$5.00, change $1.46' });
  await expect(five).toBeVisible();

  // Typed: the change of what is typed, before Take cash.
  await page.keyboard.type('10');
  await expect(page.getByTestId('typed-change')).toHaveText('Change $6.46');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('2');
  await expect(page.getByTestId('typed-change')).toContainText('less than the 3.54 USD to pay');
  await shot(page, 'checkout-cash-change');

  // The change shown is the change taken.
  await five.click();
  await expect(page.getByTestId('change-due')).toHaveText('$1.46');
});

test('the till is named by its name on the top bar, orders, the receipt, the Z report and the log', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  const tillName = page.getByRole('banner').getByTestId('till-name');
  await expect(tillName).toHaveText('Till 1');
  await saveStoreSettings(page, async (panel) => {
    await panel.getByRole('textbox', { name: 'Till name' }).fill('Front counter');
  });
  await expect(tillName).toHaveText('Front counter');

  await openShiftWithFloat(page, '100.00');
  await goTo(page, 'Checkout');
  await addProduct(page, 'Espresso');
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.getByRole('button', { name: /^Cash/ }).click();
  await page.getByRole('group', { name: 'Quick amounts' }).getByRole('button', { name: 'Exact' }).click();
  await page.getByRole('button', { name: 'New sale' }).click();

  await goTo(page, 'Orders');
  await expect(page.getByText('Sales, refunds and receipts on Front counter.')).toBeVisible();
  await page
    .getByRole('button', { name: /\$3\.54/ })
    .first()
    .click();
  const receipt = page.frameLocator('iframe[title="Receipt preview"]');
  await expect(receipt.locator('body')).toContainText('Front counter');
  await expect(receipt.locator('body')).not.toContainText(/Till [0-9A-Z]{4}\b/);

  await closeShiftCounting(page, [['Count of $100 bills', '1']]);
  await expect(page.getByTestId('z-report')).toContainText('Front counter');

  await goTo(page, 'Staff');
  await page.getByRole('tab', { name: 'Activity' }).click();
  const opened = page.getByRole('row').filter({ hasText: 'Shift opened' });
  await expect(opened).toContainText('till: Front counter');
  await expect(page.getByRole('tabpanel')).toContainText('till name: Till 1 → Front counter');
});

test('the counter settings hold together on a tablet, portrait and landscape', async ({ page, host }) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await goTo(page, 'Settings');
  for (const size of tabletSizes) {
    await page.setViewportSize(size);
    await expect(page.getByRole('switch', { name: 'Blind count' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeAttached();
    expect(await buttonProblems(page)).toEqual([]);
    await shot(page, `settings-counter-${size.width}x${size.height}`);
  }
});
