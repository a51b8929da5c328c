/** Steps many end-to-end tests share: logging in by PIN, moving between sections. */
import { expect, type Page } from '@playwright/test';

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
