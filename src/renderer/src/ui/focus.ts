/**
 * Focus helpers for modal layers: what can take focus inside an element, and the stack of open
 * modals (so Esc closes only the top one and global shortcuts stand back while one is open).
 */
const focusableSelector = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

export function focusableIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(focusableSelector)).filter(
    (element) => !element.hasAttribute('inert') && element.getClientRects().length > 0,
  );
}

const openModals: symbol[] = [];

/** Registers an open modal; returns the function that unregisters it. */
export function pushModal(): { id: symbol; pop: () => void } {
  const id = Symbol('modal');
  openModals.push(id);
  return {
    id,
    pop: () => {
      const index = openModals.indexOf(id);
      if (index >= 0) openModals.splice(index, 1);
    },
  };
}

export function isTopModal(id: symbol): boolean {
  return openModals[openModals.length - 1] === id;
}

/** True while any dialog is open: page-wide shortcuts ignore keys then. */
export function isModalOpen(): boolean {
  return openModals.length > 0;
}
