/**
 * After a form refused to send, takes the person to the first field with an error: once the
 * errors have rendered, focuses the first `aria-invalid` control inside `scope` (a CSS selector)
 * and scrolls it to the middle of the view.
 */
export function focusFirstInvalid(scope: string): void {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>(`${scope} [aria-invalid="true"]`);
    if (!field) return;
    field.focus();
    field.scrollIntoView({ block: 'center' });
  });
}
