/**
 * The Paystack tender (NGN and other African currencies): `start` initializes a transaction whose
 * reference is made from our payment id (Paystack refuses a second one with the same reference, so
 * a retry can never charge twice) and shows its checkout link as a QR code; the till verifies it by
 * reference until it succeeds or fails. Paystack has no way to withdraw a link: a cancel first
 * verifies (a payment that went through stands), then stops following it. Refunds carry our share
 * id in their merchant note, so a retry or a restart finds the refund instead of making another.
 */
import { type Logger } from 'pino';
import { TillpointError } from '../../../shared/api/errors';
import {
  planExactAmount,
  type RefundReport,
  type TenderAdapter,
  type TenderReport,
  type TenderUpdate,
  type TenderUpdateListener,
} from '../../payments';
import { createCardRunner } from '../cardRunner';
import {
  createPaystackApi,
  PaystackError,
  type PaystackApi,
  type PaystackRefund,
  type PaystackTransaction,
} from './paystackApi';
import { paystackCurrencies } from './paystackSim';

export interface PaystackTenderOptions {
  readonly setup: () => { secretKey: string } | null;
  /** Paystack's API address (the simulator in tests and the demo); default api.paystack.co. */
  readonly apiBase?: string | (() => string | undefined);
  /** Paystack needs a customer email; a till that does not ask uses this one. */
  readonly email?: string;
  readonly pollMs?: number;
  readonly paymentTimeoutMs?: number;
  readonly logger?: Logger;
  readonly paymentExternalId?: (paymentId: string) => string | null;
}

export interface PaystackTender extends TenderAdapter {
  stop(): void;
  /** The checkout link of a payment started on this run (Paystack cannot give it again). */
  link(paymentId: string): string | null;
  /**
   * A signed webhook said this transaction changed: confirm it with Paystack (verify by reference,
   * never the webhook's word alone) and report it now. `ignored`: not a reference of ours.
   */
  confirm(reference: string): Promise<'applied' | 'ignored'>;
}

/** Our payment id in a Paystack reference (`tillpoint-<payment id>`), or null for anyone else's. */
export function paymentIdOfReference(reference: string): string | null {
  return /^tillpoint-([0-9A-HJKMNP-TV-Z]{26})$/.exec(reference)?.[1] ?? null;
}

const referenceOf = (paymentId: string) => `tillpoint-${paymentId}`;
const noteOf = (shareId: string) => `tillpoint:${shareId}`;
const waiting = new Set(['abandoned', 'ongoing', 'pending', 'processing', 'queued']);

