/**
 * Settings › Taxes: the tax classes products belong to, each with its rates (a name, a code for
 * reports, a percentage). Change a class and save it, or add a new one (catalog.saveTaxClass).
 * Managers and owners may change them; a change applies to sales from then on.
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { useCan } from '../../app/useCan';
import { type TaxClass } from '../../../../shared/api/catalog';
import {
  Button,
  Card,
  IconButton,
  LoadError,
  LoadingPanel,
  MinusIcon,
  NumberField,
  PlusIcon,
  TextField,
  toast,
} from '../../ui';
import {
  emptyRate,
  emptyTaxClass,
  renameRate,
  type TaxClassErrors,
  type TaxClassForm,
  taxClassRequest,
  taxClassToForm,
} from './taxClassForm';

const noErrors: TaxClassErrors = { byRate: {} };

function TaxClassEditor({
  initial,
  canEdit,
  onSaved,
  onDiscardNew,
}: {
  initial: TaxClassForm;
  canEdit: boolean;
  onSaved: (saved: TaxClass, key: string) => void;
  onDiscardNew: (key: string) => void;
}) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<TaxClassErrors>(noErrors);
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial) || !initial.id;

  useEffect(() => {
    setForm(initial);
    setErrors(noErrors);
  }, [initial]);

  const setRate = (
    key: string,
    change: (rate: TaxClassForm['rates'][number]) => TaxClassForm['rates'][number],
  ) =>
    setForm((current) => ({
      ...current,
      rates: current.rates.map((rate) => (rate.key === key ? change(rate) : rate)),
    }));

  const save = async () => {
    const result = taxClassRequest(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setSaving(true);
    try {
      const { taxClass } = await client.invoke('catalog.saveTaxClass', result.input);
      toast.success(`Tax class “${taxClass.name}” saved`);
      onSaved(taxClass, form.key);
    } catch (error) {
      toast.error(error, { title: 'The tax class was not saved' });
    } finally {
      setSaving(false);
    }
  };

  const title = form.name.trim() || 'New tax class';
  return (
    <section className="tax-class" aria-label={`Tax class ${title}`}>
      <div className="tax-class__head">
        <TextField
          label="Tax class name"
          value={form.name}
          maxLength={80}
          disabled={!canEdit}
          error={errors.name}
          onChange={(event) => setForm({ ...form, name: event.target.value })}
        />
      </div>
      {errors.rates && (
        <p className="field__error" role="alert">
          {errors.rates}
        </p>
      )}
      <ul className="tax-rates">
        {form.rates.map((rate, index) => {
          const rateErrors = errors.byRate[rate.key] ?? {};
          const suffix = form.rates.length > 1 ? ` ${index + 1}` : '';
          return (
            <li key={rate.key} className="tax-rate">
              <TextField
                label={`Rate name${suffix}`}
                value={rate.name}
                maxLength={80}
                disabled={!canEdit}
                error={rateErrors.name}
                onChange={(event) => setRate(rate.key, (row) => renameRate(row, event.target.value))}
              />
              <TextField
                label={`Code${suffix}`}
                hint="Names the tax in reports."
                value={rate.taxId}
                maxLength={40}
                spellCheck={false}
                autoComplete="off"
                disabled={!canEdit}
                error={rateErrors.taxId}
                onChange={(event) =>
                  setRate(rate.key, (row) => ({ ...row, taxId: event.target.value, taxIdEdited: true }))
                }
              />
              <NumberField
                label={`Rate${suffix}`}
                suffix="%"
                maxFractionDigits={6}
                maxLength={10}
                value={rate.ratePercent}
                disabled={!canEdit}
                error={rateErrors.ratePercent}
                onValueChange={(ratePercent) => setRate(rate.key, (row) => ({ ...row, ratePercent }))}
              />
              {canEdit && form.rates.length > 1 && (
                <IconButton
                  className="tax-rate__remove"
                  label={`Remove rate ${rate.name || index + 1}`}
                  icon={<MinusIcon />}
                  variant="secondary"
                  onClick={() =>
                    setForm({ ...form, rates: form.rates.filter((row) => row.key !== rate.key) })
                  }
                />
              )}
            </li>
          );
        })}
      </ul>
      {canEdit && (
        <div className="tax-class__actions">
          <Button
            icon={<PlusIcon size={20} />}
            disabled={form.rates.length >= 10}
            onClick={() => setForm({ ...form, rates: [...form.rates, emptyRate()] })}
          >
            Add rate
          </Button>
          <span className="tax-class__spacer" />
          {!initial.id ? (
            <Button onClick={() => onDiscardNew(form.key)} disabled={saving}>
              Discard
            </Button>
          ) : (
            dirty && (
              <Button onClick={() => setForm(initial)} disabled={saving}>
                Undo changes
              </Button>
            )
          )}
          <Button
            variant="primary"
            loading={saving}
            disabled={!dirty}
            onClick={() => void save()}
            aria-label={`Save tax class ${title}`}
          >
            Save
          </Button>
        </div>
      )}
    </section>
  );
}

export function TaxesPanel() {
  const canEdit = useCan('catalog.edit');
  // The classes come once through useCoreData; the forms are edited and saved in place.
  const loadClasses = useCallback(
    async () => (await client.invoke('catalog.taxClasses', {})).taxClasses.map(taxClassToForm),
    [],
  );
  const load = useCoreData(loadClasses);
  const fetchClasses = load.reload;
  const [forms, setForms] = useState<TaxClassForm[]>([]);
  const loadedForms = load.kind === 'ready' ? load.data : null;
  useEffect(() => {
    if (loadedForms) setForms(loadedForms);
  }, [loadedForms]);

  return (
    <Card
      title="Taxes"
      description="Every product belongs to one tax class; a class adds up its rates. Changes apply to sales from now on."
      actions={
        canEdit && load.kind === 'ready' ? (
          <Button
            icon={<PlusIcon size={20} />}
            onClick={() => setForms((current) => [...current, emptyTaxClass()])}
          >
            New tax class
          </Button>
        ) : undefined
      }
    >
      {load.kind === 'loading' && <LoadingPanel label="Loading the tax classes" />}
      {load.kind === 'error' && <LoadError message={load.message} onRetry={() => fetchClasses()} />}
      {load.kind === 'ready' &&
        (forms.length === 0 ? (
          <p className="muted">No tax classes yet. Add one before adding products.</p>
        ) : (
          <div className="tax-classes">
            {forms.map((form) => (
              <TaxClassEditor
                key={form.key}
                initial={form}
                canEdit={canEdit}
                onSaved={(saved, key) =>
                  setForms((current) =>
                    current.map((entry) => (entry.key === key ? { ...taxClassToForm(saved), key } : entry)),
                  )
                }
                onDiscardNew={(key) => setForms((current) => current.filter((entry) => entry.key !== key))}
              />
            ))}
          </div>
        ))}
    </Card>
  );
}
