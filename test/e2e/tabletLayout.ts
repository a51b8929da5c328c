/// <reference lib="dom" />
/**
 * Tablet sizes for the settings screens (issue 8): 800×1280 portrait and 1024×768. `buttonProblems`
 * lists what is wrong with the screen's buttons (those inside `main`): one that, scrolled to, is
 * not wholly inside the window or is covered by something else, and two that overlap (a button in
 * a bar that stays in place, like the settings' Save bar, is compared only with its neighbours
 * there: the page scrolls under it). An empty list means the actions hold together.
 */
import { type Page } from '@playwright/test';

export const tabletSizes = [
  { width: 800, height: 1280 },
  { width: 1024, height: 768 },
] as const;

export async function buttonProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const name = (el: Element | null) =>
      el ? `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"` : 'nothing';
    const pinned = (el: Element) => {
      for (let at: Element | null = el; at; at = at.parentElement) {
        const position = getComputedStyle(at).position;
        if (position === 'sticky' || position === 'fixed') return true;
      }
      return false;
    };
    const buttons = [...document.querySelectorAll('main button')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    });
    const problems: string[] = [];

    for (const el of buttons) {
      el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      const r = el.getBoundingClientRect();
      if (
        r.left < -0.5 ||
        r.top < -0.5 ||
        r.right > window.innerWidth + 0.5 ||
        r.bottom > window.innerHeight + 0.5
      ) {
        problems.push(`${name(el)} is outside the window`);
        continue;
      }
      if (getComputedStyle(el).pointerEvents === 'none') continue; // not hit-tested; its box is checked
      const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
      if (!hit || !el.contains(hit)) problems.push(`${name(el)} is covered by ${name(hit)}`);
    }

    document.querySelector('main')?.scrollTo({ top: 0, behavior: 'instant' });
    window.scrollTo({ top: 0, behavior: 'instant' });
    for (let i = 0; i < buttons.length; i += 1) {
      for (let j = i + 1; j < buttons.length; j += 1) {
        const a = buttons[i] as Element;
        const b = buttons[j] as Element;
        if (a.contains(b) || b.contains(a) || pinned(a) !== pinned(b)) continue;
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const across = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const down = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (across > 0.5 && down > 0.5) problems.push(`${name(a)} overlaps ${name(b)}`);
      }
    }
    return problems;
  });
}
