/**
 * Tells a keyboard-wedge barcode scanner from a person, pure: a scanner "types" a code much faster
 * than anyone can and ends it with Enter. Keys are fed one by one with the time they came; a gap
 * longer than `maxGapMs` starts over, and Enter after at least `minLength` fast characters is a
 * scan. Modifier keys (Shift for capitals) neither count nor break the run.
 */
export interface ScannerRules {
  /** The longest pause between two keys of one scan. Scanners send a key every few ms. */
  maxGapMs: number;
  /** The shortest code taken as a scan (fewer could be a person's quick double tap). */
  minLength: number;
}

export const defaultScannerRules: ScannerRules = { maxGapMs: 45, minLength: 4 };

export interface ScannerState {
  buffer: string;
  lastAtMs: number | null;
}

export const emptyScannerState: ScannerState = { buffer: '', lastAtMs: null };

export interface ScannerStep {
  state: ScannerState;
  /** The code, when this key ended a scan. */
  scanned: string | null;
  /** True when the key belongs to a scan in progress (the page should not act on it). */
  partOfScan: boolean;
}

const ignoredKeys = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'Meta', 'AltGraph']);

export function feedScanner(
  state: ScannerState,
  key: string,
  atMs: number,
  rules: ScannerRules = defaultScannerRules,
): ScannerStep {
  if (ignoredKeys.has(key)) return { state, scanned: null, partOfScan: state.buffer.length > 0 };
  const fresh = state.lastAtMs === null || atMs - state.lastAtMs > rules.maxGapMs;
  const buffer = fresh ? '' : state.buffer;
  if (key === 'Enter') {
    const scanned = buffer.length >= rules.minLength ? buffer : null;
    return { state: emptyScannerState, scanned, partOfScan: scanned !== null };
  }
  if (key.length !== 1) return { state: emptyScannerState, scanned: null, partOfScan: false };
  const next = buffer + key;
  return { state: { buffer: next, lastAtMs: atMs }, scanned: null, partOfScan: next.length > 1 };
}
