/**
 * Why something is done: a "Reason" text field and a group of common reasons that fill it in one
 * tap (each chip is pressed while the field holds its reason). Two looks: `pills` puts the field
 * first and the pills under it (the drawer's dialogs); `compact` puts compact choice chips above
 * the field (void and refund; their styles are in screens/checkout/forms.css). Renders siblings,
 * so they take the gaps of the form around them.
 */
import { type ReactNode, useId } from 'react';
import { cx } from './cx';
import { TextField } from './TextField';

export interface ReasonFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** The common reasons, one chip each. */
  choices: readonly string[];
  /** The name of the group of chips ("Common reasons", "Quick picks"). */
  choicesLabel: string;
  error?: ReactNode;
  maxLength?: number;
  variant?: 'pills' | 'compact';
  /** Also offers the choices as the field's autocomplete list. */
  suggest?: boolean;
}

export function ReasonField({
  value,
  onChange,
  choices,
  choicesLabel,
  error,
  maxLength = 200,
  variant = 'pills',
  suggest = false,
}: ReasonFieldProps) {
  const listId = useId();
  const field = (
    <TextField
      label="Reason"
      value={value}
      maxLength={maxLength}
      error={error}
      list={suggest ? listId : undefined}
      onChange={(event) => onChange(event.target.value)}
    />
  );

  if (variant === 'compact') {
    const picked = value.trim();
    return (
      <>
        <div className="reason-chips" role="group" aria-label={choicesLabel}>
          {choices.map((choice) => (
            <button
              key={choice}
              type="button"
              className={cx('choice-chip choice-chip--compact', picked === choice && 'is-selected')}
              aria-pressed={picked === choice}
              onClick={() => onChange(choice)}
            >
              {choice}
            </button>
          ))}
        </div>
        {field}
      </>
    );
  }

  return (
    <>
      {field}
      {suggest && (
        <datalist id={listId}>
          {choices.map((choice) => (
            <option key={choice} value={choice} />
          ))}
        </datalist>
      )}
      <div className="quick-reasons" role="group" aria-label={choicesLabel}>
        {choices.map((choice) => (
          <button
            key={choice}
            type="button"
            className="chip"
            aria-pressed={value === choice}
            onClick={() => onChange(choice)}
          >
            {choice}
          </button>
        ))}
      </div>
    </>
  );
}
