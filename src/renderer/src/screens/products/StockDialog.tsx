/**
 * Stock of one variant: receive a delivery, adjust (breakage, a found box) or record a count, with
 * a note, then the variant's stock movements, newest first (sales, refunds, imports too).
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { formatMoment } from '../../app/format';
import { type StockMovement, type StockReason } from '../../../../shared/api/catalog';
import {
  Badge,
  Button,
  Dialog,
  LoadError,
  LoadingPanel,
  SegmentedControl,
  type SegmentedOption,
  Table,
  TextField,
  toast,
  type Tone,
  useDisplayLocale,
} from '../../ui';
import { type StockAction, stockRequest } from './productRows';

const actions: readonly SegmentedOption<StockAction>[] = [
  { value: 'receive', label: 'Receive' },
  { value: 'adjustment', label: 'Adjust' },
  { value: 'count', label: 'Count' },
];

const actionWords: Record<StockAction, { field: string; hint: string; submit: string; done: string }> = {
  receive: {
    field: 'Units received',
    hint: 'Added to the stock on hand.',
    submit: 'Receive stock',
    done: 'Stock received',
  },
  adjustment: {
    field: 'Change in units',
    hint: 'Use a minus sign to take units off, e.g. -2 for breakage.',
    submit: 'Adjust stock',
    done: 'Stock adjusted',
  },
  count: {
    field: 'Units counted',
    hint: 'What is on the shelf now; the difference is recorded.',
    submit: 'Save count',
    done: 'Count saved',
  },
};

const reasonLabels: Record<StockReason, { label: string; tone: Tone }> = {
  sale: { label: 'Sale', tone: 'neutral' },
  refund: { label: 'Refund', tone: 'info' },
  adjustment: { label: 'Adjustment', tone: 'warning' },
  receive: { label: 'Received', tone: 'success' },
  import: { label: 'Import', tone: 'info' },
  count: { label: 'Count', tone: 'demo' },
};

export interface StockTarget {
  variantId: string;
  productName: string;
  variantName: string;
  sku: string;
  onHand: number;
}

export interface StockDialogProps {
  target: StockTarget | null;
  canEdit: boolean;
  onClose: () => void;
  onChanged: (variantId: string, onHand: number) => void;
}

/** One variant's movements, newest first. */
interface History {
  variantId: string;
  movements: StockMovement[];
}

const noNames: ReadonlyMap<string, string> = new Map();

/** The movements name who made them by id; the login list has every active member's name. */
async function loadNames(): Promise<ReadonlyMap<string, string>> {
  const { staff } = await client.invoke('staff.list', {});
  return new Map(staff.map((member) => [member.staffId, member.name]));
}

