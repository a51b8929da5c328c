import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appContentSecurityPolicy, cspDirectives } from './csp';
import { hostContentSecurityPolicy } from './host/security';
import { shellContentSecurityPolicy } from './shell/security';

describe('the app’s Content-Security-Policy', () => {
  it('is strict', () => {
    const directives = cspDirectives(appContentSecurityPolicy);
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(appContentSecurityPolicy).not.toMatch(/unsafe-eval|\*|http:|https:/);
  });

  it('is the one both doors send', () => {
    expect(shellContentSecurityPolicy).toBe(appContentSecurityPolicy);
    expect(hostContentSecurityPolicy).toBe(appContentSecurityPolicy);
  });

  it('does not make the host import the Electron shell', () => {
    const hostFiles = fs.readdirSync(path.join(import.meta.dirname, 'host')).filter((f) => f.endsWith('.ts'));
    for (const file of hostFiles.filter((f) => !f.endsWith('.test.ts'))) {
      const source = fs.readFileSync(path.join(import.meta.dirname, 'host', file), 'utf8');
      expect(source, file).not.toMatch(/from '\.\.\/shell/);
    }
  });

  // file:// pages have no response headers: what applies to them is their meta tag.
  it.each(['index.html', 'display.html'])('%s carries the same policy in its meta tag', (page) => {
    const html = fs.readFileSync(path.join(import.meta.dirname, '../renderer', page), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta, `${page} has a CSP meta tag`).toBeTruthy();
    const expected = cspDirectives(appContentSecurityPolicy);
    // frame-ancestors cannot be set from a meta tag; the shell and the host send it as a header.
    expected.delete('frame-ancestors');
    expect(cspDirectives(meta as string)).toEqual(expected);
  });
});
