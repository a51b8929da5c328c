/**
 * First run: no staff exist yet, so the store's owner is created here (name and PIN, typed twice)
 * and logged in straight away.
 */
import { type FormEvent, useState } from 'react';
import { client } from '../api';
import { ApiCallError } from '../../../shared/api';
import { pinMaxDigits, pinMinDigits } from '../../../shared/api/staff';
import { Button, Card, StoreIcon, TextField, toast } from '../ui';
import { AuthLayout } from './AuthLayout';
import { app } from './instance';
import { checkSetupForm, type SetupErrors, type SetupForm } from './setupForm';

export function SetupScreen() {
  const [form, setForm] = useState<SetupForm>({ name: '', pin: '', pinAgain: '' });
  const [errors, setErrors] = useState<SetupErrors>({});
  const [busy, setBusy] = useState(false);

  const change = (field: keyof SetupForm) => (event: { target: { value: string } }) => {
    const value = field === 'name' ? event.target.value : event.target.value.replace(/\D/g, '');
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkSetupForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const result = await client.invoke('staff.setupOwner', { name: form.name.trim(), pin: form.pin });
      app.signedIn(result);
      toast.success(`Welcome, ${result.staff.name}`, { message: 'Your till is ready.' });
    } catch (error) {
      const field =
        error instanceof ApiCallError ? (error.details as { field?: unknown } | undefined)?.field : undefined;
      if (error instanceof ApiCallError && error.code === 'conflict') {
        toast.error(error);
        void app.start();
      } else if (field === 'name' || field === 'pin') {
        setErrors({ [field]: error instanceof Error ? error.message : String(error) });
      } else {
        toast.error(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout>
      <Card className="auth-card">
        <div className="auth-card__icon" aria-hidden="true">
          <StoreIcon size={32} />
        </div>
        <h1>Set up this till</h1>
        <p className="auth-card__lead">
          Create the store owner’s account. The owner can add cashiers and managers later in Settings.
        </p>
        <form className="auth-card__form" onSubmit={(event) => void submit(event)} noValidate>
          <TextField
            label="Owner’s name"
            value={form.name}
            onChange={change('name')}
            error={errors.name}
            autoComplete="name"
            maxLength={60}
            autoFocus
          />
          <TextField
            label="PIN"
            hint={`${pinMinDigits} to ${pinMaxDigits} digits. Avoid easy ones like 1234.`}
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={pinMaxDigits}
            value={form.pin}
            onChange={change('pin')}
            error={errors.pin}
          />
          <TextField
            label="PIN again"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={pinMaxDigits}
            value={form.pinAgain}
            onChange={change('pinAgain')}
            error={errors.pinAgain}
          />
          <Button type="submit" variant="primary" size="lg" block loading={busy}>
            Create owner and start
          </Button>
        </form>
      </Card>
    </AuthLayout>
  );
}
