/// <reference lib="dom" />
/**
 * Tablet sizes for the settings screens (issue 8): 800×1280 portrait and 1024×768. `buttonProblems`
 * lists the buttons of the screen (inside `main`) that fall outside the window's width or above the
 * page, and each pair of them that overlaps; an empty list means the actions hold together.
 */
import { type Page } from '@playwright/test';

export const tabletSizes = [
  { width: 800, height: 1280 },
  { width: 1024, height: 768 },
] as const;

export async function buttonProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const buttons = [...document.querySelectorAll('main button')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    });
    const name = (el: Element) => `button "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const problems: string[] = [];
    const boxes = buttons.map((el) => {
      const r = el.getBoundingClientRect();
      // In the page's coordinates: a button below the fold is reached by scrolling, not lost.
      return {
        el,
        left: r.left,
        right: r.right,
        top: r.top + window.scrollY,
        bottom: r.bottom + window.scrollY,
      };
    });
    for (const box of boxes) {
      if (box.left < -0.5 || box.right > window.innerWidth + 0.5 || box.top < -0.5)
        problems.push(`${name(box.el)} is outside the window`);
    }
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i] as (typeof boxes)[number];
        const b = boxes[j] as (typeof boxes)[number];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (across > 0.5 && down > 0.5) problems.push(`${name(a.el)} overlaps ${name(b.el)}`);
      }
    }
    return problems;
  });
}
