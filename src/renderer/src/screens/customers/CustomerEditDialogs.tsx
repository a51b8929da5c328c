/** Changing a customer's details, and merging a duplicate into them (its orders and coins move). */
import { useState } from 'react';
import { client } from '../../api';
import { Button, Dialog, TextArea, TextField, toast } from '../../ui';
import { CustomerPicker, type CustomerView } from './CustomerPicker';

export function EditCustomerDialog({
  customer,
  onClose,
  onSaved,
}: {
  customer: CustomerView;
  onClose: () => void;
  onSaved: (customer: CustomerView) => void;
}) {
  const [form, setForm] = useState({
    name: customer.name,
    phone: customer.phone,
    email: customer.email,
    notes: customer.notes,
  });
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const { customer: saved } = await client.invoke('customers.update', {
        customerId: customer.id,
        name: form.name.slice(0, 120),
        phone: form.phone.slice(0, 32),
        email: form.email.slice(0, 254),
        notes: form.notes.slice(0, 2000),
      });
      toast.success('Saved.');
      onSaved(saved);
      onClose();
    } catch (failure) {
      toast.error(failure, { title: 'The customer was not saved' });
    } finally {
      setBusy(false);
    }
  };
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <Dialog
      open
      onClose={onClose}
      title="Edit customer"
      size="md"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" disabled={busy || form.name.trim() === ''} onClick={() => void save()}>
            Save
          </Button>
        </>
      }
    >
      <TextField
        label="Name"
        value={form.name}
        maxLength={120}
        onChange={(e) => set('name')(e.target.value)}
      />
      <TextField
        label="Phone"
        value={form.phone}
        maxLength={32}
        onChange={(e) => set('phone')(e.target.value)}
      />
      <TextField
        label="E-mail"
        value={form.email}
        maxLength={254}
        onChange={(e) => set('email')(e.target.value)}
      />
      <TextArea
        label="Notes"
        value={form.notes}
        maxLength={2000}
        onChange={(e) => set('notes')(e.target.value)}
      />
    </Dialog>
  );
}

export function MergeCustomerDialog({
  keep,
  onClose,
  onMerged,
}: {
  keep: CustomerView;
  onClose: () => void;
  onMerged: (customer: CustomerView) => void;
}) {
  const [duplicate, setDuplicate] = useState<CustomerView | null>(null);
  const merge = async () => {
    if (!duplicate) return;
    try {
      const { customer } = await client.invoke('customers.merge', {
        keepId: keep.id,
        duplicateId: duplicate.id,
      });
      toast.success(`${duplicate.name} merged into ${customer.name}.`);
      onMerged(customer);
      onClose();
    } catch (failure) {
      toast.error(failure, { title: 'The customers were not merged' });
    }
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title="Merge a duplicate"
      description={`Its purchases and coins move to ${keep.name} (${keep.code}); its card then finds ${keep.name}.`}
      size="md"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" disabled={!duplicate} onClick={() => void merge()}>
            {duplicate ? `Merge ${duplicate.name}` : 'Merge'}
          </Button>
        </>
      }
    >
      <CustomerPicker
        onPick={(picked) => picked.id !== keep.id && setDuplicate(picked)}
        selectedId={duplicate?.id ?? null}
      />
    </Dialog>
  );
}
