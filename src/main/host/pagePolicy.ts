/**
 * The policy and the HTML of a page the host serves: the app's one policy, widened for Stripe's
 * script only while the till drives its reader from the page (`stripe.readerDriver` is `js_sdk`).
 * Then the page's own meta policy (which would still forbid Stripe's script, as both apply) is
 * dropped: the header carries the whole policy.
 */
import { appContentSecurityPolicyFor } from '../csp';
import { type Core } from '../core';

const metaPolicy = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i;

export async function pageWithPolicy(core: Core, html: string): Promise<{ policy: string; html: string }> {
  const result = await core.invoke('stripe.readerDriver', {}, null);
  const stripeTerminalJs = result.ok && (result.data as { driver: string }).driver === 'js_sdk';
  return {
    policy: appContentSecurityPolicyFor({ stripeTerminalJs }),
    html: stripeTerminalJs ? html.replace(metaPolicy, '') : html,
  };
}
