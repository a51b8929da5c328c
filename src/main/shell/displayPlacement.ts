/**
 * Which screen the customer display opens on, pure: the one it was last moved to when that screen
 * is still connected (by id, or else by the same bounds: ids can change across reboots), else the
 * first screen that is not the primary, else none (the display then opens only when asked for,
 * as a window on the main screen).
 */
export interface ScreenInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

export interface RememberedScreen {
  displayId: number;
  bounds: ScreenInfo['bounds'];
}

const sameBounds = (a: ScreenInfo['bounds'], b: ScreenInfo['bounds']) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

export function chooseCustomerScreen(
  screens: readonly ScreenInfo[],
  primaryId: number,
  remembered: RememberedScreen | null,
): { screen: ScreenInfo; remembered: boolean } | null {
  if (remembered) {
    const match =
      screens.find((screen) => screen.id === remembered.displayId) ??
      screens.find((screen) => sameBounds(screen.bounds, remembered.bounds));
    if (match) return { screen: match, remembered: true };
  }
  const external = screens.find((screen) => screen.id !== primaryId);
  return external ? { screen: external, remembered: false } : null;
}
