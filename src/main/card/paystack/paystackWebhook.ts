/**
 * Paystack's webhook signature: `x-paystack-signature` is the hex HMAC-SHA512 of the raw request
 * body keyed with the secret key. Checked in constant time on the raw bytes, before any parsing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function paystackSignature(rawBody: string | Buffer, secretKey: string): string {
  return createHmac('sha512', secretKey).update(rawBody).digest('hex');
}

export function verifyPaystackSignature(
  rawBody: string | Buffer,
  signature: string | undefined,
  secretKey: string,
): boolean {
  if (!signature || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  const expected = Buffer.from(paystackSignature(rawBody, secretKey), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
