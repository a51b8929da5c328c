/**
 * What the host allows a browser to do: the Content-Security-Policy of served pages (the app's one
 * policy, src/main/csp.ts, shared with the Electron shell), and loopback checks. There is no
 * door that hands the host token to a page: see browserAccess.ts and loginCodes.ts.
 */
import { isIP } from 'node:net';
import { appContentSecurityPolicy } from '../csp';

/** The same policy as the Electron shell's: one app, one policy, whichever door serves it. */
export const hostContentSecurityPolicy = appContentSecurityPolicy;

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
 * The address the till's own browser should open for a host listening on `listenHost`: a wildcard
 * address is reached through loopback (the cookie is bound to the name in the link).
 */
export function browserHostFor(listenHost: string): string {
  if (listenHost === '0.0.0.0' || listenHost === '') return '127.0.0.1';
  if (listenHost === '::') return '[::1]';
  return listenHost.includes(':') ? `[${listenHost}]` : listenHost;
}
