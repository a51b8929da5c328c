/**
 * A chain's own settings, shared by a known chain's set-up and the form adding an EVM chain: its
 * name, the confirmations a payment waits for, and an explorer link for a transaction.
 */
import { type ReactNode } from 'react';
import { TextField } from '../../ui';
import { type ChainErrors, type ChainSettingsForm } from './chainForms';

export function ChainSettingsFields({
  form,
  errors,
  disabled,
  nameLabel,
  leading,
  afterName,
  keepHint,
  onChange,
}: {
  form: ChainSettingsForm;
  errors: ChainErrors;
  disabled: boolean;
  nameLabel: string;
  /** A field shown first (the chain id of a new chain). */
  leading?: ReactNode;
  /** Fields shown after the name (a new chain's coin). */
  afterName?: ReactNode;
  /** A known chain: an empty explorer link keeps the one saved now. */
  keepHint: boolean;
  onChange: (patch: Partial<ChainSettingsForm>) => void;
}) {
  return (
    <div className="chain-form__fields">
      {leading}
      <TextField
        label={nameLabel}
        value={form.label}
        maxLength={40}
        disabled={disabled}
        error={errors.label}
        onChange={(event) => onChange({ label: event.target.value })}
      />
      {afterName}
      <TextField
        label="Confirmations"
        inputMode="numeric"
        hint="Blocks on top of a payment before it counts as paid."
        value={form.confirmations}
        maxLength={3}
        disabled={disabled}
        error={errors.confirmations}
        onChange={(event) => onChange({ confirmations: event.target.value })}
      />
      <TextField
        label="Explorer link"
        placeholder="https://explorer.example/tx/{txid}"
        hint={keepHint ? 'Empty: keep the link saved now.' : 'Optional.'}
        value={form.explorerTxUrl}
        maxLength={300}
        spellCheck={false}
        autoComplete="off"
        disabled={disabled}
        error={errors.explorerTxUrl}
        onChange={(event) => onChange({ explorerTxUrl: event.target.value })}
      />
    </div>
  );
}
