/**
 * Memberships: tiers; a period sold as an order line (applied in the settle hook when the order is
 * paid: it is ordinary revenue) or paid from the coin balance (COIN: customer → coins_issued,
 * `coins_membership`; store currency: coins_liability → sales_revenue at face value, same code),
 * renewing itself when it ends if the customer chose so (background service `memberships.autoRenew`).
 *
 * Rule of the period: a renewal of the same tier while valid extends it from its end; anything else
 * (a new member, an ended membership, another tier) starts now. Months are UTC calendar months.
 */
import { monotonicFactory } from 'ulid';
import { TillpointError } from '../../shared/api/errors';
import { type AuditService } from '../audit';
import { type StaffCallContext, type CoreDeps } from '../kernel';
import { type CustomersService } from '../customers';
import { type Ledger, type NewTransferInput } from '../ledger';
import {
  COIN,
  customerAccount,
  issuedAccount,
  liabilityCode,
  moneyAccount,
  requireCoins,
} from '../coins/coinLedger';
import { readCoinSettings } from '../coins/coinsStore';
import { type CoinsOrdersPort } from '../coins/context';
import { addMonthsUtc } from '../coins/expiry';
import {
  dueForRenewal,
  getMembership,
  getTier,
  insertMembershipSale,
  listTiers,
  markSaleApplied,
  salesOfOrder,
  saveTierRow,
  writeMembership,
  type MembershipRecord,
  type TierRecord,
} from './membershipsStore';

export interface MembershipsPorts {
  readonly ledger: Ledger;
  readonly audit: AuditService;
  readonly customers: CustomersService;
  currency(): string;
  orders(): CoinsOrdersPort & {
    setOrderDiscountPercent(ctx: StaffCallContext, orderId: string, percent: string, approval?: string): void;
  };
}

const dayMs = 86_400_000;

/** The membership's period after paying `periods` more of `tier` at `now`. */
export function nextPeriod(
  current: Pick<MembershipRecord, 'tierId' | 'validFrom' | 'validUntil'> | null,
  tier: Pick<TierRecord, 'id' | 'periodMonths'>,
  periods: number,
  now: Date,
): { validFrom: string; validUntil: string } {
  const extending =
    current !== null && current.tierId === tier.id && Date.parse(current.validUntil) > now.getTime();
  const from = extending ? current.validFrom : now.toISOString();
  const base = extending ? new Date(current.validUntil) : now;
  return { validFrom: from, validUntil: addMonthsUtc(base, tier.periodMonths * periods).toISOString() };
}

/**
 * The membership after `periods` periods of `tier` sold on a line are refunded: its end moves back by
 * them, never before its start; an end now past turns auto-renew off (the refund must not be renewed
 * at once from coins). A membership of another tier now (the sale's period was replaced) is left as
 * it is; null: nothing to change.
 */
export function shortenedPeriod(
  current: Pick<MembershipRecord, 'tierId' | 'validFrom' | 'validUntil' | 'autoRenew'> | null,
  tier: Pick<TierRecord, 'id' | 'periodMonths'>,
  periods: number,
  now: Date,
): { validUntil: string; autoRenew: boolean } | null {
  if (!current || current.tierId !== tier.id || periods <= 0) return null;
  const back = addMonthsUtc(new Date(current.validUntil), -tier.periodMonths * periods);
  const from = new Date(current.validFrom);
  const until = back.getTime() < from.getTime() ? from : back;
  return {
    validUntil: until.toISOString(),
    autoRenew: current.autoRenew && until.getTime() > now.getTime(),
  };
}

export type MembershipsService = ReturnType<typeof createMembershipsService>;

