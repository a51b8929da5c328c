/** A labelled native select (the platform's picker is the most usable on touch screens). */
import { type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';
import { Field } from './Field';

export interface SelectOption<V extends string = string> {
  value: V;
  label: string;
  disabled?: boolean;
}

export interface SelectProps<V extends string = string> extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange'
> {
  label: ReactNode;
  options: readonly SelectOption<V>[];
  value: V;
  onValueChange: (value: V) => void;
  hint?: ReactNode;
  error?: ReactNode;
  hideLabel?: boolean;
  ref?: Ref<HTMLSelectElement>;
}

export function Select<V extends string = string>({
  label,
  options,
  value,
  onValueChange,
  hint,
  error,
  hideLabel,
  className,
  id,
  ref,
  ...rest
}: SelectProps<V>) {
  return (
    <Field label={label} hint={hint} error={error} hideLabel={hideLabel} className={className} id={id}>
      {({ controlId, describedBy, invalid }) => (
        <div className="select">
          <select
            ref={ref}
            id={controlId}
            className="input select__control"
            value={value}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              const chosen = options.find((option) => option.value === event.target.value);
              if (chosen) onValueChange(chosen.value);
            }}
            {...rest}
          >
            {options.map((option) => (
              <option key={option.value} value={option.value} disabled={option.disabled}>
                {option.label}
              </option>
            ))}
          </select>
          <svg className="select__chevron" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </div>
      )}
    </Field>
  );
}
