/**
 * The counter's sounds, set per device (Settings › This till): on or off, and a volume. Kept in the
 * page's localStorage, so a till and the customer display opened in the same browser (or the desktop
 * app's two windows) share it, and a tablet used as a display has its own.
 */
export interface SoundSettings {
  enabled: boolean;
  /** 0 (silent) to 100. */
  volume: number;
}

export const soundSettingsStorageKey = 'tillpoint.sounds';
export const defaultSoundSettings: SoundSettings = { enabled: true, volume: 70 };

export function clampVolume(volume: number): number {
  if (!Number.isFinite(volume)) return defaultSoundSettings.volume;
  return Math.min(100, Math.max(0, Math.round(volume)));
}

/** Stored settings, or the defaults for anything missing or malformed. */
export function parseSoundSettings(raw: string | null): SoundSettings {
  if (!raw) return defaultSoundSettings;
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof SoundSettings, unknown>>;
    return {
      enabled: typeof value.enabled === 'boolean' ? value.enabled : defaultSoundSettings.enabled,
      volume: typeof value.volume === 'number' ? clampVolume(value.volume) : defaultSoundSettings.volume,
    };
  } catch {
    return defaultSoundSettings;
  }
}

export function serializeSoundSettings(settings: SoundSettings): string {
  return JSON.stringify({ enabled: settings.enabled, volume: clampVolume(settings.volume) });
}
