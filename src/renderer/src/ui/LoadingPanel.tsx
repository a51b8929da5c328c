/** A panel's place while its content loads: a spinner in the middle, announced by its label. */
import { Spinner } from './Spinner';

export interface LoadingPanelProps {
  label: string;
  /** The spinner's edge in px: 28 in a panel, 32 for a whole screen. */
  size?: number;
}

export function LoadingPanel({ label, size = 28 }: LoadingPanelProps) {
  return (
    <div className="panel-loading">
      <Spinner size={size} label={label} />
    </div>
  );
}
