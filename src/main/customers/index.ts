/**
 * Customers: name, phone, e-mail, notes and a customer code printed as a QR card; search by any of
 * them; the customer an order is for (`orders.setCustomer`); purchase history; merging duplicates
 * (other domains move what they hold through `onMerge`: the coins domain moves the balance); export and
 * erasure on request (the details are blanked, the ledger history stays under the customer id).
 */
import { type AuditService } from '../audit';
import { type PartialHandlerImpls, type CoreDeps, type DomainModule } from '../kernel';
import { createCustomersHandlers } from './handlers';
import { createCustomersService, type CustomersService } from './service';

export { customerView, newCustomerCode, type CustomersService, type CustomerView } from './service';
export { type CustomerRecord } from './customersStore';

export interface CustomersModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  readonly service: CustomersService;
}

export function createCustomersModule(deps: CoreDeps, services: { audit: AuditService }): CustomersModule {
  const service = createCustomersService(deps, services.audit);
  return { handlers: createCustomersHandlers(service), service };
}
