/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Issue 8, finding 4: layouts at 800×1280 portrait, 1024×768, 1280×800 and 1920×1080, and the
 * 1366×850 laptop where the finding saw only 3–4 cart lines and a clipped "Custom" tip chip. At each
 * size: no element of the top bar, the cart's totals or the Pay button overlaps another or falls
 * outside the window, nothing overflows its box, the cart scrolls and shows its newest line, and a
 * long name and a huge figure wrap or shrink. Screenshots of checkout, payment, refund and the
 * customer display at each size go to test/e2e/artifacts/.
 */
import { type Page } from '@playwright/test';
import { demoStaff, goTo, loginByPin, openShiftWithFloat } from './helpers';
import { expect, shot, test } from './fixtures';

const sizes = [
  { width: 800, height: 1280 },
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1366, height: 850 },
  { width: 1920, height: 1080 },
] as const;

interface Problem {
  what: string;
  why: string;
}

/** Boxes that overlap, fall outside the window, or whose text overflows (clipped or spilling). */
async function layoutProblems(page: Page, groups: string[][]): Promise<Problem[]> {
  return page.evaluate((groupSelectors) => {
    const doc = document;
    const win = window;
    const problems: { what: string; why: string }[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${el.textContent ? ` "${el.textContent.trim().slice(0, 30)}"` : ''}`;
    for (const selectors of groupSelectors) {
      const elements = selectors
        .flatMap((s) => [...doc.querySelectorAll(s)])
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0;
        });
      for (const el of elements) {
        const r = el.getBoundingClientRect();
        const scrolls = el.closest('.cart__body') !== null; // lines scrolled out of the cart are fine
        if (
          !scrolls &&
          (r.left < -0.5 ||
            r.top < -0.5 ||
            r.right > win.innerWidth + 0.5 ||
            r.bottom > win.innerHeight + 0.5)
        )
          problems.push({
            what: name(el),
            why: `outside the window (${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.right)},${Math.round(r.bottom)})`,
          });
        const html = el as HTMLElement;
        if (el.classList.contains('cart-line__name')) {
          if (r.width < 60)
            problems.push({ what: name(el), why: `too narrow to read (${Math.round(r.width)} px)` });
          // A word split over two lines ("Chocolat e") that fits the name's width, or any 160 px,
          // which a name box should always leave it.
          const text = el.firstChild;
          if (text?.nodeType === Node.TEXT_NODE) {
            const words = text.textContent ?? '';
            for (const match of words.matchAll(/\S+/g)) {
              const range = doc.createRange();
              range.setStart(text, match.index);
              range.setEnd(text, match.index + match[0].length);
              const rects = [...range.getClientRects()];
              const wordWidth = rects.reduce((sum, rect) => sum + rect.width, 0);
              if (rects.length > 1 && wordWidth <= Math.max(r.width, 160))
                problems.push({ what: name(el), why: `breaks the word "${match[0]}"` });
            }
          }
        }
        if (html.scrollWidth > html.clientWidth + 1 && getComputedStyle(html).textOverflow !== 'ellipsis')
          problems.push({
            what: name(el),
            why: `its content overflows (${html.scrollWidth} > ${html.clientWidth})`,
          });
      }
      for (let i = 0; i < elements.length; i += 1) {
        for (let j = i + 1; j < elements.length; j += 1) {
          const a = elements[i] as Element;
          const b = elements[j] as Element;
          if (a.contains(b) || b.contains(a)) continue;
          const ra = a.getBoundingClientRect();
          const rb = b.getBoundingClientRect();
          const overlap =
            Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > 0.5 &&
            Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > 0.5;
          if (overlap) problems.push({ what: `${name(a)} / ${name(b)}`, why: 'they overlap' });
        }
      }
    }
    return problems;
  }, groups);
}

const checkoutGroups = [
  ['.topbar__brand > *', '.topbar__slot > *', '.topbar__actions > *', '.topbar__status'],
  ['.cart-line__name', '.cart-line__controls', '.cart-line__total'],
  ['.tip-row__chips .choice-chip'],
  ['dl[aria-label="Totals"] > div', 'dl[aria-label="Totals"] dt', 'dl[aria-label="Totals"] dd', '.cart__pay'],
];

/** How many cart lines show whole inside the cart's scrolling body. */
async function linesInView(page: Page): Promise<number> {
  return page.evaluate(() => {
    const body = document.querySelector('.cart__body')?.getBoundingClientRect();
    if (!body) return 0;
    return [...document.querySelectorAll('.cart-line')].filter((line) => {
      const r = line.getBoundingClientRect();
      return r.top >= body.top - 0.5 && r.bottom <= body.bottom + 0.5;
    }).length;
  });
}

async function ringUpMany(page: Page): Promise<void> {
  for (const product of [
    'Espresso',
    'Croissant',
    'Everything Bagel',
    'Blueberry Muffin',
    'Chocolate Chip Cookie',
    'Granola Bar',
    'Mug',
  ]) {
    const tile = page.getByRole('button', { name: new RegExp(`^${product}\\b`) }).first();
    if (!(await tile.count())) continue;
    await tile.click();
    if (
      await page
        .getByRole('dialog')
        .isVisible()
        .catch(() => false)
    )
      await page.keyboard.press('Escape');
  }
}

for (const size of sizes) {
  const tag = `${size.width}x${size.height}`;
  test(`checkout, payment, refund and the display hold together at ${tag}`, async ({
    page,
    context,
    host,
  }) => {
    test.setTimeout(150_000);
    await page.setViewportSize(size);
    const display = await context.newPage();
    await display.setViewportSize(size);
    await display.goto(`${host.url}/display.html`);
    // The till's page in front: Chromium draws frames only for the front page when no trace records a
    // screencast, and clicks wait for two frames.
    await page.bringToFront();

    await page.goto(host.url);
    await loginByPin(page, demoStaff.owner);
    await openShiftWithFloat(page, '100.00');
    await goTo(page, 'Checkout');
    // A small paid sale first, to refund later.
    await page
      .getByRole('button', { name: /^Espresso\b/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await page.getByRole('button', { name: /^Cash/ }).click();
    await page.keyboard.type('20');
    await page.getByRole('button', { name: 'Take cash' }).click();
    await expect(page.getByRole('dialog', { name: 'Paid' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Paid' })).toBeHidden();
    await ringUpMany(page);
    if (size.width === 1366) {
      // The finding saw only 3–4 lines on this laptop; short windows set lines tighter.
      expect(await linesInView(page)).toBeGreaterThanOrEqual(5);
    }
    // A long name and a huge figure, as a custom item.
    await page.getByRole('radio', { name: 'Keypad' }).click();
    await page
      .getByRole('textbox', { name: 'Item name' })
      .fill('Extraordinarily long celebration cake with raspberry and pistachio');
    const keypad = page.getByRole('group', { name: 'Custom amount keypad' });
    for (const key of '99999999') await keypad.getByRole('button', { name: key, exact: true }).click();
    await page.getByRole('region', { name: 'Custom amount' }).getByRole('button', { name: /^Add/ }).click();
    const approval = page.getByRole('dialog', { name: 'Manager approval' });
    if (await approval.isVisible().catch(() => false)) {
      await approval.getByRole('button', { name: /Olivia Owner/ }).click();
      await page.keyboard.type(demoStaff.owner.pin);
      await page.keyboard.press('Enter');
    }
    const lines = page.getByRole('list', { name: 'Items in the sale' }).getByRole('listitem');
    await expect(lines.last()).toContainText('Extraordinarily');
    await expect(lines.last()).toBeInViewport();
    expect(await layoutProblems(page, checkoutGroups)).toEqual([]);
    await shot(page, `layout-checkout-${tag}`);
    await expect(display.getByTestId('display-total')).toBeVisible();
    expect(await layoutProblems(display, [['.display__header > *'], ['[data-testid^="display-"]']])).toEqual(
      [],
    );
    await shot(display, `layout-display-${tag}`);

    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    const payment = page.getByRole('dialog', { name: 'Take payment' });
    await expect(payment).toBeVisible();
    expect(
      await layoutProblems(page, [['.dialog', '.dialog__footer button', '.dialog__body button']]),
    ).toEqual([]);
    await page.waitForTimeout(500); // the dialog's entrance animation, for the screenshot
    await shot(page, `layout-payment-${tag}`);
    await page.keyboard.press('Escape');

    await goTo(page, 'Orders');
    await page.locator('.order-row__main').filter({ hasText: '#1001' }).click();
    await page
      .getByRole('button', { name: /^Refund/ })
      .first()
      .click();
    const refund = page.getByRole('dialog', { name: /^Refund sale/ });
    await expect(refund).toBeVisible();
    expect(await layoutProblems(page, [['.dialog', '.dialog__footer button']])).toEqual([]);
    await page.waitForTimeout(500);
    await shot(page, `layout-refund-${tag}`);
  });
}
