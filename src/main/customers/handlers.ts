/** The `customers.*` handlers and `orders.setCustomer`. */
import { type PartialHandlerImpls } from '../kernel';
import { type CustomersService, customerView } from './service';

export function createCustomersHandlers(service: CustomersService): PartialHandlerImpls {
  return {
    'customers.create': (input, ctx) => ({
      customer: customerView(service.create(input, ctx.staff.staffId)),
    }),
    'customers.update': (input, ctx) => {
      const { customerId, ...details } = input;
      return { customer: customerView(service.update(customerId, details, ctx.staff.staffId)) };
    },
    'customers.get': (input) => ({ customer: customerView(service.require(input.customerId)) }),
    'customers.search': (input) => ({
      customers: service.search(input.query, input.limit ?? 50).map(customerView),
    }),
    'customers.card': (input) => service.card(input.customerId),
    'customers.history': (input) => ({ orders: service.history(input.customerId) }),
    'customers.merge': (input, ctx) => ({
      customer: customerView(service.merge(input.keepId, input.duplicateId, ctx.staff.staffId)),
    }),
    'customers.export': (input) => ({ export: service.exportData(input.customerId) }),
    'customers.erase': (input, ctx) => ({
      customer: customerView(service.erase(input.customerId, ctx.staff.staffId)),
    }),
    'customers.ofOrder': (input) => {
      const found = service.ofOrder(input.orderId);
      return { customer: found ? customerView(found) : null };
    },
    'orders.setCustomer': (input, ctx) => {
      const found = service.setForOrder(input.orderId, input.customerId, ctx.staff.staffId);
      return { orderId: input.orderId, customer: found ? customerView(found) : null };
    },
  };
}
