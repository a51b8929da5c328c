/** A labelled one-line text input with hint and error text (see Field). */
import { type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from './cx';
import { Field } from './Field';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'size'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  hideLabel?: boolean;
  /** lg makes a 64 px field for the one input a screen is about (amounts, search). */
  size?: 'md' | 'lg';
  ref?: Ref<HTMLInputElement>;
}

export function TextField({
  label,
  hint,
  error,
  hideLabel,
  size = 'md',
  className,
  id,
  type = 'text',
  ref,
  ...rest
}: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} hideLabel={hideLabel} className={className} id={id}>
      {({ controlId, describedBy, invalid }) => (
        <input
          ref={ref}
          id={controlId}
          type={type}
          className={cx('input', size === 'lg' && 'input--lg')}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          {...rest}
        />
      )}
    </Field>
  );
}
