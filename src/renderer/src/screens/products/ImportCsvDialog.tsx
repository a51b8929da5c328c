/**
 * Import CSV: choose a file (the columns of Export CSV), see what it would do — products created,
 * updated and unchanged, categories and tax classes it creates, and every error by line — then
 * confirm to apply it. Nothing is applied while there is any error (the core applies all or nothing).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { client } from '../../api';
import { type ApiOutput } from '../../../../shared/api';
import { Badge, Button, Dialog, LoadingPanel, Table, toast, UploadIcon } from '../../ui';
import { readFileText } from './download';

type ImportResult = ApiOutput<'catalog.importCsv'>;

type Step =
  | { kind: 'choose' }
  | { kind: 'checking'; fileName: string }
  | { kind: 'preview'; fileName: string; csv: string; result: ImportResult }
  | { kind: 'failed'; fileName: string; message: string };

export interface ImportCsvDialogProps {
  open: boolean;
  currency: string;
  onClose: () => void;
  onImported: () => void;
}

/** The largest file read at all; the core refuses more than 20 MB of CSV. */
const maxFileBytes = 20 * 1024 * 1024;

export function ImportCsvDialog({ open, currency, onClose, onImported }: ImportCsvDialogProps) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [applying, setApplying] = useState(false);

  useEffect(() => {
    if (open) setStep({ kind: 'choose' });
  }, [open]);

  const check = async (file: File) => {
    if (file.size > maxFileBytes) {
      setStep({ kind: 'failed', fileName: file.name, message: 'The file is larger than 20 MB.' });
      return;
    }
    setStep({ kind: 'checking', fileName: file.name });
    try {
      const csv = await readFileText(file);
      const result = await client.invoke('catalog.importCsv', { csv, currency, dryRun: true });
      setStep({ kind: 'preview', fileName: file.name, csv, result });
    } catch (error) {
      toast.error(error, { title: 'The file could not be checked' });
      setStep({
        kind: 'failed',
        fileName: file.name,
        message: error instanceof Error ? error.message : 'The file could not be checked.',
      });
    }
  };

  const apply = async () => {
    if (step.kind !== 'preview') return;
    setApplying(true);
    try {
      const result = await client.invoke('catalog.importCsv', { csv: step.csv, currency, dryRun: false });
      if (!result.applied) {
        setStep({ ...step, result });
        toast.error('Nothing was imported: the file has errors.');
        return;
      }
      toast.success('Products imported', {
        message: `${result.created} added, ${result.updated} updated, ${result.unchanged} unchanged.`,
      });
      onImported();
    } catch (error) {
      toast.error(error, { title: 'The import failed' });
    } finally {
      setApplying(false);
    }
  };

  const preview = step.kind === 'preview' ? step.result : null;
  const changes = preview ? preview.created + preview.updated : 0;
  const canApply = preview !== null && preview.errors.length === 0 && changes > 0;

  return (
    <Dialog
      open={open}
      onClose={() => {
        if (!applying) onClose();
      }}
      title="Import products from CSV"
      description={`One row per variant, with the columns of Export CSV. Prices are read in ${currency}.`}
      size="lg"
      footer={
        <>
          <Button onClick={onClose} disabled={applying}>
            Cancel
          </Button>
          <Button variant="primary" disabled={!canApply} loading={applying} onClick={() => void apply()}>
            {preview && changes > 0
              ? `Import ${changes} ${changes === 1 ? 'variant' : 'variants'}`
              : 'Import'}
          </Button>
        </>
      }
    >
      <div className="import">
        <div className="import__file">
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            className="visually-hidden"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void check(file);
            }}
          />
          <Button
            icon={<UploadIcon size={20} />}
            onClick={() => inputRef.current?.click()}
            disabled={step.kind === 'checking' || applying}
          >
            {step.kind === 'choose' ? 'Choose a CSV file' : 'Choose another file'}
          </Button>
          <label htmlFor={inputId} className="import__name">
            {step.kind === 'choose' ? 'No file chosen' : step.fileName}
          </label>
        </div>

        {step.kind === 'checking' && <LoadingPanel label="Checking the file" />}
        {step.kind === 'failed' && (
          <p className="panel-error" role="alert">
            {step.message}
          </p>
        )}
        {preview && (
          <div className="import__preview" aria-live="polite">
            <p className="muted">Counted by row: one row per variant.</p>
            <dl className="import__counts">
              <div>
                <dt>New</dt>
                <dd data-testid="import-created">{preview.created}</dd>
              </div>
              <div>
                <dt>Updated</dt>
                <dd data-testid="import-updated">{preview.updated}</dd>
              </div>
              <div>
                <dt>Unchanged</dt>
                <dd data-testid="import-unchanged">{preview.unchanged}</dd>
              </div>
              <div className={preview.errors.length > 0 ? 'is-bad' : undefined}>
                <dt>Errors</dt>
                <dd data-testid="import-errors">{preview.errors.length}</dd>
              </div>
            </dl>
            {(preview.createdCategories.length > 0 || preview.createdTaxClasses.length > 0) && (
              <p className="import__created">
                {preview.createdCategories.length > 0 && (
                  <>
                    New categories:{' '}
                    {preview.createdCategories.map((name) => (
                      <Badge key={name} tone="info">
                        {name}
                      </Badge>
                    ))}{' '}
                  </>
                )}
                {preview.createdTaxClasses.length > 0 && (
                  <>
                    New tax classes:{' '}
                    {preview.createdTaxClasses.map((name) => (
                      <Badge key={name} tone="info">
                        {name}
                      </Badge>
                    ))}
                  </>
                )}
              </p>
            )}
            {preview.notices.length > 0 && (
              <ul className="import__notices">
                {preview.notices.map((notice) => (
                  <li key={notice}>{notice}</li>
                ))}
              </ul>
            )}
            {preview.errors.length > 0 ? (
              <>
                <p className="panel-error" role="alert">
                  Fix these lines in the file and choose it again; nothing is imported while there is an
                  error.
                </p>
                <Table
                  caption="Errors by line"
                  showCaption
                  maxHeight="280px"
                  columns={[
                    { key: 'line', header: 'Line', cell: (row) => row.line, width: '70px', align: 'end' },
                    {
                      key: 'column',
                      header: 'Column',
                      cell: (row) => <span className="mono">{row.column || '—'}</span>,
                      width: '140px',
                    },
                    { key: 'message', header: 'Problem', cell: (row) => row.message },
                  ]}
                  rows={preview.errors}
                  rowKey={(row) => `${row.line}-${row.column}-${row.message}`}
                />
              </>
            ) : changes === 0 ? (
              <p className="muted">Everything in this file is already in the catalog: nothing to import.</p>
            ) : (
              <p className="import__ready">The file is ready to import.</p>
            )}
          </div>
        )}
      </div>
    </Dialog>
  );
}
