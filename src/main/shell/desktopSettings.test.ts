import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyDesktopPatch,
  defaultDesktopSettings,
  desktopSettingsPatchSchema,
  readDesktopSettings,
  writeDesktopSettings,
} from './desktopSettings';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-desktop-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('desktop settings (DIR/desktop.json)', () => {
  it('default to: no start at login, no kiosk, updates off, no remembered screen', () => {
    expect(readDesktopSettings(tempDir())).toEqual({
      startAtLogin: false,
      kiosk: false,
      updates: { enabled: false, feedUrl: null },
      customerDisplay: null,
    });
  });

  it('round-trip through a 0600 file', () => {
    const dir = tempDir();
    const settings = applyDesktopPatch(defaultDesktopSettings, {
      kiosk: true,
      updates: { enabled: true, feedUrl: 'https://updates.example.com/tillpoint/' },
    });
    writeDesktopSettings(dir, {
      ...settings,
      customerDisplay: { displayId: 7, bounds: { x: 1920, y: 0, width: 800, height: 480 } },
    });
    const file = path.join(dir, 'desktop.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readDesktopSettings(dir)).toMatchObject({ kiosk: true, customerDisplay: { displayId: 7 } });
    expect(fs.readdirSync(dir)).toEqual(['desktop.json']);
  });

  it('fall back to the defaults, with a warning, when the file is broken', () => {
    const dir = tempDir();
    const warnings: string[] = [];
    fs.writeFileSync(path.join(dir, 'desktop.json'), '{"kiosk":"yes"}');
    expect(readDesktopSettings(dir, (message) => warnings.push(message))).toEqual(defaultDesktopSettings);
    fs.writeFileSync(path.join(dir, 'desktop.json'), 'not json');
    expect(readDesktopSettings(dir, (message) => warnings.push(message))).toEqual(defaultDesktopSettings);
    expect(warnings).toHaveLength(2);
  });

  it.each([
    [{ updates: { enabled: true, feedUrl: null } }, false],
    [{ updates: { enabled: true, feedUrl: 'ftp://example.com/' } }, false],
    [{ updates: { enabled: true, feedUrl: 'http://192.168.1.10:8080/updates/' } }, true],
    [{ updates: { enabled: false, feedUrl: null } }, true],
    [{ startAtLogin: true }, true],
    [{ customerDisplay: null }, false],
    [{ kiosk: 'yes' }, false],
  ])('a change from Settings %j is accepted: %s', (patch, ok) => {
    expect(desktopSettingsPatchSchema.safeParse(patch).success).toBe(ok);
  });
});
