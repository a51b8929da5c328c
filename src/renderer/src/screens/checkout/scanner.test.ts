import { describe, expect, it } from 'vitest';
import { emptyScannerState, feedScanner, type ScannerState } from './scanner';

/** Feeds `keys` as [key, atMs] pairs and collects what was scanned. */
function run(keys: [string, number][]): { scanned: string[]; partOfScan: boolean[]; state: ScannerState } {
  let state = emptyScannerState;
  const scanned: string[] = [];
  const partOfScan: boolean[] = [];
  for (const [key, at] of keys) {
    const step = feedScanner(state, key, at);
    state = step.state;
    partOfScan.push(step.partOfScan);
    if (step.scanned !== null) scanned.push(step.scanned);
  }
  return { scanned, partOfScan, state };
}

const fast = (text: string, startMs = 1000, stepMs = 8): [string, number][] => [
  ...[...text].map((key, index): [string, number] => [key, startMs + index * stepMs]),
  ['Enter', startMs + text.length * stepMs],
];

describe('feedScanner', () => {
  it.each([
    { name: 'a fast EAN-13 then Enter', keys: fast('2000000000015'), scanned: ['2000000000015'] },
    {
      name: 'a fast SKU with capitals (Shift ignored)',
      keys: [
        ['Shift', 0],
        ['L', 2],
        ['A', 9],
        ['T', 16],
        ['-', 23],
        ['L', 30],
        ['Enter', 37],
      ] as [string, number][],
      scanned: ['LAT-L'],
    },
    { name: 'too short to be a scan', keys: fast('123'), scanned: [] },
    {
      name: 'a person typing slowly',
      keys: [
        ['1', 0],
        ['2', 200],
        ['3', 400],
        ['4', 600],
        ['Enter', 800],
      ] as [string, number][],
      scanned: [],
    },
    {
      name: 'a pause inside starts over with the rest',
      keys: [
        ['9', 0],
        ['9', 5],
        ['1', 500],
        ['2', 505],
        ['3', 510],
        ['4', 515],
        ['Enter', 520],
      ] as [string, number][],
      scanned: ['1234'],
    },
    {
      name: 'Enter that comes late is not a scan',
      keys: [
        ['1', 0],
        ['2', 5],
        ['3', 10],
        ['4', 15],
        ['Enter', 300],
      ] as [string, number][],
      scanned: [],
    },
    {
      name: 'two scans in a row',
      keys: [...fast('11112222', 0), ...fast('33334444', 1000)],
      scanned: ['11112222', '33334444'],
    },
    {
      name: 'a named key (an arrow) breaks the run',
      keys: [
        ['1', 0],
        ['2', 5],
        ['ArrowLeft', 10],
        ['3', 15],
        ['4', 20],
        ['Enter', 25],
      ] as [string, number][],
      scanned: [],
    },
  ])('$name', ({ keys, scanned }) => {
    expect(run(keys).scanned).toEqual(scanned);
  });

  it('marks keys after the first fast one as part of a scan, and a lone key not', () => {
    const { partOfScan } = run([['/', 0]]);
    expect(partOfScan).toEqual([false]);
    expect(run(fast('12345')).partOfScan).toEqual([false, true, true, true, true, true]);
  });

  it('ends empty after a scan', () => {
    expect(run(fast('12345')).state).toEqual(emptyScannerState);
  });
});
