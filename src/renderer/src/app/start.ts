/**
 * Starts the page: theme first (no flash), then the router, the top bar's default shift status,
 * the counter's sounds, then the start-up flow.
 */
import { client } from '../api';
import { app } from './instance';
import { startRouter } from './router';
import { ShiftStatus } from './ShiftStatus';
import { SyncStatusPill } from '../screens/sync';
import { startSounds } from './sounds';
import { setStatusSlot } from './statusSlots';
import { startTheme } from './themeStore';

export function startApp(): void {
  startTheme();
  startRouter();
  setStatusSlot('shift', ShiftStatus);
  setStatusSlot('sync', SyncStatusPill);
  startSounds(client);
  void app.start();
}
