import { describe, expect, it } from 'vitest';
import {
  customerDisplayOptions,
  grantedPermissions,
  isAllowedAppUrl,
  mainWindowOptions,
  secureWebPreferences,
  shellContentSecurityPolicy,
} from './security';

describe('Electron shell security', () => {
  it.each([
    ['main window', mainWindowOptions('/app/out/preload/index.cjs')],
    ['customer display', customerDisplayOptions('/app/out/preload/index.cjs')],
  ])('%s: context isolation, sandbox, no Node in the page', (_name, options) => {
    const prefs = options.webPreferences ?? {};
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('keeps every secure preference in one place', () => {
    expect(mainWindowOptions('p').webPreferences).toMatchObject(secureWebPreferences);
  });

  it('has a strict Content-Security-Policy', () => {
    const directives = Object.fromEntries(
      shellContentSecurityPolicy.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(shellContentSecurityPolicy).not.toMatch(/unsafe-eval|\*|http:|https:/);
  });

  it.each([
    ['file:///app/out/renderer/index.html', undefined, true],
    ['http://localhost:5173/index.html', 'http://localhost:5173', true],
    ['http://localhost:5174/index.html', 'http://localhost:5173', false],
    ['https://evil.example/', undefined, false],
    ['https://evil.example/', 'http://localhost:5173', false],
    ['javascript:alert(1)', undefined, false],
    ['not a url', undefined, false],
  ])('navigation to %s (dev server %s) allowed: %s', (url, dev, expected) => {
    expect(isAllowedAppUrl(url, dev)).toBe(expected);
  });

  it('grants the pages no permissions', () => {
    expect(grantedPermissions).toEqual([]);
  });
});
