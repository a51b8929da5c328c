/**
 * Paystack's REST API, the part the till uses, over `fetch`: initialize a transaction (its checkout
 * link, for a QR code), verify it by our reference, and refunds. Amounts are in the currency's
 * subunit (kobo for NGN), as integers. Every answer is `{ status, message, data }`; a `status: false`
 * answer becomes a PaystackError with Paystack's message. The secret key goes in the Authorization
 * header only, never in an error or a log.
 */

export const paystackApiBase = 'https://api.paystack.co';

export class PaystackError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when Paystack could not be reached. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'PaystackError';
  }
  get network(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

export type PaystackTransactionStatus =
  'success' | 'failed' | 'abandoned' | 'ongoing' | 'pending' | 'processing' | 'queued' | 'reversed';

export interface PaystackTransaction {
  id: number;
  reference: string;
  status: PaystackTransactionStatus;
  amount: number;
  currency: string;
  gateway_response: string | null;
  channel: string | null;
  paid_at: string | null;
}

export interface PaystackRefund {
  id: number;
  status: 'pending' | 'processing' | 'processed' | 'failed' | 'needs-attention';
  amount: number;
  currency: string;
  merchant_note: string | null;
  transaction: number | { id: number; reference?: string };
}

export interface PaystackApi {
  initialize(input: {
    email: string;
    amount: number;
    currency: string;
    reference: string;
    metadata?: Record<string, string>;
  }): Promise<{ authorization_url: string; access_code: string; reference: string }>;
  verify(reference: string): Promise<PaystackTransaction>;
  createRefund(input: {
    transaction: string;
    amount: number;
    merchant_note: string;
  }): Promise<PaystackRefund>;
  listRefunds(transactionId: number): Promise<PaystackRefund[]>;
}

export function createPaystackApi(secretKey: string, base = paystackApiBase): PaystackApi {
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${secretKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      throw new PaystackError('Paystack could not be reached.', 0);
    }
    let answer: { status?: boolean; message?: string; data?: T };
    try {
      answer = (await response.json()) as typeof answer;
    } catch {
      throw new PaystackError(
        `Paystack answered ${response.status} without JSON.`,
        response.status >= 500 ? response.status : 502,
      );
    }
    if (!response.ok || answer.status !== true || answer.data === undefined) {
      throw new PaystackError(
        answer.message ?? `Paystack answered ${response.status}.`,
        response.status || 502,
      );
    }
    return answer.data;
  };
  return {
    initialize: (input) => call('POST', '/transaction/initialize', input),
    verify: (reference) => call('GET', `/transaction/verify/${encodeURIComponent(reference)}`),
    createRefund: (input) => call('POST', '/refund', input),
    listRefunds: (transactionId) => call('GET', `/refund?transaction=${transactionId}`),
  };
}

/** Whether Paystack accepts the key: a one-item list of transactions. */
export async function checkPaystackKey(secretKey: string, base = paystackApiBase): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${base}/transaction?perPage=1`, {
      headers: { authorization: `Bearer ${secretKey}` },
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw new PaystackError('Paystack could not be reached.', 0);
  }
  if (response.status === 401) throw new PaystackError('Paystack refused the secret key.', 401);
  if (!response.ok) throw new PaystackError(`Paystack answered ${response.status}.`, response.status);
}
