/**
 * The Settings section, as tabs: the store's settings (name, address, currency, locale, tax and
 * rounding, discounts and tips, receipt, idle lock) for owners, the tax classes and their rates
 * for managers and owners, and this till (system status and health, appearance, this device).
 * Pure parts: the forms' rules (storeSettingsForm, taxClassForm).
 */
export { SettingsScreen } from './SettingsScreen';
