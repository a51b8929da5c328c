/**
 * This till's name (settings.tillName), from the page's shared settings: how the top bar, the orders
 * screen and the activity log name the till (never its raw id). Null until the settings are read.
 */
import { useStoreSettings } from '../api/sharedData';

export function useTillName(): string | null {
  const { settings } = useStoreSettings();
  return settings.kind === 'loaded' ? settings.value.tillName : null;
}
