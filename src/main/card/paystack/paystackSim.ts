/**
 * A Paystack simulator on loopback for tests and the demo: initialize (a checkout page of its own
 * where the "customer" pays or fails), verify by reference, and refunds (queued `pending`, then
 * `processed` at the next look, as Paystack processes them later). It answers Paystack's envelope
 * `{ status, message, data }`, checks the secret key, and delivers `charge.success` to a webhook URL
 * signed as Paystack signs (HMAC-SHA512 of the body with the secret key).
 */
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { paystackSignature } from './paystackWebhook';
import { type PaystackRefund, type PaystackTransaction } from './paystackApi';

export const paystackCurrencies = ['NGN', 'GHS', 'ZAR', 'KES', 'USD', 'XOF', 'EGP'] as const;

interface SimTransaction extends PaystackTransaction {
  accessCode: string;
  secretKey: string;
  refunded: number;
}

export interface PaystackSimulator {
  readonly baseUrl: string;
  readonly transactions: ReadonlyMap<string, PaystackTransaction>;
  readonly refunds: readonly PaystackRefund[];
  /** The customer pays (or fails) on the checkout page of a transaction. */
  pay(reference: string, outcome?: 'success' | 'failed'): void;
  close(): Promise<void>;
}

export async function startPaystackSimulator(
  options: { webhookUrl?: string } = {},
): Promise<PaystackSimulator> {
  const transactions = new Map<string, SimTransaction>();
  const refunds: (PaystackRefund & { seen: boolean })[] = [];
  let nextId = 1000;
  let baseUrl = '';

  const publicTransaction = (t: SimTransaction): PaystackTransaction => ({
    id: t.id,
    reference: t.reference,
    status: t.status,
    amount: t.amount,
    currency: t.currency,
    gateway_response: t.gateway_response,
    channel: t.channel,
    paid_at: t.paid_at,
  });
  const pay = (reference: string, outcome: 'success' | 'failed' = 'success') => {
    const t = transactions.get(reference);
    if (!t || (t.status !== 'abandoned' && t.status !== 'ongoing'))
      throw new Error(`Transaction ${reference} cannot be paid now.`);
    t.status = outcome;
    t.channel = 'card';
    t.gateway_response = outcome === 'success' ? 'Approved' : 'Declined';
    t.paid_at = outcome === 'success' ? new Date().toISOString() : null;
    if (outcome === 'success' && options.webhookUrl) {
      const body = JSON.stringify({ event: 'charge.success', data: publicTransaction(t) });
      void fetch(options.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-paystack-signature': paystackSignature(body, t.secretKey),
        },
        body,
      }).catch(() => undefined);
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://localhost');
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const ok = (message: string, data: unknown) => send(200, { status: true, message, data });
      const fail = (status: number, message: string) => send(status, { status: false, message });

      const page = /^\/pay\/([a-z0-9]+)$/.exec(url.pathname);
      if (page) {
        const t = [...transactions.values()].find((candidate) => candidate.accessCode === page[1]);
        res.writeHead(t ? 200 : 404, { 'content-type': 'text/html' });
        if (t && req.method === 'POST') {
          const outcome = new URLSearchParams(raw).get('outcome') === 'failed' ? 'failed' : 'success';
          try {
            pay(t.reference, outcome);
            res.end(outcome === 'success' ? '<p>Payment successful</p>' : '<p>Payment failed</p>');
          } catch {
            res.end('<p>This payment cannot be made now.</p>');
          }
          return;
        }
        res.end(
          t
            ? `<!doctype html><title>Paystack (simulated)</title><p>${t.currency} ${t.amount / 100}</p><form method="post"><button name="outcome" value="success">Pay</button><button name="outcome" value="failed">Fail</button></form>`
            : '<p>Not found</p>',
        );
        return;
      }

      const key = /^Bearer (sk_test_[A-Za-z0-9]{8,})$/.exec(req.headers.authorization ?? '')?.[1];
      if (!key) return fail(401, 'Invalid key');
      let body: Record<string, unknown> = {};
      if (raw) {
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          return fail(400, 'Invalid JSON');
        }
      }

      if (req.method === 'GET' && url.pathname === '/transaction') {
        return ok('Transactions retrieved', [...transactions.values()].slice(0, 1).map(publicTransaction));
      }
      if (req.method === 'POST' && url.pathname === '/transaction/initialize') {
        const amount = Number(body.amount);
        const currency = String(body.currency ?? 'NGN');
        const reference = String(body.reference ?? `ref_${randomBytes(6).toString('hex')}`);
        if (typeof body.email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.email))
          return fail(400, 'Invalid Email Address Passed');
        if (!Number.isSafeInteger(amount) || amount < 100) return fail(400, 'Invalid Amount Sent');
        if (!(paystackCurrencies as readonly string[]).includes(currency))
          return fail(400, 'Currency not supported by merchant');
        if (transactions.has(reference)) return fail(400, 'Duplicate Transaction Reference');
        const accessCode = randomBytes(8).toString('hex');
        transactions.set(reference, {
          id: (nextId += 1),
          reference,
          status: 'abandoned',
          amount,
          currency,
          gateway_response: null,
          channel: null,
          paid_at: null,
          accessCode,
          secretKey: key,
          refunded: 0,
        });
        return ok('Authorization URL created', {
          authorization_url: `${baseUrl}/pay/${accessCode}`,
          access_code: accessCode,
          reference,
        });
      }
      const verify = /^\/transaction\/verify\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && verify) {
        const t = transactions.get(decodeURIComponent(verify[1] ?? ''));
        return t
          ? ok('Verification successful', publicTransaction(t))
          : fail(400, 'Transaction reference not found');
      }
      if (req.method === 'POST' && url.pathname === '/refund') {
        const wanted = String(body.transaction ?? '');
        const t = [...transactions.values()].find((c) => c.reference === wanted || String(c.id) === wanted);
        if (!t) return fail(400, 'Transaction not found');
        if (t.status !== 'success') return fail(400, 'Transaction has not been completed');
        const amount = body.amount === undefined ? t.amount - t.refunded : Number(body.amount);
        if (!Number.isSafeInteger(amount) || amount <= 0 || amount > t.amount - t.refunded) {
          return fail(400, 'Refund amount cannot be more than the unrefunded amount');
        }
        t.refunded += amount;
        const refund = {
          id: (nextId += 1),
          status: 'pending' as PaystackRefund['status'],
          amount,
          currency: t.currency,
          merchant_note: typeof body.merchant_note === 'string' ? body.merchant_note : null,
          transaction: { id: t.id, reference: t.reference },
          seen: false,
        };
        refunds.push(refund);
        return ok('Refund has been queued for processing', { ...refund, seen: undefined });
      }
      if (req.method === 'GET' && url.pathname === '/refund') {
        const id = Number(url.searchParams.get('transaction'));
        const listed = refunds.filter((r) => typeof r.transaction === 'object' && r.transaction.id === id);
        // Paystack processes refunds later: one already seen is processed at the next look.
        for (const r of listed) {
          if (r.seen && r.status === 'pending') r.status = 'processed';
          r.seen = true;
        }
        return ok(
          'Refunds retrieved',
          listed.map(({ seen: _seen, ...r }) => r),
        );
      }
      return fail(404, 'Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    transactions,
    refunds,
    pay,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
