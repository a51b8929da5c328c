/**
 * The fields of Settings › Store, in sections: the store as receipts print it, money and region,
 * tax and rounding, discounts and tips, the receipt, and security. Controlled: the panel holds the
 * form and its errors and saves it.
 */
import {
  FormSection,
  MoneyField,
  NumberField,
  SegmentedField,
  Select,
  Switch,
  TextArea,
  TextField,
} from '../../ui';
import { type StoreSettingsErrors, type StoreSettingsForm } from './storeSettingsForm';

const commonCurrencies = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'JPY',
  'MXN',
  'BRL',
  'NGN',
  'ZAR',
  'INR',
  'SGD',
];
const commonLocales = [
  'en-US',
  'en-GB',
  'en-CA',
  'en-AU',
  'fr-FR',
  'fr-CA',
  'de-DE',
  'de-CH',
  'es-ES',
  'es-MX',
  'it-IT',
  'nl-NL',
  'pt-BR',
  'ja-JP',
  'en-NG',
  'en-IN',
];

function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', current, ...known])];
}

export interface StoreFieldsProps {
  form: StoreSettingsForm;
  errors: StoreSettingsErrors;
  set: <K extends keyof StoreSettingsForm>(key: K, value: StoreSettingsForm[K]) => void;
  /** The saved currency, for the cash rounding field while the currency field is blank. */
  fallbackCurrency: string;
}

