/**
 * The app's Content-Security-Policy: one app, one policy, whichever door serves its pages. The
 * Electron shell sends it as a response header (file:// pages also carry it in a meta tag); the
 * headless host sends it with every page and asset. Both import it from here, so neither door
 * imports the other.
 */
export const appContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** The policy as a map of directive → its values joined by one space. */
export function cspDirectives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((directive) => directive.trim())
      .filter(Boolean)
      .map((directive) => {
        const [name, ...values] = directive.split(/\s+/);
        return [name as string, values.join(' ')];
      }),
  );
}
