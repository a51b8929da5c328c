/** The `customers.*` handlers and `orders.setCustomer`. */
import { TillpointError } from '../../shared/api/errors';
import { type CallContext } from '../core/context';
import { type PartialHandlerImpls } from '../core/dispatch';
import { type CustomersService, customerView } from './service';

function staffIdOf(ctx: CallContext): string {
  if (!ctx.staff)
    throw new TillpointError('unauthorized', 'Log in with your PIN first (no valid staff session).');
  return ctx.staff.staffId;
}

export function createCustomersHandlers(service: CustomersService): PartialHandlerImpls {
  return {
    'customers.create': (input, ctx) => ({ customer: customerView(service.create(input, staffIdOf(ctx))) }),
    'customers.update': (input, ctx) => {
      const { customerId, ...details } = input;
      return { customer: customerView(service.update(customerId, details, staffIdOf(ctx))) };
    },
    'customers.get': (input) => ({ customer: customerView(service.require(input.customerId)) }),
    'customers.search': (input) => ({
      customers: service.search(input.query, input.limit ?? 50).map(customerView),
    }),
    'customers.card': (input) => service.card(input.customerId),
    'customers.history': (input) => ({ orders: service.history(input.customerId) }),
    'customers.merge': (input, ctx) => ({
      customer: customerView(service.merge(input.keepId, input.duplicateId, staffIdOf(ctx))),
    }),
    'customers.export': (input) => ({ export: service.exportData(input.customerId) }),
    'customers.erase': (input, ctx) => ({
      customer: customerView(service.erase(input.customerId, staffIdOf(ctx))),
    }),
    'customers.ofOrder': (input) => {
      const found = service.ofOrder(input.orderId);
      return { customer: found ? customerView(found) : null };
    },
    'orders.setCustomer': (input, ctx) => {
      const found = service.setForOrder(input.orderId, input.customerId, staffIdOf(ctx));
      return { orderId: input.orderId, customer: found ? customerView(found) : null };
    },
  };
}
