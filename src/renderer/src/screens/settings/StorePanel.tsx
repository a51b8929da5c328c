/**
 * Settings › Store (owners): the store's name and address as receipts print them, currency and
 * locale, how tax and rounding work, discounts and tips, the receipt, and when the till locks
 * itself. Only the fields that changed are sent (settings.update); a mistake shows by its field.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { type StoreSettings } from '../../../../shared/api/settings';
import { Button, Card, fieldErrorsOf, focusFirstInvalid, LoadError, LoadingPanel, toast } from '../../ui';
import { StoreFields } from './StoreFields';
import {
  fieldOf,
  formToPatch,
  settingsToForm,
  type StoreSettingsErrors,
  type StoreSettingsForm,
} from './storeSettingsForm';

type LoadState =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; settings: StoreSettings };

export function StorePanel() {
  const [load, setLoad] = useState<LoadState>({ kind: 'loading' });
  const [form, setForm] = useState<StoreSettingsForm | null>(null);
  const [errors, setErrors] = useState<StoreSettingsErrors>({});
  const [saving, setSaving] = useState(false);

  const adopt = useCallback((settings: StoreSettings) => {
    setLoad({ kind: 'ready', settings });
    setForm(settingsToForm(settings, settings.locale));
    setErrors({});
  }, []);

  // Read once when the panel opens (through useCoreData); a form being edited does not follow later
  // changes, and a save adopts what the core saved.
  const loadSettings = useCallback(async () => (await client.invoke('settings.get', {})).settings, []);
  const fetched = useCoreData(loadSettings);
  const fetchSettings = fetched.reload;
  const fetchedSettings = fetched.kind === 'ready' ? fetched.data : null;
  const fetchFailure = fetched.kind === 'error' ? fetched.message : null;
  useEffect(() => {
    if (fetchedSettings) adopt(fetchedSettings);
  }, [fetchedSettings, adopt]);
  useEffect(() => {
    if (fetchFailure !== null) setLoad({ kind: 'error', message: fetchFailure });
  }, [fetchFailure]);

  const settings = load.kind === 'ready' ? load.settings : null;
  const pending = useMemo(
    () => (form && settings ? formToPatch(form, settings, settings.locale) : null),
    [form, settings],
  );
  const changedCount = pending?.ok ? pending.changed.length : pending ? -1 : 0;

  if (load.kind === 'loading' || !form || !settings) {
    return (
      <Card title="Store">
        {load.kind === 'error' ? (
          <LoadError message={load.message} onRetry={() => fetchSettings()} />
        ) : (
          <LoadingPanel label="Loading the store settings" />
        )}
      </Card>
    );
  }

  const set = <K extends keyof StoreSettingsForm>(key: K, value: StoreSettingsForm[K]) => {
    setForm({ ...form, [key]: value });
    if (errors[key]) setErrors({ ...errors, [key]: undefined });
  };

  const save = async () => {
    const result = formToPatch(form, settings, settings.locale);
    if (!result.ok) {
      // Each error shows beside its field, and the status says nothing was saved: no toast.
      setErrors(result.errors);
      focusFirstInvalid('.store-form');
      return;
    }
    if (result.changed.length === 0) return;
    setSaving(true);
    try {
      const saved = await client.invoke('settings.update', result.patch);
      adopt(saved.settings);
      toast.success('Store settings saved', {
        message: `${saved.changed.length} ${saved.changed.length === 1 ? 'setting' : 'settings'} changed.`,
      });
    } catch (error) {
      const { byField, rest } = fieldErrorsOf(error, fieldOf);
      if (Object.keys(byField).length > 0) {
        setErrors(byField);
        focusFirstInvalid('.store-form');
      }
      if (rest) toast.error(rest, { title: 'The settings were not saved' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="Store" description="What receipts say about the store, and how the till counts money.">
      <form
        className="store-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <StoreFields form={form} errors={errors} set={set} fallbackCurrency={settings.currency} />
        <div className="form-actions store-form__actions">
          <span className="form-actions__status" role="status">
            {changedCount > 0
              ? `${changedCount} unsaved ${changedCount === 1 ? 'change' : 'changes'}`
              : changedCount < 0
                ? 'Some settings need fixing'
                : 'All changes saved'}
          </span>
          <Button disabled={changedCount === 0 || saving} onClick={() => adopt(settings)}>
            Discard changes
          </Button>
          <Button type="submit" variant="primary" loading={saving} disabled={changedCount === 0}>
            Save changes
          </Button>
        </div>
      </form>
    </Card>
  );
}
