/**
 * Staff, in Chromium against the real host: the owner adds a cashier (name, PIN twice); the new
 * cashier logs in and sees neither Staff nor Reports; five wrong PINs in a row lock them out and
 * the login screen says until when; the owner's Activity log shows each wrong PIN and the lock.
 */
import { type APIRequestContext, type Page } from '@playwright/test';
import { demoStaff, goTo, loginByPin, logOut } from './helpers';
import { expect, type RunningHost, shot, test } from './fixtures';

/** Not an easy PIN for the core's rules: no repeated digit, no straight run, no ABAB, not well known. */
const newCashier = { name: 'Nina Newhire', pin: '4826' } as const;

async function addCashier(page: Page): Promise<void> {
  await goTo(page, 'Staff');
  await page.getByRole('button', { name: 'Add staff member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a staff member' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(newCashier.name);
  await expect(dialog.getByRole('radio', { name: 'Cashier' })).toHaveAttribute('aria-checked', 'true');
  await dialog.getByLabel('PIN', { exact: true }).fill(newCashier.pin);
  await dialog.getByLabel('PIN again', { exact: true }).fill(newCashier.pin);
  await shot(page, 'staff-add');
  await dialog.getByRole('button', { name: 'Add staff member' }).click();
  await expect(dialog).toBeHidden();
  const row = page
    .getByRole('table', { name: 'Staff members' })
    .getByRole('row')
    .filter({ hasText: newCashier.name });
  await expect(row.getByRole('cell').nth(1)).toHaveText('Cashier');
  await expect(row.getByRole('cell').nth(2)).toHaveText('Active');
}

/** The member's lockout end as the core holds it (staff.list answers with the device token alone). */
async function lockedUntilOf(request: APIRequestContext, host: RunningHost, name: string): Promise<string> {
  const response = await request.post(`${host.url}/api/staff.list`, {
    headers: { authorization: `Bearer ${host.token}` },
    data: {},
  });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as {
    data: { staff: { name: string; lockedUntil: string | null }[] };
  };
  const until = body.data.staff.find((member) => member.name === name)?.lockedUntil;
  if (!until) throw new Error(`${name} is not locked`);
  return until;
}

test('an owner adds a cashier, who logs in without Staff or Reports in the navigation', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await addCashier(page);
  await logOut(page);

  await loginByPin(page, newCashier);
  await expect(page.getByRole('banner').getByText(newCashier.name)).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText([
    /^Checkout/,
    /^Orders/,
    /^Shift/,
    /^Products/,
    /^Customers/,
    /^Settings/,
  ]);
  await expect(nav.getByRole('link', { name: 'Staff', exact: true })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Reports', exact: true })).toHaveCount(0);
  await shot(page, 'staff-new-cashier-nav');
});

test('five wrong PINs lock a member, the login screen says until when, and the Activity log shows it', async ({
  page,
  host,
  request,
}) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await addCashier(page);
  await logOut(page);

  await page.getByRole('button', { name: new RegExp(newCashier.name) }).click();
  const pad = page.getByRole('group', { name: `PIN for ${newCashier.name}` });
  const message = pad.getByRole('alert');
  // Four wrong PINs count down the tries left; the fifth locks.
  for (const left of [4, 3, 2, 1]) {
    await page.keyboard.type('9137');
    await page.keyboard.press('Enter');
    await expect(message).toHaveText(
      `Wrong PIN for ${newCashier.name}. ${left} more wrong ${left === 1 ? 'try locks' : 'tries lock'} them out for a while.`,
    );
  }
  await page.keyboard.type('9137');
  await page.keyboard.press('Enter');
  await expect(message).toHaveText(/^Too many wrong PINs\. Try again at /);

  // The lock lasts 5 minutes; the screen names its end in the store's locale (en-US), in the
  // store's time zone: the time alone when it is today there, else with the date (across midnight).
  const lockedUntil = await lockedUntilOf(request, host, newCashier.name);
  expect(Date.parse(lockedUntil) - Date.now()).toBeGreaterThan(4 * 60_000);
  // In the store's time zone (the demo store: America/New_York), whatever the device's: one clock.
  const until = await page.evaluate((iso) => {
    const timeZone = 'America/New_York';
    const end = new Date(iso);
    const day = (d: Date) => new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'short' }).format(d);
    const today = day(new Date()) === day(end);
    return new Intl.DateTimeFormat('en-US', {
      ...(today ? {} : { month: 'short', day: 'numeric' }),
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
    } as const).format(end);
  }, lockedUntil);
  await expect(message).toHaveText(`Too many wrong PINs. Try again at ${until}.`);
  await expect(pad.getByRole('button', { name: '1', exact: true })).toBeDisabled();
  await shot(page, 'staff-locked-pin-step');

  // Even the right PIN is refused while locked: the pad is off, and typing does nothing.
  await page.keyboard.type(newCashier.pin);
  await expect(pad.getByRole('status')).toHaveText('No digits entered');

  // Back on the list, the member's tile says it too.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('button', { name: new RegExp(newCashier.name) })).toContainText(
    `Too many wrong PINs. Try again at ${until}.`,
  );
  await shot(page, 'staff-locked-tile');

  // The owner reads the five wrong PINs and the lock in the Activity log.
  await loginByPin(page, demoStaff.owner);
  await goTo(page, 'Staff');
  const team = page
    .getByRole('table', { name: 'Staff members' })
    .getByRole('row')
    .filter({ hasText: newCashier.name });
  await expect(team.getByRole('cell').nth(2)).toHaveText(`Locked until ${until}`);

  await page.getByRole('tab', { name: 'Activity log' }).click();
  await page.getByRole('combobox', { name: 'Staff member' }).selectOption({ label: newCashier.name });
  const log = page.getByRole('table', { name: 'Activity log' });
  const rows = log.getByRole('row');
  // Newest first: the lock, then the five wrong PINs (adding the member is the owner's entry).
  await expect(page.getByText(/^\d+ entr(y|ies)$/)).toHaveText('6 entries');
  await expect(rows.nth(1).getByRole('cell').nth(2)).toHaveText('Locked out after wrong PINsstaff.locked');
  await expect(rows.nth(1).getByRole('cell').nth(3)).toHaveText(
    `locked until: ${lockedUntil} · lock number: 1`,
  );
  for (let i = 2; i <= 6; i += 1) {
    await expect(rows.nth(i).getByRole('cell').nth(1)).toHaveText(newCashier.name);
    await expect(rows.nth(i).getByRole('cell').nth(2)).toHaveText('Wrong PINstaff.pin_failed');
  }
  // The count of wrong PINs in a row: the first reads 1, the fourth 4 (the fifth: see the next test).
  await expect(rows.nth(6).getByRole('cell').nth(3)).toHaveText('purpose: login · failed pin count: 1');
  await expect(rows.nth(3).getByRole('cell').nth(3)).toHaveText('purpose: login · failed pin count: 4');
  await shot(page, 'staff-activity-lock');
});

