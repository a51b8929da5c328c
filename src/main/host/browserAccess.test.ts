import { describe, expect, it } from 'vitest';
import {
  accessCookieName,
  accessOf,
  browserAccessTtlMs,
  cookieFrom,
  createBrowserAccess,
  isSameOrigin,
  shouldRenew,
} from './browserAccess';

const token = 'A'.repeat(43);
const t0 = Date.parse('2026-12-06T10:00:00Z');
const browser = createBrowserAccess(token);
const valueOf = (setCookie: string) => cookieFrom(setCookie.split(';')[0], accessCookieName) as string;

describe('the browser’s access cookie', () => {
  it('is HttpOnly, SameSite=Strict, for the whole site, for 30 days', () => {
    const { setCookie, expiresAtMs } = browser.issue(t0);
    expect(setCookie).toMatch(new RegExp(`^${accessCookieName}=v1\\.`));
    expect(setCookie).toContain('; Path=/');
    expect(setCookie).toContain('; HttpOnly');
    expect(setCookie).toContain('; SameSite=Strict');
    expect(setCookie).toContain(`; Max-Age=${browserAccessTtlMs / 1000}`);
    expect(expiresAtMs).toBe(t0 + browserAccessTtlMs);
    expect(setCookie).not.toContain(token);
  });

  it('verifies its own cookie until it expires, and nothing else', () => {
    const value = valueOf(browser.issue(t0).setCookie);
    expect(browser.verify(value, t0 + 1)).toBe(t0 + browserAccessTtlMs);
    expect(browser.verify(value, t0 + browserAccessTtlMs)).toBeNull();
    // Signed with another host's token, or tampered with (a later expiry), or junk.
    expect(createBrowserAccess('B'.repeat(43)).verify(value, t0)).toBeNull();
    const [v, , nonce, mac] = value.split('.');
    expect(browser.verify(`${v}.${(t0 * 10).toString(36)}.${nonce}.${mac}`, t0)).toBeNull();
    for (const junk of [undefined, '', 'v1', 'v1.x.y.z', 'a'.repeat(5000)]) {
      expect(browser.verify(junk, t0)).toBeNull();
    }
  });

  it('is renewed past half its life', () => {
    expect(shouldRenew(t0 + browserAccessTtlMs, t0)).toBe(false);
    expect(shouldRenew(t0 + browserAccessTtlMs / 2 - 1, t0)).toBe(true);
  });
});

describe('who may call the API', () => {
  const cookie = `other=1; ${accessCookieName}=${valueOf(browser.issue(t0).setCookie)}`;
  const call = (request: Partial<Parameters<typeof accessOf>[0]>) =>
    accessOf(
      { authorization: undefined, cookie: undefined, csrf: undefined, secFetchSite: undefined, ...request },
      token,
      browser,
      t0,
    );

  it.each([
    ['the bearer token', { authorization: `Bearer ${token}` }, 'bearer'],
    [
      'a wrong bearer token, even with a good cookie',
      { authorization: 'Bearer x', cookie, csrf: '1' },
      'none',
    ],
    ['the cookie with the CSRF header', { cookie, csrf: '1' }, 'cookie'],
    [
      'the cookie with the CSRF header, same origin',
      { cookie, csrf: '1', secFetchSite: 'same-origin' },
      'cookie',
    ],
    ['the cookie without the CSRF header', { cookie }, 'none'],
    ['the cookie from another port of 127.0.0.1', { cookie, csrf: '1', secFetchSite: 'same-site' }, 'none'],
    ['the cookie from another site', { cookie, csrf: '1', secFetchSite: 'cross-site' }, 'none'],
    ['nothing', {}, 'none'],
    ['the CSRF header alone', { csrf: '1' }, 'none'],
  ] as const)('%s → %s', (_label, request, kind) => {
    expect(call(request).kind).toBe(kind);
  });

  it.each([
    ['http://127.0.0.1:4319', '127.0.0.1:4319', true],
    ['http://127.0.0.1:8080', '127.0.0.1:4319', false],
    ['http://evil.example:4319', '127.0.0.1:4319', false],
    ['null', '127.0.0.1:4319', false],
    [undefined, '127.0.0.1:4319', false],
  ])('a WebSocket from %s to %s is same-origin: %s', (origin, host, expected) => {
    expect(isSameOrigin(origin, host)).toBe(expected);
  });
});
