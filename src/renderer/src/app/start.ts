/**
 * Starts the page: theme first (no flash), then the router, the top bar's default shift status,
 * then the start-up flow.
 */
import { app } from './instance';
import { startRouter } from './router';
import { ShiftStatus } from './ShiftStatus';
import { setStatusSlot } from './statusSlots';
import { startTheme } from './themeStore';

export function startApp(): void {
  startTheme();
  startRouter();
  setStatusSlot('shift', ShiftStatus);
  void app.start();
}
