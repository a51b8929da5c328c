/**
 * The vendors service: vendors and their terms, which product is whose, the split of every sale
 * (orders' settle hook: sales_revenue → vendor_payable:<vendorId>, code `vendor_share`, linked with
 * the sale), its return on a refund (refund hook: pending vendor_payable → sales_returns, code
 * `vendor_share_return`, posted or voided with the refund), payouts (vendor_payable → the drawer, the
 * bank account or the crypto payouts account, code `vendor_payout`), and statements from the ledger.
 */
import { monotonicFactory } from 'ulid';
import { TillpointError } from '../../shared/api/errors';
import { type AuditService } from '../audit';
import { type CoreDeps } from '../kernel';
import { type Account, type Ledger, type NewTransferInput } from '../ledger';
import { vendorPartBack, vendorPartOf, type VendorTerms } from './rules';
import {
  assignProduct,
  getVendor,
  insertPayout,
  insertVendorRefund,
  insertVendorSale,
  listVendors,
  productExists,
  refundedOfLine,
  saveVendorRow,
  vendorOfLine,
  vendorSalesOfOrder,
  type VendorRecord,
} from './vendorsStore';

export const vendorPayableCode = 'vendor_payable';

export interface VendorsPorts {
  readonly ledger: Ledger;
  readonly audit: AuditService;
  currency(): string;
  /** The open shift's drawer account (cash payouts), or a conflict when no shift is open. */
  drawerAccount(): Account;
}

export type VendorsService = ReturnType<typeof createVendorsService>;