test('the Activity log counts the wrong PIN that locks a member as the fifth in a row', async ({
  page,
  host,
}) => {
  // The audit entry of the wrong PIN that locks counts it as the fifth in a row.
  await page.goto(host.url);
  await page.getByRole('button', { name: new RegExp(demoStaff.cashier.name) }).click();
  const message = page.getByRole('group', { name: `PIN for ${demoStaff.cashier.name}` }).getByRole('alert');
  for (let i = 0; i < 5; i += 1) {
    await page.keyboard.type('9137');
    await page.keyboard.press('Enter');
    await expect(message).toHaveText(i < 4 ? /^Wrong PIN for / : /^Too many wrong PINs\. /);
  }
  await page.getByRole('button', { name: 'Back' }).click();
  await loginByPin(page, demoStaff.owner);
  await goTo(page, 'Staff');
  await page.getByRole('tab', { name: 'Activity log' }).click();
  await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Wrong PIN' });
  const rows = page.getByRole('table', { name: 'Activity log' }).getByRole('row');
  await expect(page.getByText(/^\d+ entr(y|ies)$/)).toHaveText('5 entries');
  // Newest first: the fifth wrong PIN, then the fourth.
  await expect(rows.nth(2).getByRole('cell').nth(3)).toHaveText('purpose: login · failed pin count: 4');
  await expect(rows.nth(1).getByRole('cell').nth(3)).toHaveText('purpose: login · failed pin count: 5', {
    timeout: 2_000, // the table is already read: the row above was found
  });
});
