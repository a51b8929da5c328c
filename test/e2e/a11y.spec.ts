/**
 * Issue 8: an accessibility pass with axe-core over every screen — the login, each section of the
 * app as the owner, the checkout's payment dialog, the customer display — with no serious or
 * critical violation (WCAG 2.x A and AA rules).
 */
import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { demoStaff, goTo, loginByPin, openShiftWithFloat } from './helpers';
import { expect, test } from './fixtures';

async function seriousViolations(page: Page, where: string): Promise<string[]> {
  // Contrast is measured on what is shown, not on a dialog halfway through its fade-in: motion is
  // reduced (the app honours prefers-reduced-motion) so every transition has ended.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .slice(0, 12)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

test('no serious or critical axe violations on any screen', async ({ page, context, host }) => {
  test.setTimeout(180_000);
  const found: string[] = [];
  await page.goto(host.url);
  await expect(page.getByText('Tap your name, then type your PIN.')).toBeVisible();
  found.push(...(await seriousViolations(page, 'login')));

  await loginByPin(page, demoStaff.owner);
  await openShiftWithFloat(page, '100.00');
  found.push(...(await seriousViolations(page, 'shift')));
  // Every section, and every tab inside it (Settings › Store, Taxes, Payments, Sync, This till;
  // Staff › Activity; the reports' views), as each screen first shows.
  const visited: string[] = [];
  for (const section of ['Checkout', 'Orders', 'Products', 'Customers', 'Reports', 'Staff', 'Settings']) {
    await goTo(page, section);
    await page.waitForLoadState('networkidle');
    found.push(...(await seriousViolations(page, section)));
    const tabs = page.getByRole('tablist').first().getByRole('tab');
    const names = (await tabs.count()) > 0 ? await tabs.allInnerTexts() : [];
    for (const [index, name] of names.entries()) {
      await tabs.nth(index).click();
      await page.waitForLoadState('networkidle');
      visited.push(`${section} › ${name.trim()}`);
      found.push(...(await seriousViolations(page, `${section} › ${name.trim()}`)));
    }
  }
  for (const section of ['Settings', 'Staff', 'Reports'])
    expect(
      visited.filter((name) => name.startsWith(`${section} ›`)).length,
      visited.join(' | '),
    ).toBeGreaterThan(1);
  // Customers shows its other views through a segmented control.
  await goTo(page, 'Customers');
  for (const view of ['Vendors', 'Memberships']) {
    await page.getByRole('radiogroup', { name: 'Show' }).getByRole('radio', { name: view }).click();
    await page.waitForLoadState('networkidle');
    found.push(...(await seriousViolations(page, `Customers › ${view}`)));
  }

  await goTo(page, 'Checkout');
  await page
    .getByRole('button', { name: /^Espresso\b/ })
    .first()
    .click();
  found.push(...(await seriousViolations(page, 'Checkout with a sale')));
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Take payment' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'Payment dialog')));
  await page.getByRole('button', { name: /^Cash/ }).click();
  found.push(...(await seriousViolations(page, 'Cash step')));
  await page.keyboard.press('Escape');

  const display = await context.newPage();
  await display.goto(`${host.url}/display.html`);
  await expect(display.getByRole('heading').first()).toBeVisible();
  found.push(...(await seriousViolations(display, 'customer display')));

  expect(found).toEqual([]);
});

test('no serious or critical axe violations in the dark theme either', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  const found: string[] = [];
  await page.goto(host.url);
  await expect(page.getByText('Tap your name, then type your PIN.')).toBeVisible();
  found.push(...(await seriousViolations(page, 'dark login')));
  await loginByPin(page, demoStaff.owner);
  await openShiftWithFloat(page, '100.00');
  for (const section of ['Checkout', 'Orders', 'Shift', 'Products', 'Staff', 'Settings']) {
    await goTo(page, section);
    await page.waitForLoadState('networkidle');
    found.push(...(await seriousViolations(page, `dark ${section}`)));
  }
  expect(found).toEqual([]);
});
