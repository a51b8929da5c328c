/**
 * What the host allows a browser to do: the Content-Security-Policy of served pages, and the
 * checks that keep the token bootstrap same-origin and loopback-only (no DNS rebinding).
 */
import { isIP } from 'node:net';
import { shellContentSecurityPolicy } from '../shell/security';

/** The same policy as the Electron shell's: one app, one policy, whichever door serves it. */
export const hostContentSecurityPolicy = shellContentSecurityPolicy;

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return plain === '::1';
}

/** True when the Host header names this machine's loopback (guards against DNS rebinding). */
export function isLoopbackHostHeader(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.split(':')[0];
  return name === 'localhost' || isLoopbackAddress(name);
}

/**
 * The bootstrap hands the token to a page only when the request comes from this machine, names
 * it in its Host header, and (when the browser says) comes from the same origin.
 */
export function mayBootstrap(request: {
  remoteAddress: string | undefined;
  host: string | undefined;
  secFetchSite: string | undefined;
}): boolean {
  if (!isLoopbackAddress(request.remoteAddress)) return false;
  if (!isLoopbackHostHeader(request.host)) return false;
  return (
    request.secFetchSite === undefined ||
    request.secFetchSite === 'same-origin' ||
    request.secFetchSite === 'none'
  );
}
