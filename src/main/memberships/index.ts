/**
 * Memberships: tiers with a discount, sold at the counter (an order line, applied when paid) or paid
 * from coins (also renewing themselves), the member discount on an order while valid, reminders
 * (`endsSoon`). Seeds Basic, Premium and VIP on a store's first start.
 */
import { createIntervalService, type PartialHandlerImpls, type CoreDeps, type DomainModule } from '../kernel';
import { countTiers, moveMembership } from './membershipsStore';
import { createMembershipsService, type MembershipsPorts, type MembershipsService } from './service';

export { nextPeriod, shortenedPeriod, type MembershipsService } from './service';

export interface MembershipsModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  readonly service: MembershipsService;
}

const defaultTiers = [
  { name: 'Basic', discountPercent: '5', price: 999n, coinPrice: 1_000n },
  { name: 'Premium', discountPercent: '10', price: 1_999n, coinPrice: 2_000n },
  { name: 'VIP', discountPercent: '15', price: 3_999n, coinPrice: 4_000n },
];

export function createMembershipsModule(
  deps: CoreDeps,
  ports: MembershipsPorts & { intervalMs?: number },
): MembershipsModule {
  const service = createMembershipsService(deps, ports);
  ports.customers.onMerge((duplicateId, keepId) => moveMembership(deps.db, duplicateId, keepId));
  return {
    service,
    services: [
      createIntervalService({
        name: 'memberships.autoRenew',
        intervalMs: ports.intervalMs ?? 300_000,
        logger: deps.logger,
        now: deps.now,
        tick: () => Promise.resolve(service.autoRenew()),
      }),
    ],
    start() {
      if (countTiers(deps.db) === 0) {
        for (const tier of defaultTiers) {
          service.saveTier(
            {
              name: tier.name,
              discountPercent: tier.discountPercent,
              periodMonths: 1,
              prices: { USD: tier.price },
              coinPrice: tier.coinPrice,
              active: true,
            },
            'system',
            { audited: false },
          );
        }
      }
      return Promise.resolve();
    },
    handlers: {
      'memberships.tiers': (input) => ({ tiers: service.tiers(input.all === true) }),
      'memberships.saveTier': (input, ctx) => {
        const saved = service.saveTier(
          {
            id: input.tierId,
            name: input.name,
            discountPercent: input.discountPercent,
            periodMonths: input.periodMonths,
            prices: Object.fromEntries(input.prices.map((p) => [p.currency, BigInt(p.amount)])),
            coinPrice: input.coinPrice ? BigInt(input.coinPrice) : null,
            active: input.active ?? true,
          },
          ctx.staff.staffId,
        );
        return { tier: service.tierView(saved) };
      },
      'memberships.addToOrder': (input, ctx) => {
        return { order: service.addToOrder(ctx, input) };
      },
      'memberships.renewWithCoins': (input, ctx) => ({
        membership: service.renewWithCoins(input, ctx.staff.staffId),
      }),
      'memberships.status': (input) => ({ membership: service.status(input.customerId) }),
      'memberships.applyDiscount': (input, ctx) => {
        return service.applyDiscount(ctx, input.orderId, input.approval);
      },
    },
  };
}
