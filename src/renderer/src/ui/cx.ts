/** Joins class names, skipping the falsy ones: `cx('btn', loading && 'is-loading')`. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