export function StoreFields({ form, errors, set, fallbackCurrency }: StoreFieldsProps) {
  const formCurrency = form.currency.trim().toUpperCase() || fallbackCurrency;
  return (
    <>
      <FormSection title="The store">
        <TextField
          label="Store name"
          value={form.storeName}
          maxLength={120}
          error={errors.storeName}
          onChange={(e) => set('storeName', e.target.value)}
        />
        <TextField
          label="Phone"
          type="tel"
          value={form.phone}
          maxLength={40}
          error={errors.phone}
          onChange={(e) => set('phone', e.target.value)}
        />
        <TextArea
          label="Address"
          hint="One line per line of the address, up to 6."
          rows={3}
          value={form.addressText}
          error={errors.addressText}
          onChange={(e) => set('addressText', e.target.value)}
        />
        <TextField
          label="Till name"
          hint="How this till is named on the top bar, receipts, the Z report and orders."
          value={form.tillName}
          maxLength={40}
          error={errors.tillName}
          onChange={(e) => set('tillName', e.target.value)}
        />
        <TextField
          label="Tax ID"
          hint="VAT number, EIN… printed on receipts."
          value={form.taxId}
          maxLength={60}
          error={errors.taxId}
          onChange={(e) => set('taxId', e.target.value)}
        />
      </FormSection>

      <FormSection title="Money and region" columns={3}>
        <TextField
          label="Currency"
          hint="Cannot change while a shift is open, or once there are orders."
          list="store-currencies"
          value={form.currency}
          maxLength={8}
          autoComplete="off"
          error={errors.currency}
          onChange={(e) => set('currency', e.target.value.toUpperCase())}
        />
        <TextField
          label="Locale"
          hint="How amounts and dates are written, e.g. en-US."
          list="store-locales"
          value={form.locale}
          maxLength={35}
          autoComplete="off"
          error={errors.locale}
          onChange={(e) => set('locale', e.target.value)}
        />
        <Select
          label="Time zone"
          value={form.timeZone}
          error={errors.timeZone}
          onValueChange={(value) => set('timeZone', value)}
          options={timeZones(form.timeZone).map((zone) => ({
            value: zone,
            label: zone.replace(/_/g, ' '),
          }))}
        />
        <datalist id="store-currencies">
          {commonCurrencies.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
        <datalist id="store-locales">
          {commonLocales.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
      </FormSection>

      <FormSection title="Tax and rounding">
        <SegmentedField
          visibleLabel="Prices"
          label="Tax mode"
          value={form.taxMode}
          onValueChange={(value) => set('taxMode', value)}
          options={[
            { value: 'exclusive', label: 'Tax added' },
            { value: 'inclusive', label: 'Tax included' },
          ]}
          hint={
            form.taxMode === 'exclusive'
              ? 'Tax is added on top of prices (US style).'
              : 'Prices already include tax (VAT style).'
          }
        />
        <SegmentedField
          visibleLabel="Tax is rounded"
          label="Tax rounding"
          value={form.taxRounding}
          onValueChange={(value) => set('taxRounding', value)}
          options={[
            { value: 'per_line', label: 'Per line' },
            { value: 'per_order', label: 'Per order' },
          ]}
        />
        <SegmentedField
          visibleLabel="Halves round"
          label="Rounding mode"
          value={form.roundingMode}
          onValueChange={(value) => set('roundingMode', value)}
          options={[
            { value: 'half_up', label: 'Half up' },
            { value: 'half_even', label: 'Half even' },
          ]}
          hint={
            form.roundingMode === 'half_up'
              ? '0.5 cent rounds up.'
              : '0.5 cent rounds to the even cent (banker’s rounding).'
          }
        />
        <MoneyField
          label="Cash rounding"
          hint="Cash totals round to a multiple of this, e.g. 0.05. 0 for none."
          currency={formCurrency}
          value={form.cashRoundingText}
          error={errors.cashRoundingText}
          onValueChange={(value) => set('cashRoundingText', value)}
        />
      </FormSection>

      <FormSection title="Discounts and tips">
        <NumberField
          label="Discount limit"
          hint="A cashier’s discount above this needs a manager."
          suffix="%"
          maxFractionDigits={4}
          maxLength={8}
          value={form.discountLimitPercent}
          error={errors.discountLimitPercent}
          onValueChange={(value) => set('discountLimitPercent', value)}
        />
        <MoneyField
          label="Price override above"
          hint="A custom item priced above this needs a manager."
          currency={formCurrency}
          value={form.priceOverrideText}
          error={errors.priceOverrideText}
          onValueChange={(value) => set('priceOverrideText', value)}
        />
        <div className="store-form__tips">
          <Switch
            label="Ask for tips"
            checked={form.tipsEnabled}
            onCheckedChange={(value) => set('tipsEnabled', value)}
          />
          <TextField
            label="Tip choices (%)"
            hint="Up to 6, separated by commas."
            value={form.tipPresetsText}
            disabled={!form.tipsEnabled}
            error={errors.tipPresetsText}
            onChange={(e) => set('tipPresetsText', e.target.value)}
          />
        </div>
      </FormSection>

      <FormSection title="Receipt">
        <TextArea
          label="Receipt footer"
          rows={3}
          maxLength={500}
          value={form.receiptFooter}
          error={errors.receiptFooter}
          onChange={(e) => set('receiptFooter', e.target.value)}
        />
        <div className="store-form__stack">
          <SegmentedField
            visibleLabel="Paper"
            label="Receipt layout"
            value={form.receiptLayout}
            onValueChange={(value) => set('receiptLayout', value)}
            options={[
              { value: 'thermal80', label: '80 mm roll' },
              { value: 'a4', label: 'A4 page' },
            ]}
          />
          <TextField
            label="Printer"
            hint="Empty for the system’s default printer."
            value={form.printerName}
            maxLength={200}
            error={errors.printerName}
            onChange={(e) => set('printerName', e.target.value)}
          />
        </div>
      </FormSection>

      <FormSection title="Closing the drawer">
        <Switch
          label="Blind count"
          hint="The closing count hides the expected cash until the drawer is counted, then shows over or short to confirm."
          checked={form.blindCount}
          onCheckedChange={(value) => set('blindCount', value)}
        />
      </FormSection>

      <FormSection title="Security">
        <NumberField
          label="Lock after"
          hint="Minutes without use before the till locks itself. 0 never locks."
          suffix="min"
          maxFractionDigits={0}
          maxLength={3}
          value={form.idleLockText}
          error={errors.idleLockText}
          onValueChange={(value) => set('idleLockText', value)}
        />
        <Select
          label="PIN length"
          hint="A fixed length lets the PIN pad sign in by itself, without ✓. Every member's PIN must have it."
          value={form.pinLengthText}
          error={errors.pinLengthText}
          onValueChange={(value) => set('pinLengthText', value)}
          options={[
            { value: '0', label: 'Any, 4 to 8 digits' },
            ...['4', '5', '6', '7', '8'].map((digits) => ({
              value: digits,
              label: `Exactly ${digits} digits`,
            })),
          ]}
        />
        <Switch
          label="Allow simple PINs (0000, 1234…)"
          checked={form.weakPinsAllowed}
          onCheckedChange={(value) => set('weakPinsAllowed', value)}
        />
      </FormSection>
    </>
  );
}
