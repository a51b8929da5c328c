/**
 * Demo mode's sample store. `createDemoModule(deps, { staff, catalog, settings })` gives a domain
 * with no handlers and a `start()` that createCore awaits: when the core runs with
 * `config.mode === 'demo'` and the till has no staff yet, it seeds "Harbor Street Coffee" (settings,
 * staff, tax classes, categories, products with EAN-13 barcodes, stock for merch) in one transaction.
 *
 * Demo logins (see sampleStore.ts): Olivia Owner 2580, Marco Manager 1470, Casey Cashier 3690.
 */
import { type PartialHandlerImpls, type CoreDeps, type DomainModule } from '../kernel';
import { seedDemoStore, type DemoSeedResult, type DemoServices } from './seed';

export { seedDemoStore, type DemoSeedResult, type DemoServices } from './seed';
export {
  demoCategories,
  demoEan13,
  demoProducts,
  demoSettings,
  demoStaff,
  demoTaxClasses,
} from './sampleStore';

export interface DemoModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  /** Seeds the sample store when the core is in demo mode and has no staff; null when it seeded nothing. */
  start(): Promise<DemoSeedResult | null>;
}

export function createDemoModule(deps: CoreDeps, services: DemoServices): DemoModule {
  return {
    handlers: {},
    start: async () => (deps.config.mode === 'demo' ? seedDemoStore(deps, services) : null),
  };
}
