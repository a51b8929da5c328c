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

/**
 * What Stripe's @stripe/terminal-js needs: its script from js.stripe.com (which loads its iframe from
 * there too), Stripe's API, and the readers' local addresses on the shop's network.
 */
export const stripeTerminalJsSources = {
  script: ['https://js.stripe.com'],
  frame: ['https://js.stripe.com'],
  connect: ['https://api.stripe.com', 'https://*.stripe.com', 'https://*.stripe-terminal-local-reader.net'],
} as const;

/**
 * The app's policy, widened for Stripe's script only when the till drives its reader from the page
 * (`stripe.readerDriver` is `js_sdk`); otherwise exactly `appContentSecurityPolicy`.
 */
export function appContentSecurityPolicyFor(options: { stripeTerminalJs: boolean }): string {
  if (!options.stripeTerminalJs) return appContentSecurityPolicy;
  const directives = cspDirectives(appContentSecurityPolicy);
  directives.set(
    'script-src',
    `${directives.get('script-src') ?? "'self'"} ${stripeTerminalJsSources.script.join(' ')}`,
  );
  directives.set(
    'connect-src',
    `${directives.get('connect-src') ?? "'self'"} ${stripeTerminalJsSources.connect.join(' ')}`,
  );
  directives.set('frame-src', stripeTerminalJsSources.frame.join(' '));
  return [...directives].map(([name, values]) => `${name} ${values}`).join('; ');
}