export function StockDialog({ target, canEdit, onClose, onChanged }: StockDialogProps) {
  const locale = useDisplayLocale();
  const [action, setAction] = useState<StockAction>('receive');
  const [quantity, setQuantity] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [onHand, setOnHand] = useState(0);
  const variantId = target?.variantId ?? null;

  const loadedNames = useCoreData(loadNames, { refreshOn: ['staff.updated'] });
  const names = loadedNames.kind === 'ready' ? loadedNames.data : noNames;
  const loadHistory = useCallback(async (): Promise<History | null> => {
    if (!variantId) return null;
    const { movements } = await client.invoke('catalog.stockMovements', { variantId, limit: 100 });
    return { variantId, movements };
  }, [variantId]);
  // Read again when the catalog changes (a change here, a sale, a delivery on another till).
  const history = useCoreData(loadHistory, { refreshOn: ['catalog.updated'] });
  const reloadHistory = history.reload;
  // Another variant's movements, while this one's load, are not shown.
  const movements =
    history.kind === 'ready' && history.data?.variantId === variantId ? history.data.movements : null;

  useEffect(() => {
    if (!target) return;
    setAction('receive');
    setQuantity('');
    setNote('');
    setError(null);
    setOnHand(target.onHand);
  }, [target]);

  if (!target) return null;
  const words = actionWords[action];

  const submit = async () => {
    const parsed = stockRequest(action, quantity);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setBusy(true);
    try {
      const trimmedNote = note.trim();
      const result = await client.invoke('catalog.adjustStock', {
        variantId: target.variantId,
        ...parsed.request,
        note: trimmedNote,
      });
      setOnHand(result.onHand);
      setQuantity('');
      setNote('');
      toast.success(words.done, { message: `${result.onHand} on hand now.` });
      onChanged(target.variantId, result.onHand);
      reloadHistory();
    } catch (failure) {
      toast.error(failure, { title: 'The stock was not changed' });
    } finally {
      setBusy(false);
    }
  };

  const now = new Date();
  return (
    <Dialog
      open
      onClose={() => {
        if (!busy) onClose();
      }}
      title={`Stock: ${target.productName}${target.variantName ? ` · ${target.variantName}` : ''}`}
      description={`SKU ${target.sku}`}
      size="lg"
      footer={
        <Button onClick={onClose} disabled={busy}>
          Close
        </Button>
      }
    >
      <div className="stock-dialog">
        <div className="stock-dialog__now">
          <span className="muted">On hand</span>
          <strong className="stock-dialog__count" data-testid="stock-on-hand">
            {onHand}
          </strong>
        </div>
        {canEdit && (
          <form
            className="stock-dialog__form"
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <SegmentedControl
              label="Stock change"
              options={actions}
              value={action}
              onValueChange={(next) => {
                setAction(next);
                setError(null);
              }}
            />
            <div className="form-grid">
              <TextField
                label={words.field}
                hint={words.hint}
                inputMode={action === 'adjustment' ? 'text' : 'numeric'}
                autoComplete="off"
                value={quantity}
                error={error}
                onChange={(event) => {
                  setQuantity(event.target.value);
                  setError(null);
                }}
              />
              <TextField
                label="Note (optional)"
                value={note}
                maxLength={500}
                placeholder={action === 'receive' ? 'Supplier, invoice number…' : ''}
                onChange={(event) => setNote(event.target.value)}
              />
            </div>
            <div className="form-actions">
              <Button type="submit" variant="primary" loading={busy}>
                {words.submit}
              </Button>
            </div>
          </form>
        )}
        <section aria-labelledby="stock-history-title" className="stock-dialog__history">
          <h3 id="stock-history-title" className="figures__title">
            Stock movements
          </h3>
          {history.kind === 'error' ? (
            <LoadError message={history.message} onRetry={reloadHistory} />
          ) : movements === null ? (
            <LoadingPanel label="Loading stock movements" size={24} />
          ) : (
            <Table
              caption="Stock movements"
              maxHeight="300px"
              columns={[
                {
                  key: 'at',
                  header: 'When',
                  cell: (row) => formatMoment(row.at, locale, now),
                  width: '130px',
                },
                {
                  key: 'reason',
                  header: 'What',
                  cell: (row) => (
                    <Badge tone={reasonLabels[row.reason].tone}>{reasonLabels[row.reason].label}</Badge>
                  ),
                  width: '120px',
                },
                {
                  key: 'delta',
                  header: 'Change',
                  align: 'end',
                  cell: (row) => (
                    <span className={row.delta < 0 ? 'delta delta--down' : 'delta delta--up'}>
                      {row.delta > 0 ? `+${row.delta}` : row.delta < 0 ? `−${-row.delta}` : '0'}
                    </span>
                  ),
                  width: '90px',
                },
                {
                  key: 'after',
                  header: 'On hand',
                  align: 'end',
                  cell: (row) => row.onHandAfter,
                  width: '90px',
                },
                {
                  key: 'note',
                  header: 'Note',
                  cell: (row) => (
                    <span className="history-cell">
                      {row.note || <span className="muted">—</span>}
                      {row.staffId && (
                        <span className="muted">{names.get(row.staffId) ?? 'Former staff member'}</span>
                      )}
                    </span>
                  ),
                },
              ]}
              rows={movements}
              rowKey={(row) => row.id}
              empty="No stock movements yet."
            />
          )}
        </section>
      </div>
    </Dialog>
  );
}
