/**
 * Vendors and revenue splits: a product can belong to a vendor with a share of the net sale or a fixed
 * commission per unit (rules.ts); every sale credits the vendor's payable in the sale's ledger group
 * and refunds take it back (the orders domain's hooks), payouts reduce it, statements read it.
 */
import { type PartialHandlerImpls, type CoreDeps, type DomainModule } from '../kernel';
import { createVendorsService, type VendorsPorts, type VendorsService } from './service';

export { vendorPartOf, vendorPartBack, type VendorTerms } from './rules';
export { vendorPayableCode, type VendorsService } from './service';

export interface VendorsModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  readonly service: VendorsService;
}

export function createVendorsModule(deps: CoreDeps, ports: VendorsPorts): VendorsModule {
  const service = createVendorsService(deps, ports);
  return {
    service,
    handlers: {
      'vendors.save': (input, ctx) => {
        const terms =
          input.terms.kind === 'share'
            ? { kind: 'share' as const, percent: input.terms.percent }
            : { kind: 'commission' as const, commissionMinor: BigInt(input.terms.commission) };
        return { vendor: service.view(service.save({ ...input, terms }, ctx.staff.staffId)) };
      },
      'vendors.list': () => ({ vendors: service.list() }),
      'vendors.assignProduct': (input, ctx) => {
        service.assign(input.productId, input.vendorId, ctx.staff.staffId);
        return { productId: input.productId, vendorId: input.vendorId };
      },
      'vendors.payout': (input, ctx) => {
        const payoutId = service.payout(
          {
            vendorId: input.vendorId,
            amountMinor: BigInt(input.amount),
            method: input.method,
            reference: input.reference ?? '',
          },
          ctx.staff.staffId,
        );
        return { payoutId, vendor: service.view(service.require(input.vendorId)) };
      },
      'vendors.statement': (input) =>
        service.statement(
          input.vendorId,
          input.from ? new Date(input.from) : undefined,
          input.to ? new Date(input.to) : undefined,
        ),
    },
  };
}
