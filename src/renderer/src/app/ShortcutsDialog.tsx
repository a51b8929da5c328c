/**
 * The "?" dialog: every keyboard shortcut of the app, as keys and what they do. Keys that open a
 * section the logged-in role cannot use are left out.
 */
import { Dialog } from '../ui';
import { useAppState } from './instance';
import { canUseSection } from './routes';
import { shortcutHelpFor } from './shortcuts';

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const role = useAppState((state) => state.staffSession?.staff.role ?? null);
  const entries = shortcutHelpFor((section) => role !== null && canUseSection(role, section));
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" size="sm">
      <dl className="shortcut-list">
        {entries.map((entry) => (
          <div key={entry.description} className="shortcut-list__row">
            <dt>
              {entry.keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && <span className="shortcut-list__plus"> + </span>}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{entry.description}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
