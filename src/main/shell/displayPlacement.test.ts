import { describe, expect, it } from 'vitest';
import { chooseCustomerScreen, type ScreenInfo } from './displayPlacement';

const laptop: ScreenInfo = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const pole: ScreenInfo = { id: 2, bounds: { x: 1920, y: 0, width: 1024, height: 600 } };
const tv: ScreenInfo = { id: 3, bounds: { x: -1280, y: 0, width: 1280, height: 720 } };

describe('chooseCustomerScreen', () => {
  it.each<[string, ScreenInfo[], Parameters<typeof chooseCustomerScreen>[2], number | null, boolean]>([
    ['one screen, nothing remembered: no display', [laptop], null, null, false],
    ['a second screen, nothing remembered: that one', [laptop, pole], null, 2, false],
    [
      'two more screens, the TV remembered: the TV',
      [laptop, pole, tv],
      { displayId: 3, bounds: tv.bounds },
      3,
      true,
    ],
    [
      'the remembered screen got a new id: found by its bounds',
      [laptop, { ...tv, id: 9 }],
      { displayId: 3, bounds: tv.bounds },
      9,
      true,
    ],
    [
      'the remembered screen is gone: the other one',
      [laptop, pole],
      { displayId: 3, bounds: tv.bounds },
      2,
      false,
    ],
    [
      'moved onto the main screen on purpose: kept there',
      [laptop, pole],
      { displayId: 1, bounds: laptop.bounds },
      1,
      true,
    ],
    [
      'the remembered screen is gone, no other: none',
      [laptop],
      { displayId: 3, bounds: tv.bounds },
      null,
      false,
    ],
  ])('%s', (_case, screens, remembered, id, wasRemembered) => {
    const choice = chooseCustomerScreen(screens, laptop.id, remembered);
    expect(choice?.screen.id ?? null).toBe(id);
    if (choice) expect(choice.remembered).toBe(wasRemembered);
  });
});
