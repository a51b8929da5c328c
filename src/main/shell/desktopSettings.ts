/**
 * The desktop app's own settings, one small JSON file in the app's data folder (DIR/desktop.json,
 * 0600), read at start and written when a manager changes them in Settings › This till or when the
 * customer display is moved to another screen. They belong to this computer, not to the store, so
 * they live beside the database, not in it; browser mode has none of them.
 * Plain Node: loadable in tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const desktopSettingsFileName = 'desktop.json';

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

/** An update feed: https, or http on this machine or the shop's own network (a box on the LAN). */
export const feedUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'The update feed must be an http(s) address.');

export const desktopSettingsSchema = z.object({
  /** Start Tillpoint when this computer starts (a dedicated till). */
  startAtLogin: z.boolean().default(false),
  /** Open full screen in kiosk mode: no window frame, no other apps (a dedicated till). */
  kiosk: z.boolean().default(false),
  updates: z
    .object({
      /** Off by default: a till updates only from a feed the store chose. */
      enabled: z.boolean().default(false),
      feedUrl: feedUrlSchema.nullable().default(null),
    })
    .default({ enabled: false, feedUrl: null }),
  /** The screen the customer display was last on, by the OS's id and its bounds then. */
  customerDisplay: z.object({ displayId: z.number().int(), bounds: boundsSchema }).nullable().default(null),
});

export type DesktopSettings = z.infer<typeof desktopSettingsSchema>;

/** What Settings › This till may change (the display's screen is remembered by the shell itself). */
export const desktopSettingsPatchSchema = z
  .object({
    startAtLogin: z.boolean(),
    kiosk: z.boolean(),
    updates: z.object({ enabled: z.boolean(), feedUrl: feedUrlSchema.nullable() }).strict(),
  })
  .partial()
  .strict()
  .refine((patch) => !patch.updates?.enabled || Boolean(patch.updates.feedUrl), {
    message: 'Updates need a feed address.',
  });

export type DesktopSettingsPatch = z.infer<typeof desktopSettingsPatchSchema>;

export const defaultDesktopSettings: DesktopSettings = desktopSettingsSchema.parse({});

/** The settings in DIR/desktop.json; the defaults when it is missing, unreadable or malformed. */
export function readDesktopSettings(
  dataDir: string,
  warn: (message: string) => void = () => {},
): DesktopSettings {
  const file = path.join(dataDir, desktopSettingsFileName);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return defaultDesktopSettings;
  }
  try {
    const parsed = desktopSettingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    warn(`${file} is not valid (${parsed.error.issues[0]?.message ?? 'unknown'}): using the defaults.`);
  } catch {
    warn(`${file} is not JSON: using the defaults.`);
  }
  return defaultDesktopSettings;
}

/** Writes the settings atomically (a temp file renamed over), mode 0600. */
export function writeDesktopSettings(dataDir: string, settings: DesktopSettings): void {
  const file = path.join(dataDir, desktopSettingsFileName);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(desktopSettingsSchema.parse(settings), null, 2) + '\n', {
    mode: 0o600,
  });
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
}

export function applyDesktopPatch(settings: DesktopSettings, patch: DesktopSettingsPatch): DesktopSettings {
  return desktopSettingsSchema.parse({
    ...settings,
    ...patch,
    updates: patch.updates ? { ...settings.updates, ...patch.updates } : settings.updates,
  });
}
