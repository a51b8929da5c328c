/**
 * How a caller gets into the host's API, checked before any request body is read:
 * - `Authorization: Bearer <host token>`: paired devices (the token typed from `tillpoint token`),
 *   scripts, curl;
 * - or the browser on the till: the HttpOnly, SameSite=Strict cookie it got for a one-time login
 *   code (loginCodes.ts), together with the header `x-tillpoint-csrf: 1`, which a page of another
 *   origin cannot send without a CORS preflight the host never grants (so no CSRF, not even from
 *   another port of 127.0.0.1, which counts as the same site).
 *
 * The cookie holds no secret of its own: `v1.<expiry>.<nonce>.<mac>`, signed with a key derived from
 * the host token, so it survives restarts and a new token (delete host.token) signs every browser out.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { bearerFrom, tokensEqual } from './token';

export const accessCookieName = 'tillpoint_access';
export const csrfHeaderName = 'x-tillpoint-csrf';
/** A till's browser stays signed in this long without use; each use past half of it renews it. */
export const browserAccessTtlMs = 30 * 24 * 60 * 60_000;

export interface IssuedCookie {
  /** The whole Set-Cookie header value. */
  readonly setCookie: string;
  readonly expiresAtMs: number;
}

export interface BrowserAccess {
  /** A fresh cookie for a browser that just spent a login code. */
  issue(nowMs?: number): IssuedCookie;
  /** The cookie's expiry when it is ours and not expired, else null. */
  verify(value: string | undefined, nowMs?: number): number | null;
}

function setCookieHeader(value: string, maxAgeSeconds: number): string {
  return `${accessCookieName}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

/** A Set-Cookie header that removes the access cookie. */
export const clearedAccessCookie = setCookieHeader('', 0);

export function createBrowserAccess(hostToken: string): BrowserAccess {
  const key = createHmac('sha256', hostToken).update('tillpoint browser access v1').digest();
  const macOf = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    issue(nowMs = Date.now()) {
      const expiresAtMs = nowMs + browserAccessTtlMs;
      const payload = `v1.${expiresAtMs.toString(36)}.${randomBytes(16).toString('base64url')}`;
      const value = `${payload}.${macOf(payload).toString('base64url')}`;
      return { setCookie: setCookieHeader(value, Math.floor(browserAccessTtlMs / 1000)), expiresAtMs };
    },
    verify(value, nowMs = Date.now()) {
      if (!value) return null;
      const match = /^(v1\.([0-9a-z]{1,12})\.[A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value);
      if (!match) return null;
      const [, payload, expiryText, mac] = match as unknown as [string, string, string, string];
      const given = Buffer.from(mac, 'base64url');
      const expected = macOf(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      const expiresAtMs = parseInt(expiryText, 36);
      return expiresAtMs > nowMs ? expiresAtMs : null;
    },
  };
}

/** The value of one cookie in a Cookie header; undefined when absent. */
export function cookieFrom(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export interface AccessRequest {
  readonly authorization: string | undefined;
  readonly cookie: string | undefined;
  readonly csrf: string | undefined;
  readonly secFetchSite: string | undefined;
}

export type Access =
  | { kind: 'bearer' }
  | { kind: 'cookie'; expiresAtMs: number }
  | { kind: 'none'; reason: 'no_credentials' | 'bad_token' | 'bad_cookie' | 'csrf' };

/**
 * Who is calling. A bearer header decides alone (right or wrong). A cookie counts only with the CSRF
 * header and, when the browser says where the call comes from, from the same origin.
 */
export function accessOf(
  request: AccessRequest,
  hostToken: string,
  browser: BrowserAccess,
  nowMs = Date.now(),
): Access {
  if (request.authorization !== undefined) {
    const given = bearerFrom(request.authorization);
    return given !== null && tokensEqual(hostToken, given)
      ? { kind: 'bearer' }
      : { kind: 'none', reason: 'bad_token' };
  }
  const value = cookieFrom(request.cookie, accessCookieName);
  if (value === undefined) return { kind: 'none', reason: 'no_credentials' };
  const expiresAtMs = browser.verify(value, nowMs);
  if (expiresAtMs === null) return { kind: 'none', reason: 'bad_cookie' };
  if (request.csrf !== '1') return { kind: 'none', reason: 'csrf' };
  if (request.secFetchSite !== undefined && request.secFetchSite !== 'same-origin') {
    return { kind: 'none', reason: 'csrf' };
  }
  return { kind: 'cookie', expiresAtMs };
}

/** True when a cookie this old should be renewed (past half its life). */
export function shouldRenew(expiresAtMs: number, nowMs = Date.now()): boolean {
  return expiresAtMs - nowMs < browserAccessTtlMs / 2;
}

/**
 * A WebSocket cannot carry a custom header, so a cookie-authenticated socket must come from a page
 * of the host's own origin: its Origin header names the same host and port as its Host header.
 */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || !host) return false;
  try {
    const parsed = new URL(origin);
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.host === host.toLowerCase()
    );
  } catch {
    return false;
  }
}
