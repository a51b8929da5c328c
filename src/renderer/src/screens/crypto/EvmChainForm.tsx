/**
 * EVM chains: a chain's node URLs (several RPC URLs, the first read and the others on failure, and
 * WebSocket URLs for new blocks pushed), and the form adding an EVM chain the till does not know
 * (`chains.addEvm`: chain id, name, native coin symbol and decimals, URLs, confirmations, explorer
 * link). URLs may hold an API key: the panel shows them back by host only, so the fields start
 * empty and an empty field keeps what is saved.
 */
import { useState } from 'react';
import { client } from '../../api';
import { Button, TextArea, TextField, toast } from '../../ui';
import { type Chain, type ChainErrors, type EvmUrlsForm, refusalErrors } from './chainForms';
import { ChainSettingsFields } from './ChainSettingsFields';
import { type CustomChainForm, addEvmRequest, emptyCustomChain } from './evmForms';

export function EvmUrlsFields({
  form,
  errors,
  disabled,
  keepHint,
  onChange,
}: {
  form: EvmUrlsForm;
  errors: ChainErrors;
  disabled: boolean;
  keepHint: boolean;
  onChange: (form: EvmUrlsForm) => void;
}) {
  return (
    <div className="chain-form__fields">
      <TextArea
        label="RPC URLs"
        placeholder="https://…"
        hint={`One a line, at most 5: the first is read, the others when it fails.${keepHint ? ' Empty: keep the URLs saved now.' : ''}`}
        rows={2}
        value={form.rpcText}
        spellCheck={false}
        autoComplete="off"
        disabled={disabled}
        error={errors.rpcUrls}
        onChange={(event) => onChange({ ...form, rpcText: event.target.value })}
      />
      <TextArea
        label="WebSocket URLs"
        placeholder="wss://…"
        hint="Optional, one a line: new blocks are pushed instead of asked for."
        rows={2}
        value={form.wsText}
        spellCheck={false}
        autoComplete="off"
        disabled={disabled}
        error={errors.wsUrls}
        onChange={(event) => onChange({ ...form, wsText: event.target.value })}
      />
    </div>
  );
}

/** Adds an EVM chain the till does not know yet, by its chain id; the core answers whether it can. */
export function CustomEvmChainForm({ chains, onSaved }: { chains: readonly Chain[]; onSaved: () => void }) {
  const [form, setForm] = useState<CustomChainForm>(emptyCustomChain);
  const [errors, setErrors] = useState<ChainErrors>({});
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<CustomChainForm>) => setForm((current) => ({ ...current, ...patch }));

  const save = async () => {
    const result = addEvmRequest(form, chains);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const { chain } = await client.invoke('chains.addEvm', result.input);
      toast.success(`${chain.label} added`);
      setForm(emptyCustomChain);
      onSaved();
    } catch (failure) {
      const { byField, rest } = refusalErrors(failure);
      setErrors(byField);
      if (rest) toast.error(rest, { title: 'The chain was not added' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="crypto-card chain-form" aria-label="Add an EVM chain">
      <strong>Add an EVM chain</strong>
      <ChainSettingsFields
        form={form}
        errors={errors}
        disabled={saving}
        nameLabel="Chain name"
        keepHint={false}
        leading={
          <TextField
            label="Chain id"
            inputMode="numeric"
            placeholder="8453"
            value={form.chainId}
            maxLength={12}
            disabled={saving}
            error={errors.chainId}
            onChange={(event) => set({ chainId: event.target.value })}
          />
        }
        afterName={
          <>
            <TextField
              label="Coin symbol"
              hint="The chain’s own coin, paying the fees."
              placeholder="ETH"
              value={form.nativeSymbol}
              maxLength={12}
              spellCheck={false}
              autoComplete="off"
              disabled={saving}
              error={errors.nativeSymbol}
              onChange={(event) => set({ nativeSymbol: event.target.value })}
            />
            <TextField
              label="Coin decimals"
              inputMode="numeric"
              hint="18 for most EVM chains."
              value={form.nativeDecimals}
              maxLength={2}
              disabled={saving}
              error={errors.nativeDecimals}
              onChange={(event) => set({ nativeDecimals: event.target.value })}
            />
          </>
        }
        onChange={set}
      />
      <EvmUrlsFields
        form={form}
        errors={errors}
        disabled={saving}
        keepHint={false}
        onChange={(urls) => set(urls)}
      />
      <div className="chain-form__actions">
        <Button variant="primary" loading={saving} onClick={() => void save()}>
          Add chain
        </Button>
      </div>
    </section>
  );
}
