/**
 * Store settings: `createSettingsModule(deps, { audit })` gives the `settings.get` and
 * `settings.update` handlers and the `SettingsService` other domains read (pricing and receipts take
 * the currency, locale, tax mode and rounding from `service.get()`; shifts add a currency guard).
 */
import { type PartialHandlerImpls, type CoreDeps, type DomainModule } from '../kernel';
import { type AuditService } from '../audit';
import { createSettingsService, type SettingsService } from './settingsService';

export { type SettingsService, type SettingsUpdateResult } from './settingsService';
export { type CurrencyGuard, salesExistInOtherCurrency } from './currencyGuards';
export {
  defaultStoreSettings,
  storeSettingsSchema,
  type StoreSettings,
  type StoreSettingsPatch,
} from '../../shared/api/settings';

export interface SettingsModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  readonly service: SettingsService;
}

export function createSettingsModule(deps: CoreDeps, services: { audit: AuditService }): SettingsModule {
  const service = createSettingsService(deps, services.audit);
  return {
    service,
    // The till's id is made once, at start-up, so reading the settings never writes.
    start: () => Promise.resolve(service.tillId()),
    handlers: {
      'settings.get': () => ({ settings: service.get(), tillId: service.tillId() }),
      'settings.update': (input, ctx) => service.update(input, ctx.staff),
    },
  };
}
