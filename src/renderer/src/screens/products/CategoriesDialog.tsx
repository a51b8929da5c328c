/**
 * Categories: the groups products are filed under (and the till's tabs), each with a name, a
 * colour and whether it shows. Add one, or change one and save it (catalog.saveCategory).
 */
import { useEffect, useRef, useState } from 'react';
import { client } from '../../api';
import { type Category } from '../../../../shared/api/catalog';
import { Button, Dialog, Switch, TextField, toast } from '../../ui';

interface CategoryRow {
  key: string;
  id?: string;
  name: string;
  color: string;
  active: boolean;
  sortOrder: number;
}

const defaultColor = '#2f5bea';

function rowsOf(categories: Category[]): CategoryRow[] {
  return categories.map((category) => ({
    key: category.id,
    id: category.id,
    name: category.name,
    color: category.color,
    active: category.active,
    sortOrder: category.sortOrder,
  }));
}

export interface CategoriesDialogProps {
  open: boolean;
  categories: Category[];
  onClose: () => void;
  onChanged: () => void;
}

export function CategoriesDialog({ open, categories, onClose, onChanged }: CategoriesDialogProps) {
  const [rows, setRows] = useState<CategoryRow[]>([]);
  const [saving, setSaving] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  // Seeded when the dialog opens; a save reloads the categories without undoing other rows' edits.
  const categoriesRef = useRef(categories);
  useEffect(() => {
    categoriesRef.current = categories;
  }, [categories]);
  useEffect(() => {
    if (open) {
      setRows(rowsOf(categoriesRef.current));
      setErrors({});
    }
  }, [open]);

  const update = (key: string, patch: Partial<CategoryRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const original = new Map(categories.map((category) => [category.id, category]));
  const changed = (row: CategoryRow) => {
    if (!row.id) return true;
    const before = original.get(row.id);
    return !before || before.name !== row.name || before.color !== row.color || before.active !== row.active;
  };

  const save = async (row: CategoryRow) => {
    const name = row.name.trim();
    if (!name) {
      setErrors((current) => ({ ...current, [row.key]: 'Give the category a name.' }));
      return;
    }
    setSaving(row.key);
    try {
      const { category } = await client.invoke('catalog.saveCategory', {
        ...(row.id ? { id: row.id } : {}),
        name,
        color: row.color,
        active: row.active,
        sortOrder: row.sortOrder,
      });
      update(row.key, {
        id: category.id,
        name: category.name,
        color: category.color,
        active: category.active,
      });
      toast.success(`Category “${category.name}” saved`);
      onChanged();
    } catch (error) {
      toast.error(error, { title: 'The category was not saved' });
    } finally {
      setSaving(null);
    }
  };

  const add = () => {
    const key = `new-${Date.now()}`;
    const sortOrder = rows.reduce((max, row) => Math.max(max, row.sortOrder), 0) + 1;
    setRows((current) => [...current, { key, name: '', color: defaultColor, active: true, sortOrder }]);
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Categories"
      description="Products are filed under these, and the till shows them as tabs."
      size="md"
      footer={
        <>
          <Button onClick={add}>Add category</Button>
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </>
      }
    >
      {rows.length === 0 ? (
        <p className="muted">No categories yet. Add the first one.</p>
      ) : (
        <ul className="category-rows">
          {rows.map((row) => (
            <li key={row.key} className="category-row">
              <label className="category-row__color">
                <span className="visually-hidden">Colour of {row.name || 'the new category'}</span>
                <input
                  type="color"
                  value={row.color || '#8a93a3'}
                  onChange={(event) => update(row.key, { color: event.target.value })}
                />
              </label>
              <TextField
                label="Category name"
                hideLabel
                placeholder="Category name"
                value={row.name}
                maxLength={80}
                error={errors[row.key]}
                onChange={(event) => {
                  update(row.key, { name: event.target.value });
                  setErrors((current) => ({ ...current, [row.key]: '' }));
                }}
              />
              <Switch
                label="Shown"
                checked={row.active}
                onCheckedChange={(active) => update(row.key, { active })}
              />
              <Button
                variant={changed(row) ? 'primary' : 'secondary'}
                disabled={!changed(row)}
                loading={saving === row.key}
                aria-label={`${row.id ? 'Save' : 'Add'} ${row.name.trim() || 'category'}`}
                onClick={() => void save(row)}
              >
                {row.id ? 'Save' : 'Add'}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
