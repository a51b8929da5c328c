/**
 * The desktop app's own settings as Settings › This till reads them through the shell's `desktop.*`
 * calls (src/main/shell/desktopCalls.ts): start-up options, the update feed and the update's state.
 * Parsed here, since the renderer shares no types with the shell; `updateText` words the update's
 * state for people. Pure.
 */
import { z } from 'zod';

const decisionSchema = z.object({ install: z.boolean(), reason: z.string() });

export const updateStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('off') }),
  z.object({ state: z.literal('idle'), feedUrl: z.string(), checkedAt: z.string().nullable() }),
  z.object({ state: z.literal('downloading'), version: z.string(), percent: z.number() }),
  z.object({
    state: z.literal('ready'),
    version: z.string(),
    decision: decisionSchema,
    managerGo: z.boolean(),
  }),
  z.object({ state: z.literal('installing'), version: z.string() }),
  z.object({ state: z.literal('error'), message: z.string() }),
]);

export type UpdateStatus = z.infer<typeof updateStatusSchema>;

export const desktopViewSchema = z.object({
  startAtLogin: z.boolean(),
  kiosk: z.boolean(),
  updates: z.object({ enabled: z.boolean(), feedUrl: z.string().nullable() }),
  update: updateStatusSchema,
  appVersion: z.string(),
});

export type DesktopView = z.infer<typeof desktopViewSchema>;

export function updateText(status: UpdateStatus, formatTime: (iso: string) => string): string {
  switch (status.state) {
    case 'off':
      return 'Updates are off.';
    case 'idle':
      return status.checkedAt
        ? `Up to date (checked ${formatTime(status.checkedAt)}).`
        : 'Checking for updates…';
    case 'downloading':
      return `Downloading version ${status.version} (${status.percent}%)…`;
    case 'ready':
      return `Version ${status.version} is ready. ${status.decision.reason}`;
    case 'installing':
      return `Installing version ${status.version}: Tillpoint restarts now.`;
    case 'error':
      return `Updates failed: ${status.message}`;
  }
}
