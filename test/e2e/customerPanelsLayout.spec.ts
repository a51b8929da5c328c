/// <reference lib="dom" />
/**
 * Tablet sizes (800×1280 portrait, 1024×768) for Customers › Memberships (the tier editor) and
 * Customers › Vendors (the list, the new-vendor form and a vendor's statement with its actions):
 * no two buttons of a panel overlap, every button and field of it fits in the window once scrolled
 * to, and its lists fit the window's width (the screen scrolls down, never sideways).
 */
import { type Locator } from '@playwright/test';
import { demoStaff, goTo, loginByPin } from './helpers';
import { expect, shot, test } from './fixtures';

/** What is wrong with the panel's boxes: buttons that overlap, parts outside the window. */
async function panelProblems(panel: Locator): Promise<string[]> {
  return panel.evaluate((root) => {
    const label = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`;
    const visible = (el: Element) => el.getBoundingClientRect().width > 0;
    const buttons = [...root.querySelectorAll('button')].filter(visible);
    const problems: string[] = [];
    buttons.forEach((a, i) => {
      for (const b of buttons.slice(i + 1)) {
        if (a.contains(b) || b.contains(a)) continue;
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const across = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const down = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (across > 0.5 && down > 0.5) problems.push(`${label(a)} overlaps ${label(b)}`);
      }
    });
    // A list may be taller than the window (the screen scrolls): only its sides must fit.
    for (const list of [...root.querySelectorAll('ul')].filter(visible)) {
      const r = list.getBoundingClientRect();
      if (r.left < -0.5 || r.right > innerWidth + 0.5)
        problems.push(`${label(list)} is wider than the window`);
    }
    for (const part of [...buttons, ...root.querySelectorAll('input, select')].filter(visible)) {
      part.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = part.getBoundingClientRect();
      const inside =
        r.left >= -0.5 && r.top >= -0.5 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5;
      if (!inside) problems.push(`${label(part)} is outside the window`);
    }
    return problems;
  });
}

for (const size of [
  { width: 800, height: 1280 },
  { width: 1024, height: 768 },
] as const) {
  const tag = `${size.width}x${size.height}`;
  test(`the tier editor and the vendors panel fit at ${tag}`, async ({ page, host }) => {
    await page.setViewportSize(size);
    await page.goto(host.url);
    await loginByPin(page, demoStaff.owner);
    await goTo(page, 'Customers');

    await page.getByRole('radio', { name: 'Memberships' }).click();
    const tiers = page.getByRole('region', { name: 'Membership tiers', exact: true });
    await page.getByRole('button', { name: 'Add a tier' }).click();
    await expect(tiers.getByRole('listitem')).toHaveCount(4);
    expect(await panelProblems(tiers)).toEqual([]);
    await shot(page, `memberships-tiers-${tag}`);

    await page.getByRole('radio', { name: 'Vendors' }).click();
    await page.getByLabel('New vendor').fill('Luna Granola Co.');
    await page.getByRole('button', { name: 'Add vendor' }).click();
    const statement = page.getByRole('region', { name: 'Luna Granola Co.' });
    await expect(statement.getByTestId('vendor-owed')).toHaveText('$0.00');
    expect(await panelProblems(page.getByRole('region', { name: 'Vendors', exact: true }))).toEqual([]);
    expect(await panelProblems(statement)).toEqual([]);
    await shot(page, `vendors-${tag}`);
  });
}
