/** A fact of the invoice with a button that copies it (network, token, address, exact amount). */
import { useState } from 'react';
import { Button } from '../../ui';

export function CopyRow({ label, value, copyValue }: { label: string; value: string; copyValue?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(copyValue ?? value).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1_500);
      },
      () => setCopied(false),
    );
  };
  return (
    <div className="copy-row">
      <span className="copy-row__label">{label}</span>
      <code className="copy-row__value">{value}</code>
      <Button variant="ghost" onClick={copy} aria-label={`Copy the ${label.toLowerCase()}`}>
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </div>
  );
}
