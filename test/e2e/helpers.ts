/** Steps many end-to-end tests share: logging in by PIN, moving between sections. */
import { expect, type Locator, type Page } from '@playwright/test';

export const demoStaff = {
  owner: { name: 'Olivia Owner', pin: '2580' },
  manager: { name: 'Marco Manager', pin: '1470' },
  cashier: { name: 'Casey Cashier', pin: '3690' },
} as const;

export async function loginByPin(page: Page, who: { name: string; pin: string }): Promise<void> {
  await page.getByRole('button', { name: new RegExp(who.name) }).click();
  await page.keyboard.type(who.pin);
  await page.keyboard.press('Enter').catch(() => undefined);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

export async function goTo(page: Page, section: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: section, exact: true })
    .click();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section, exact: true }),
  ).toHaveAttribute('aria-current', 'page');
}

/** Opens a shift from the Shift screen with the float given as one amount ("100.00"). */
export async function openShiftWithFloat(page: Page, amount: string): Promise<void> {
  await goTo(page, 'Shift');
  await page.getByRole('radio', { name: /one amount/i }).check();
  await page.getByRole('textbox', { name: 'Opening float' }).fill(amount);
  await page.getByRole('button', { name: 'Open shift' }).click();
  await expect(page.getByRole('button', { name: 'Close shift' })).toBeVisible();
}

/** In the open "Manager approval" dialog: taps the approver, types their PIN, confirms. */
export async function approveAs(page: Page, approver: { name: string; pin: string }): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Manager approval' });
  await dialog.getByRole('button', { name: new RegExp(approver.name) }).click();
  await expect(dialog.getByRole('group', { name: `PIN for ${approver.name}` })).toBeVisible();
  await page.keyboard.type(approver.pin);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
}

/** Logs the current member out and waits for the login screen. */
export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByText('Tap your name, then type your PIN.')).toBeVisible();
}

/** Adds a product from the checkout's Items grid by its name ("Espresso"), as a tap on its tile. */
export async function addProduct(page: Page, name: string): Promise<void> {
  await page
    .getByRole('button', { name: new RegExp(`^${name}\\b`) })
    .first()
    .click();
}

/**
 * Settings › Store as the owner: `edit` changes fields in the panel, then Save changes; by default
 * waits until the panel says everything is saved.
 */
export async function saveStoreSettings(
  page: Page,
  edit: (panel: Locator) => Promise<void>,
  options: { expectSaved?: boolean } = {},
): Promise<void> {
  await goTo(page, 'Settings');
  await expect(page.getByRole('tab', { name: 'Store' })).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('tabpanel');
  await edit(panel);
  await page.getByRole('button', { name: 'Save changes' }).click();
  if (options.expectSaved !== false) {
    await expect(panel.getByRole('status').filter({ hasText: /change/ })).toHaveText('All changes saved');
  }
}

/**
 * From the Shift screen with a shift open: Close shift, fills the counts (label → count, e.g.
 * ["Count of $100 bills", "1"]), Close shift again, and waits for the Z report.
 */
export async function closeShiftCounting(
  page: Page,
  counts: readonly (readonly [string, string])[],
): Promise<void> {
  await goTo(page, 'Shift');
  await page.getByRole('button', { name: 'Close shift' }).click();
  for (const [label, count] of counts) await page.getByLabel(label, { exact: true }).fill(count);
  await page.getByRole('button', { name: 'Close shift' }).click();
  await expect(page.getByTestId('z-report')).toBeVisible();
}

/** Logs `who` in (the cashier by default), opens a shift with `float`, and goes to the checkout. */
export async function startSelling(
  page: Page,
  host: { url: string },
  who: { name: string; pin: string } = demoStaff.cashier,
  float = '100.00',
): Promise<void> {
  await page.goto(host.url);
  await loginByPin(page, who);
  await openShiftWithFloat(page, float);
  await goTo(page, 'Checkout');
}

/**
 * Pays the sale in the cart in cash: Pay, Cash, types `tendered` on the keypad ("20"), Take cash,
 * then closes the Paid dialog with Esc.
 */
export async function payCash(page: Page, tendered: string): Promise<void> {
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.getByRole('button', { name: /^Cash/ }).click();
  await page.keyboard.type(tendered);
  await page.getByRole('button', { name: 'Take cash' }).click();
  await expect(page.getByRole('dialog', { name: 'Paid' })).toBeVisible();
  await page.keyboard.press('Escape');
}

/**
 * At the checkout: adds `product` (an Espresso unless told), checks the cart's total when `total` is
 * given ("$3.54"), taps Pay and picks `tender` ("Card", "Crypto", "Pay by phone") in Take payment.
 */
export async function payWithTender(
  page: Page,
  tender: string,
  options: { product?: string; total?: string } = {},
): Promise<void> {
  await addProduct(page, options.product ?? 'Espresso');
  if (options.total) await expect(page.getByTestId('cart-total')).toHaveText(options.total);
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page
    .getByRole('dialog', { name: 'Take payment' })
    .getByRole('button', { name: tender, exact: true })
    .click();
}

/**
 * A sale up to its tender: logs `who` in (the cashier unless told), opens a shift with $100.00, adds
 * an Espresso at the checkout and picks `tender` (see payWithTender).
 */
export async function startSaleWithTender(
  page: Page,
  host: { url: string },
  tender: string,
  options: { who?: { name: string; pin: string }; total?: string } = {},
): Promise<void> {
  await startSelling(page, host, options.who ?? demoStaff.cashier);
  await payWithTender(page, tender, options.total ? { total: options.total } : {});
}

/** Opens the till and, as the owner, turns the store's blind count on (Settings › Store). */
export async function ownerTurnsOnBlindCount(page: Page, host: { url: string }): Promise<void> {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await saveStoreSettings(page, async (panel) => {
    await panel.getByRole('switch', { name: 'Blind count' }).click();
  });
}