export function createMembershipsService(deps: CoreDeps, ports: MembershipsPorts) {
  const { db } = deps;
  const ulid = monotonicFactory();
  const newId = () => ulid(deps.now().getTime());
  const nowIso = () => deps.now().toISOString();

  const requireTier = (tierId: string): TierRecord => {
    const tier = getTier(db, tierId);
    if (!tier) throw new TillpointError('not_found', `No membership tier ${tierId}.`, { tierId });
    return tier;
  };
  const tierView = (t: TierRecord) => ({
    id: t.id,
    name: t.name,
    discountPercent: t.discountPercent,
    periodMonths: t.periodMonths,
    prices: Object.entries(t.prices).map(([currency, amount]) => ({ currency, amount: amount.toString() })),
    coinPrice: t.coinPrice === null ? null : t.coinPrice.toString(),
    active: t.active,
  });
  const membershipView = (m: MembershipRecord) => {
    const nowMs = deps.now().getTime();
    const leftMs = Date.parse(m.validUntil) - nowMs;
    const valid = leftMs > 0 && Date.parse(m.validFrom) <= nowMs;
    return {
      customerId: m.customerId,
      tier: tierView(requireTier(m.tierId)),
      validFrom: m.validFrom,
      validUntil: m.validUntil,
      valid,
      daysLeft: valid ? Math.ceil(leftMs / dayMs) : 0,
      endsSoon: valid && leftMs <= 7 * dayMs,
      autoRenew: m.autoRenew,
      source: m.source,
    };
  };
  const extend = (
    customerId: string,
    tier: TierRecord,
    periods: number,
    source: 'sale' | 'coins',
    autoRenew?: boolean,
  ) => {
    const current = getMembership(db, customerId);
    const period = nextPeriod(current, tier, periods, deps.now());
    writeMembership(
      db,
      {
        customerId,
        tierId: tier.id,
        ...period,
        autoRenew: autoRenew ?? current?.autoRenew ?? false,
        source,
      },
      nowIso(),
    );
  };

  /** Pays one period of `tier` from the customer's coins (inside the caller's transaction). */
  const payWithCoins = (customerId: string, tier: TierRecord, staffId: string) => {
    if (tier.coinPrice === null) {
      throw new TillpointError('bad_input', `The ${tier.name} membership cannot be paid with coins.`, {
        tierId: tier.id,
        reason: 'no_coin_price',
      });
    }
    requireCoins(ports.ledger, customerId, tier.coinPrice);
    const currency = ports.currency();
    const { coinValueMinor } = readCoinSettings(db);
    const ref = `membership:${customerId}`;
    ports.ledger.submitOne([
      {
        id: newId(),
        debitAccountId: customerAccount(ports.ledger, customerId).id,
        creditAccountId: issuedAccount(ports.ledger).id,
        amount: tier.coinPrice,
        asset: COIN,
        code: 'coins_membership',
        ref,
        staffId,
      },
      {
        id: newId(),
        debitAccountId: moneyAccount(ports.ledger, liabilityCode, currency).id,
        creditAccountId: moneyAccount(ports.ledger, 'sales_revenue', currency).id,
        amount: tier.coinPrice * coinValueMinor,
        asset: currency,
        code: 'coins_membership',
        ref,
        staffId,
      },
    ]);
  };

  return {
    tierView,
    tiers: (all: boolean) => listTiers(db, all).map(tierView),

    /** Saves a tier; audited as the staff member's action (a default tier seeded at start is not an action). */
    saveTier(
      input: Omit<TierRecord, 'id'> & { id?: string | undefined },
      staffId: string,
      options: { audited: boolean } = { audited: true },
    ) {
      return db.transaction(() => {
        const existing = input.id ? requireTier(input.id) : null;
        const record: TierRecord = { ...input, id: existing?.id ?? newId() };
        saveTierRow(db, record, nowIso());
        if (options.audited)
          ports.audit.record({
            staffId,
            action: 'memberships.tierSaved',
            ref: record.id,
            details: { name: record.name },
          });
        return requireTier(record.id);
      })();
    },

    status(customerId: string) {
      ports.customers.require(customerId);
      const m = getMembership(db, customerId);
      return m ? membershipView(m) : null;
    },

    addToOrder(
      ctx: StaffCallContext,
      input: {
        orderId: string;
        tierId: string;
        customerId?: string | undefined;
        approval?: string | undefined;
      },
    ) {
      const staffId = ctx.staff?.staffId ?? 'system';
      db.transaction(() => {
        if (input.customerId !== undefined)
          ports.customers.setForOrder(input.orderId, input.customerId, staffId);
        const customer = ports.customers.ofOrder(input.orderId);
        if (!customer) {
          throw new TillpointError(
            'bad_input',
            'A membership needs the customer it is for: choose the customer first.',
            {
              orderId: input.orderId,
              reason: 'no_customer',
            },
          );
        }
        ports.customers.requireLive(customer.id);
        const tier = requireTier(input.tierId);
        const currency = ports.currency();
        const price = tier.prices[currency];
        if (!tier.active || price === undefined) {
          throw new TillpointError(
            'bad_input',
            `The ${tier.name} membership is not on sale in ${currency}.`,
            {
              tierId: tier.id,
              reason: 'not_on_sale',
            },
          );
        }
        const months = tier.periodMonths === 1 ? '1 month' : `${tier.periodMonths} months`;
        const lineId = ports
          .orders()
          .addCustomLine(ctx, input.orderId, `${tier.name} membership (${months})`, price, input.approval);
        insertMembershipSale(
          db,
          { lineId, orderId: input.orderId, customerId: customer.id, tierId: tier.id },
          nowIso(),
        );
      })();
      ports.orders().announce(input.orderId);
      return ports.orders().view(input.orderId);
    },

    /** Settle hook: each membership line paid starts or extends its customer's membership. */
    onSettle(input: {
      orderId: string;
      lines: readonly { lineId: string; quantity: number }[];
    }): NewTransferInput[] {
      for (const sale of salesOfOrder(db, input.orderId)) {
        const line = input.lines.find((l) => l.lineId === sale.lineId);
        if (!line || sale.appliedAt !== null) continue;
        extend(sale.customerId, requireTier(sale.tierId), line.quantity, 'sale');
        markSaleApplied(db, sale.lineId, nowIso());
      }
      return [];
    },

    /** Refund-done hook: refunded periods of a membership line shorten the membership by them. */
    onRefundDone(input: {
      orderId: string;
      refundId: string;
      lines: readonly { lineId: string; quantity: number }[];
      staffId: string;
    }): void {
      for (const sale of salesOfOrder(db, input.orderId)) {
        const line = input.lines.find((l) => l.lineId === sale.lineId);
        if (!line || sale.appliedAt === null) continue;
        const current = getMembership(db, sale.customerId);
        const shorter = shortenedPeriod(current, requireTier(sale.tierId), line.quantity, deps.now());
        if (!current || !shorter) continue;
        writeMembership(db, { ...current, ...shorter }, nowIso());
        ports.audit.record({
          staffId: input.staffId,
          action: 'memberships.shortenedByRefund',
          ref: sale.customerId,
          details: {
            orderId: input.orderId,
            refundId: input.refundId,
            periods: line.quantity,
            validUntil: shorter.validUntil,
          },
        });
      }
    },

    renewWithCoins(
      input: { customerId: string; tierId: string; autoRenew?: boolean | undefined },
      staffId: string,
    ) {
      return db.transaction(() => {
        ports.customers.requireLive(input.customerId);
        const tier = requireTier(input.tierId);
        payWithCoins(input.customerId, tier, staffId);
        extend(input.customerId, tier, 1, 'coins', input.autoRenew);
        ports.audit.record({
          staffId,
          action: 'memberships.renewedWithCoins',
          ref: input.customerId,
          details: { tierId: tier.id },
        });
        const m = getMembership(db, input.customerId);
        if (!m) throw new Error('The membership was not written.');
        return membershipView(m);
      })();
    },

    /** Renews from coins every membership that chose it and has ended; a short balance leaves it ended. */
    autoRenew(): number {
      let renewed = 0;
      for (const m of dueForRenewal(db, nowIso())) {
        try {
          db.transaction(() => {
            const tier = requireTier(m.tierId);
            payWithCoins(m.customerId, tier, 'system');
            extend(m.customerId, tier, 1, 'coins');
          })();
          renewed += 1;
        } catch (error) {
          deps.logger.info(
            { customerId: m.customerId, err: error },
            'a membership could not renew from coins',
          );
        }
      }
      return renewed;
    },

    applyDiscount(ctx: StaffCallContext, orderId: string, approval?: string) {
      const customer = ports.customers.ofOrder(orderId);
      const m = customer ? getMembership(db, customer.id) : null;
      const view = m ? membershipView(m) : null;
      if (!view?.valid) {
        throw new TillpointError('conflict', 'The order’s customer has no valid membership.', {
          orderId,
          reason: 'no_valid_membership',
        });
      }
      ports.orders().setOrderDiscountPercent(ctx, orderId, view.tier.discountPercent, approval);
      ports.orders().announce(orderId);
      return { order: ports.orders().view(orderId), discountPercent: view.tier.discountPercent };
    },
  };
}
