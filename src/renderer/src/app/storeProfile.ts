/**
 * The store's name and locale as the pages remember them between visits: the main window learns
 * them from settings.get once someone logs in and keeps a copy in localStorage, so the login
 * screen and the customer display (which has no session to ask with) can show them too.
 */
import { z } from 'zod';

export const storeProfileSchema = z.object({
  storeName: z.string().trim().min(1).max(120),
  locale: z.string().min(2).max(35),
  /** The store's IANA time zone (absent in profiles remembered before it was kept). */
  timeZone: z.string().min(1).max(64).optional(),
});

export type StoreProfile = z.infer<typeof storeProfileSchema>;

export const storeProfileStorageKey = 'tillpoint.storeProfile';

export function parseStoreProfile(text: string | null): StoreProfile | null {
  if (!text) return null;
  try {
    const parsed = storeProfileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function serializeStoreProfile(profile: StoreProfile): string {
  return JSON.stringify(profile);
}
