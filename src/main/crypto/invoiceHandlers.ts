/**
 * The invoice and crypto refund handlers (src/shared/api/crypto.ts): invoices start through the
 * generic payments flow (tender `crypto`); a manager accepts late payments and records refunds.
 */
import { monotonicFactory } from 'ulid';
import { TillpointError } from '../../shared/api/errors';
import { type PartialHandlerImpls } from '../kernel';
import { type CryptoHandlerPorts } from './handlers';
import { chainIdOf, invoiceView, refundView } from './views';

export function createInvoiceHandlers(ports: CryptoHandlerPorts): PartialHandlerImpls {
  const { deps, engine, tender, audit } = ports;
  const { store } = engine;
  const ulid = monotonicFactory();
  const newId = () => ulid(deps.now().getTime());
  const libs = () => ports.libs();

  const requireInvoice = (invoiceId: string) => {
    const invoice = store.invoice(invoiceId);
    if (!invoice) throw new TillpointError('not_found', `No invoice ${invoiceId}.`, { invoiceId });
    return invoice;
  };
  const view = (invoiceId: string) => invoiceView(libs(), engine, requireInvoice(invoiceId));

  return {
    'invoices.options': () => ({
      options: engine.offered().map(({ chain }) => ({
        chainKey: chain.chainKey,
        label: chain.label,
        chainId: chainIdOf(chain),
        qrStyle: chain.qrStyle,
        assets: chain.assets.map((a) => ({ symbol: a.symbol, contract: a.contract, decimals: a.decimals })),
      })),
      demo: deps.config.mode === 'demo' && ports.demoPay() !== null,
    }),
    'invoices.create': async (input, ctx) => {
      const paymentId = input.paymentId ?? newId();
      const existing = store.invoiceOfPayment(paymentId);
      if (!existing) {
        const chain = engine.requireChain(input.chainKey);
        if (!engine.assetOf(chain, input.asset)) {
          throw new TillpointError('bad_input', `${chain.label} does not take ${input.asset} on this till.`, {
            reason: 'asset_not_offered',
          });
        }
        if (!engine.walletFor(chain)) {
          throw new TillpointError(
            'unavailable',
            `No wallet for ${chain.label}: add one in Settings › Crypto.`,
            {
              reason: 'no_wallet',
            },
          );
        }
        const quote = await engine.quote(input.asset, ports.currency());
        tender.setIntent(paymentId, { chainKey: chain.chainKey, asset: input.asset, quote });
      }
      try {
        await ports.payments().start({
          orderId: input.orderId,
          paymentId,
          kind: tender.kind,
          amountMinor: input.amount === undefined ? undefined : BigInt(input.amount),
          staffId: ctx.staff.staffId,
          request: {
            kind: tender.kind,
            chainKey: input.chainKey,
            asset: input.asset,
            amount: input.amount ?? null,
          },
        });
      } finally {
        tender.clearIntent(paymentId);
      }
      const invoice = store.invoiceOfPayment(paymentId);
      const order = ports.orderView(input.orderId);
      const payment = order.payments.find((p) => p.id === paymentId);
      if (!invoice || !payment) {
        throw new TillpointError('unavailable', payment?.message ?? 'The invoice could not be made.', {
          paymentId,
        });
      }
      return { invoice: invoiceView(libs(), engine, invoice), payment, order };
    },
    'invoices.get': (input) => {
      // The lifecycle depends on the clock: an invoice read after its expiry is expired now.
      engine.recompute(requireInvoice(input.invoiceId).id);
      return { invoice: view(input.invoiceId) };
    },
    'invoices.list': (input) => ({
      invoices: store
        .invoices({ before: input.before, orderId: input.orderId, limit: input.limit ?? 50 })
        .map((invoice) => invoiceView(libs(), engine, invoice)),
    }),
    'invoices.qr': async (input) => {
      const invoice = requireInvoice(input.invoiceId);
      const content = input.content ?? engine.chainOf(invoice.chainKey)?.qrStyle ?? 'uri';
      const format = input.format ?? 'svg';
      const text = content === 'uri' ? invoice.uri : invoice.address;
      const image = await libs().renderQr(text, format);
      const dataUrl =
        format === 'svg'
          ? `data:image/svg+xml;base64,${Buffer.from(image, 'utf8').toString('base64')}`
          : `data:image/png;base64,${image}`;
      return { text, dataUrl, format };
    },
    'invoices.cancel': async (input, ctx) => {
      const invoice = requireInvoice(input.invoiceId);
      if (invoice.status === 'processing') {
        throw new TillpointError(
          'conflict',
          'The customer has paid in full; it cannot be cancelled: wait for the confirmations.',
          {
            reason: 'paid_confirming',
          },
        );
      }
      const payment = invoice.paymentId ? ports.payments().get(invoice.paymentId) : null;
      if (payment && payment.status === 'pending') {
        await ports.payments().cancel(payment.id, ctx.staff.staffId);
      } else {
        engine.cancel(invoice.id);
      }
      return { invoice: view(invoice.id) };
    },
    'invoices.acceptLate': async (input, ctx) => {
      const invoice = requireInvoice(input.invoiceId);
      if (invoice.exception !== 'paid_late' || invoice.acceptedLate) {
        throw new TillpointError(
          'conflict',
          'Only a payment that came after the expiry can be accepted late.',
          {
            reason: 'not_paid_late',
          },
        );
      }
      const paymentId = newId();
      tender.setIntent(paymentId, {
        chainKey: invoice.chainKey,
        asset: invoice.asset,
        quote: { rate: invoice.rate, source: invoice.rateSource, atMs: Date.parse(invoice.createdAt) },
        invoiceId: invoice.id,
        acceptedBy: ctx.staff.staffId,
      });
      try {
        const due = ports.orderView(invoice.orderId);
        if (due.status !== 'open') {
          throw new TillpointError(
            'conflict',
            `Order ${due.number} is ${due.status}: the late payment cannot pay it any more; refund it to the customer instead.`,
            { reason: 'order_not_open' },
          );
        }
        const dueMinor = BigInt(due.amountDueMinor);
        await ports.payments().start({
          orderId: invoice.orderId,
          paymentId,
          kind: tender.kind,
          amountMinor: invoice.fiatAmountMinor < dueMinor ? invoice.fiatAmountMinor : dueMinor,
          staffId: ctx.staff.staffId,
          request: { kind: tender.kind, acceptLate: invoice.id },
        });
      } finally {
        tender.clearIntent(paymentId);
      }
      audit.record({
        staffId: ctx.staff.staffId,
        action: 'crypto.late_accepted',
        ref: invoice.orderId,
        details: { invoiceId: invoice.id },
      });
      return { invoice: view(invoice.id) };
    },
    'cryptoRefunds.create': (input, ctx) => {
      const invoice = requireInvoice(input.invoiceId);
      const chain = engine.chainOf(invoice.chainKey);
      if (!chain || !libs().isValidAddress(chain, input.address)) {
        throw new TillpointError('bad_input', `That is not a ${chain?.label ?? invoice.chainKey} address.`, {
          reason: 'bad_address',
        });
      }
      const at = deps.now().toISOString();
      const id = deps.db.transaction(() => {
        if (input.refundId) {
          const refund = store.refund(input.refundId);
          if (!refund || refund.invoiceId !== invoice.id)
            throw new TillpointError('not_found', `No refund ${input.refundId} for this invoice.`);
          if (refund.status === 'done') throw new TillpointError('conflict', 'That refund was sent already.');
          store.setRefundAddress(refund.id, input.address);
          return refund.id;
        }
        const refundable = refundableUnits(invoice.id);
        const amountUnits = input.amountUnits === undefined ? refundable : BigInt(input.amountUnits);
        if (amountUnits <= 0n || amountUnits > refundable) {
          throw new TillpointError(
            'bad_input',
            `At most ${refundable} units of ${invoice.asset} can be sent back for this invoice.`,
            { refundableUnits: refundable.toString(), reason: 'more_than_refundable' },
          );
        }
        const refundId = newId();
        store.insertRefund({
          id: refundId,
          invoiceId: invoice.id,
          shareId: null,
          chainKey: invoice.chainKey,
          asset: invoice.asset,
          tokenContract: invoice.tokenContract,
          amountUnits,
          address: input.address,
          reason: input.reason || (invoice.exception ?? 'refund'),
          status: 'to_send',
          txid: null,
          createdBy: ctx.staff.staffId,
          createdAt: at,
          doneAt: null,
          doneBy: null,
        });
        audit.record({
          staffId: ctx.staff.staffId,
          action: 'crypto.refund_recorded',
          ref: invoice.orderId,
          details: { invoiceId: invoice.id, amountUnits: amountUnits.toString() },
        });
        return refundId;
      })();
      engine.tick();
      const refund = store.refund(id);
      if (!refund) throw new Error('The refund was not recorded.');
      return { refund: refundView(libs(), engine, refund) };
    },
    'cryptoRefunds.markSent': (input, ctx) => {
      const refund = store.refund(input.refundId);
      if (!refund) throw new TillpointError('not_found', `No crypto refund ${input.refundId}.`);
      if (refund.status === 'needs_address')
        throw new TillpointError('conflict', "Enter the customer's address first.");
      engine.refundDone(refund.id, input.txid, ctx.staff.staffId);
      const after = store.refund(refund.id);
      if (!after) throw new Error('The refund is gone.');
      return { refund: refundView(libs(), engine, after) };
    },
    'cryptoRefunds.list': (input) => ({
      refunds: store.refunds(input.limit ?? 50).map((r) => refundView(libs(), engine, r)),
    }),
  };

  /** What the invoice received and the store did not keep: all of it unless it settled (then what is over). */
  function refundableUnits(invoiceId: string): bigint {
    const invoice = requireInvoice(invoiceId);
    const received = store
      .invoicePayments(invoiceId)
      .filter((p) => p.goneAt === null)
      .reduce((sum, p) => sum + p.amountUnits, 0n);
    const kept =
      invoice.status === 'settled' ? (received < invoice.amountUnits ? received : invoice.amountUnits) : 0n;
    const already = store
      .refundsOfInvoice(invoiceId)
      .filter((r) => r.shareId === null)
      .reduce((sum, r) => sum + r.amountUnits, 0n);
    const left = received - kept - already;
    return left > 0n ? left : 0n;
  }
}