export function createPaystackTender(options: PaystackTenderOptions): PaystackTender {
  const listeners = new Set<TenderUpdateListener>();
  const links = new Map<string, string>();
  const notify = (update: TenderUpdate) => {
    for (const listener of listeners) listener(update);
  };
  const runner = createCardRunner({ pollMs: options.pollMs ?? 2_000, notify, logger: options.logger });
  const apiOf = (): PaystackApi | null => {
    const setup = options.setup();
    if (!setup) return null;
    const base = typeof options.apiBase === 'function' ? options.apiBase() : options.apiBase;
    return createPaystackApi(setup.secretKey, base);
  };
  const words = (error: unknown) => (error instanceof Error ? error.message : String(error));

  const reportOf = (paymentId: string, t: PaystackTransaction): TenderReport => {
    const base = { paymentId, externalId: t.reference };
    if (t.status === 'success') {
      return {
        ...base,
        status: 'succeeded',
        message: 'Paid with Paystack.',
        details: { reference: t.reference, transactionId: t.id, channel: t.channel },
      };
    }
    if (waiting.has(t.status)) {
      const url = links.get(paymentId);
      return {
        ...base,
        status: 'pending',
        message: 'Scan the code with the phone’s camera to pay.',
        ...(url ? { details: { url } } : {}),
      };
    }
    return { ...base, status: 'failed', message: `Paystack: ${t.gateway_response ?? t.status}.` };
  };
  const follow = (paymentId: string, api: PaystackApi) =>
    runner.follow(paymentId, async () => ({
      payment: reportOf(paymentId, await api.verify(referenceOf(paymentId))),
    }));

  const refundReport = (shareId: string, refund: PaystackRefund): RefundReport => {
    const externalId = String(refund.id);
    if (refund.status === 'processed') return { shareId, status: 'succeeded', externalId };
    if (refund.status === 'failed')
      return { shareId, status: 'failed', externalId, message: 'Paystack could not refund it.' };
    return { shareId, status: 'pending', externalId, message: 'Paystack is processing the refund.' };
  };
  const findRefund = async (api: PaystackApi, reference: string, shareId: string) => {
    const t = await api.verify(reference);
    return {
      t,
      found: (await api.listRefunds(t.id)).find((r) => r.merchant_note === noteOf(shareId)) ?? null,
    };
  };
  const followRefund = (shareId: string, reference: string, api: PaystackApi) =>
    runner.follow(shareId, async () => {
      const { found } = await findRefund(api, reference, shareId);
      return { refund: found ? refundReport(shareId, found) : { shareId, status: 'pending' as const } };
    });
  /** Finds the share's refund or makes it, then reports it (following it while Paystack processes it). */
  const refundShare = async (
    share: { shareId: string; amountMinor: bigint },
    reference: string,
    api: PaystackApi,
  ): Promise<RefundReport> => {
    const { found } = await findRefund(api, reference, share.shareId);
    const refund =
      found ??
      (await api.createRefund({
        transaction: reference,
        amount: Number(share.amountMinor),
        merchant_note: noteOf(share.shareId),
      }));
    const report = refundReport(share.shareId, refund);
    if (report.status === 'pending') followRefund(share.shareId, reference, api);
    return report;
  };

  return {
    kind: 'paystack',
    label: 'Paystack',
    paymentTimeoutMs: options.paymentTimeoutMs ?? 30 * 60_000,
    state: () =>
      options.setup()
        ? { state: 'ready', reason: null }
        : {
            state: 'not_set_up',
            reason: 'Paystack is not set up: enter its secret key (TILLPOINT_PAYSTACK_SECRET_KEY).',
          },
    account: () => ({ code: 'paystack_clearing', ref: 'paystack' }),
    plan(request) {
      if (!(paystackCurrencies as readonly string[]).includes(request.currency)) {
        throw new TillpointError(
          'bad_input',
          `Paystack takes ${paystackCurrencies.join(', ')}; this order is in ${request.currency}.`,
          {
            reason: 'currency_not_supported',
          },
        );
      }
      const plan = planExactAmount(request);
      if (plan.amountMinor > BigInt(Number.MAX_SAFE_INTEGER))
        throw new TillpointError('bad_input', 'That amount is too large for Paystack.');
      return plan;
    },
    async start(request, plan) {
      const api = apiOf();
      if (!api) throw new TillpointError('unavailable', 'Paystack is not set up on this till.');
      const { paymentId } = request;
      return runner.serial(paymentId, async (): Promise<TenderReport> => {
        try {
          const made = await api.initialize({
            email: options.email ?? 'receipts@example.com',
            amount: Number(plan.amountMinor),
            currency: request.currency,
            reference: referenceOf(paymentId),
            metadata: { tillpoint_payment_id: paymentId, tillpoint_order_id: request.orderId },
          });
          links.set(paymentId, made.authorization_url);
        } catch (error) {
          // A retry after a lost answer: the reference is taken, so the transaction exists; follow it.
          if (!(error instanceof PaystackError && /duplicate/i.test(error.message))) {
            return { paymentId, status: 'failed', message: `Paystack: ${words(error)}` };
          }
        }
        follow(paymentId, api);
        return reportOf(paymentId, await api.verify(referenceOf(paymentId)));
      });
    },
    async status(payment) {
      const api = apiOf();
      if (!api)
        return {
          paymentId: payment.paymentId,
          status: 'pending',
          message: 'Paystack is not set up on this till.',
        };
      return runner.serial(payment.paymentId, async (): Promise<TenderReport> => {
        try {
          const report = reportOf(payment.paymentId, await api.verify(referenceOf(payment.paymentId)));
          if (report.status === 'pending') follow(payment.paymentId, api);
          return report;
        } catch (error) {
          if (error instanceof PaystackError && !error.network) {
            // Never initialized (the till stopped before Paystack answered): nothing can be paid.
            return { paymentId: payment.paymentId, status: 'failed', message: `Paystack: ${error.message}` };
          }
          follow(payment.paymentId, api);
          return { paymentId: payment.paymentId, status: 'pending', message: words(error) };
        }
      });
    },
    async cancel(payment) {
      const api = apiOf();
      const { paymentId } = payment;
      if (!api) return { paymentId, status: 'pending', message: 'Paystack is not set up on this till.' };
      return runner.serial(paymentId, async (): Promise<TenderReport> => {
        try {
          const report = reportOf(paymentId, await api.verify(referenceOf(paymentId)));
          if (report.status !== 'pending') return report;
        } catch (error) {
          if (!(error instanceof PaystackError) || error.network)
            return { paymentId, status: 'pending', message: words(error) };
        }
        runner.unfollow(paymentId);
        links.delete(paymentId);
        return {
          paymentId,
          status: 'canceled',
          message: 'Cancelled at the till: the customer must not pay that link now.',
        };
      });
    },
    async refund(request) {
      const api = apiOf();
      const { shareId } = request;
      if (!api) return { shareId, status: 'failed', message: 'Paystack is not set up on this till.' };
      if (!request.externalId)
        return { shareId, status: 'failed', message: 'This payment has no Paystack reference.' };
      const reference = request.externalId;
      return runner.serial(shareId, async (): Promise<RefundReport> => {
        try {
          return await refundShare(request, reference, api);
        } catch (error) {
          if (error instanceof PaystackError && !error.network)
            return { shareId, status: 'failed', message: `Paystack: ${error.message}` };
          return { shareId, status: 'pending', message: words(error) };
        }
      });
    },
    async refundStatus(share) {
      const api = apiOf();
      const reference = options.paymentExternalId?.(share.paymentId) ?? referenceOf(share.paymentId);
      if (!api)
        return { shareId: share.shareId, status: 'pending', message: 'Paystack is not set up on this till.' };
      return runner.serial(share.shareId, () => refundShare(share, reference, api));
    },
    onUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => runner.stop(),
    link: (paymentId) => links.get(paymentId) ?? null,
    async confirm(reference) {
      const paymentId = paymentIdOfReference(reference);
      if (!paymentId) return 'ignored';
      const api = apiOf();
      if (!api) throw new TillpointError('unavailable', 'Paystack is not set up on this till.');
      const report = await runner.serial(paymentId, async () =>
        reportOf(paymentId, await api.verify(referenceOf(paymentId))),
      );
      notify({ payment: report });
      return 'applied';
    },
  };
}