export function createVendorsService(deps: CoreDeps, ports: VendorsPorts) {
  const { db } = deps;
  const { ledger } = ports;
  const ulid = monotonicFactory();
  const newId = () => ulid(deps.now().getTime());
  const nowIso = () => deps.now().toISOString();
  const payable = (vendorId: string, currency: string) =>
    ledger.ensureAccount({ asset: currency, code: vendorPayableCode, ref: vendorId });
  const money = (code: string, currency: string) => ledger.ensureAccount({ asset: currency, code, ref: '' });
  const owedMinor = (vendorId: string, currency: string): bigint => {
    const account = ledger.findAccount(currency, vendorPayableCode, vendorId);
    if (!account) return 0n;
    const fresh = ledger.getAccount(account.id) ?? account;
    return fresh.creditsPosted - fresh.debitsPosted - fresh.debitsPending;
  };
  const require = (vendorId: string): VendorRecord => {
    const found = getVendor(db, vendorId);
    if (!found) throw new TillpointError('not_found', `No vendor ${vendorId}.`, { vendorId });
    return found;
  };
  const view = (v: VendorRecord) => ({
    id: v.id,
    name: v.name,
    contact: v.contact,
    terms:
      v.terms.kind === 'share'
        ? { kind: 'share' as const, percent: v.terms.percent }
        : { kind: 'commission' as const, commission: v.terms.commissionMinor.toString() },
    active: v.active,
    payableMinor: owedMinor(v.id, ports.currency()).toString(),
    currency: ports.currency(),
  });

  return {
    require,
    view,
    owedMinor,
    list: () => listVendors(db).map(view),

    save(
      input: {
        vendorId?: string | undefined;
        name: string;
        contact?: string | undefined;
        terms: VendorTerms;
        active?: boolean | undefined;
      },
      staffId: string,
    ) {
      return db.transaction(() => {
        const existing = input.vendorId ? require(input.vendorId) : null;
        const record: VendorRecord = {
          id: existing?.id ?? newId(),
          name: input.name,
          contact: input.contact ?? existing?.contact ?? '',
          terms: input.terms,
          active: input.active ?? existing?.active ?? true,
        };
        saveVendorRow(db, record, nowIso());
        ports.audit.record({
          staffId,
          action: 'vendors.saved',
          ref: record.id,
          details: { name: record.name, terms: record.terms },
        });
        return require(record.id);
      })();
    },

    assign(productId: string, vendorId: string | null, staffId: string) {
      db.transaction(() => {
        if (!productExists(db, productId))
          throw new TillpointError('not_found', `No product ${productId}.`, { productId });
        if (vendorId !== null) require(vendorId);
        assignProduct(db, productId, vendorId, nowIso());
        ports.audit.record({
          staffId,
          action: 'vendors.productAssigned',
          ref: productId,
          details: { vendorId },
        });
      })();
    },

    /** Settle hook: each line of a vendor's product credits their payable, linked with the sale. */
    onSettle(input: {
      orderId: string;
      currency: string;
      lines: readonly { lineId: string; quantity: number; revenueMinor: bigint }[];
      staffId: string;
    }): NewTransferInput[] {
      const transfers: NewTransferInput[] = [];
      const at = nowIso();
      for (const line of input.lines) {
        const vendorId = vendorOfLine(db, line.lineId);
        if (vendorId === null) continue;
        const vendor = require(vendorId);
        const part = vendorPartOf(line.revenueMinor, line.quantity, vendor.terms);
        insertVendorSale(
          db,
          {
            lineId: line.lineId,
            orderId: input.orderId,
            vendorId,
            quantity: line.quantity,
            netMinor: line.revenueMinor,
            vendorPartMinor: part,
          },
          input.currency,
          at,
        );
        if (part <= 0n) continue;
        transfers.push({
          id: newId(),
          debitAccountId: money('sales_revenue', input.currency).id,
          creditAccountId: payable(vendorId, input.currency).id,
          amount: part,
          asset: input.currency,
          code: 'vendor_share',
          ref: `order:${input.orderId}`,
          staffId: input.staffId,
        });
      }
      return transfers;
    },

    /** Refund hook: the vendor's part of the refunded units goes back, pending with the refund. */
    onRefund(input: {
      orderId: string;
      refundId: string;
      currency: string;
      lines: readonly { lineId: string; quantity: number }[];
      staffId: string;
    }): NewTransferInput[] {
      const transfers: NewTransferInput[] = [];
      const sales = vendorSalesOfOrder(db, input.orderId);
      for (const line of input.lines) {
        const sale = sales.find((s) => s.lineId === line.lineId);
        if (!sale || line.quantity <= 0) continue;
        const before = refundedOfLine(db, line.lineId);
        const back = vendorPartBack(
          sale.vendorPartMinor - before.vendorPartMinor,
          sale.quantity - before.quantity,
          line.quantity,
        );
        insertVendorRefund(db, input.refundId, line.lineId, line.quantity, back);
        if (back <= 0n) continue;
        transfers.push({
          id: newId(),
          debitAccountId: payable(sale.vendorId, input.currency).id,
          creditAccountId: money('sales_returns', input.currency).id,
          amount: back,
          asset: input.currency,
          code: 'vendor_share_return',
          ref: `refund:${input.refundId}`,
          staffId: input.staffId,
          pending: true,
        });
      }
      return transfers;
    },

    payout(
      input: { vendorId: string; amountMinor: bigint; method: 'cash' | 'bank' | 'crypto'; reference: string },
      staffId: string,
    ): string {
      return db.transaction(() => {
        const vendor = require(input.vendorId);
        const currency = ports.currency();
        const owed = owedMinor(vendor.id, currency);
        if (input.amountMinor > owed) {
          throw new TillpointError('insufficient_funds', `The store owes ${vendor.name} less than that.`, {
            vendorId: vendor.id,
            requiredMinor: input.amountMinor.toString(),
            availableMinor: owed.toString(),
          });
        }
        let credit: Account;
        if (input.method === 'cash') {
          credit = ports.drawerAccount();
          const held = credit.debitsPosted - credit.creditsPosted - credit.creditsPending;
          if (input.amountMinor > held) {
            throw new TillpointError('insufficient_funds', 'The drawer does not hold that much cash.', {
              accountId: credit.id,
              requiredMinor: input.amountMinor.toString(),
              availableMinor: held.toString(),
            });
          }
        } else {
          credit = money(input.method === 'bank' ? 'bank_account' : 'crypto_payouts', currency);
        }
        const id = newId();
        const transferId = newId();
        ledger.submitOne([
          {
            id: transferId,
            debitAccountId: payable(vendor.id, currency).id,
            creditAccountId: credit.id,
            amount: input.amountMinor,
            asset: currency,
            code: 'vendor_payout',
            ref: `vendor_payout:${id}`,
            staffId,
            ...(input.reference ? { memo: input.reference } : {}),
          },
        ]);
        insertPayout(
          db,
          {
            id,
            vendorId: vendor.id,
            currency,
            amountMinor: input.amountMinor,
            method: input.method,
            reference: input.reference,
            transferId,
            staffId,
          },
          nowIso(),
        );
        ports.audit.record({
          staffId,
          action: 'vendors.payout',
          ref: vendor.id,
          details: { payoutId: id, amountMinor: input.amountMinor, method: input.method },
        });
        return id;
      })();
    },

    statement(vendorId: string, from?: Date, to?: Date) {
      const vendor = require(vendorId);
      const currency = ports.currency();
      const account = payable(vendor.id, currency);
      const entries: {
        id: string;
        at: string;
        kind: string;
        amountMinor: string;
        balanceAfterMinor: string;
        ref: string;
      }[] = [];
      let opening = 0n;
      let sales = 0n;
      let returns = 0n;
      let payouts = 0n;
      let after: string | undefined;
      let first = true;
      for (;;) {
        const page = ledger.history(account.id, {
          limit: 1000,
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(after ? { after } : {}),
        });
        if (first) opening = page.opening.creditsPosted - page.opening.debitsPosted;
        first = false;
        for (const entry of page.entries) {
          const t = entry.transfer;
          if (t.kind !== 'single' && t.kind !== 'post_pending') continue;
          const signed = entry.side === 'credit' ? t.amount : -t.amount;
          if (t.code === 'vendor_share') sales += t.amount;
          else if (t.code === 'vendor_share_return') returns += t.amount;
          else if (t.code === 'vendor_payout') payouts += t.amount;
          entries.push({
            id: t.id,
            at: t.timestamp,
            kind: t.code,
            amountMinor: signed.toString(),
            balanceAfterMinor: (
              entry.balanceAfter.creditsPosted - entry.balanceAfter.debitsPosted
            ).toString(),
            ref: t.ref,
          });
        }
        if (!page.nextCursor) break;
        after = page.nextCursor;
      }
      return {
        vendor: view(vendor),
        openingMinor: opening.toString(),
        closingMinor: (opening + sales - returns - payouts).toString(),
        salesMinor: sales.toString(),
        returnsMinor: returns.toString(),
        payoutsMinor: payouts.toString(),
        entries,
      };
    },
  };
}
