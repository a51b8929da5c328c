/**
 * A titled part of a long form: a section named by its heading, its fields in a grid of two
 * columns (or three).
 */
import { type ReactNode, useId } from 'react';
import { cx } from './cx';

export interface FormSectionProps {
  title: ReactNode;
  columns?: 2 | 3;
  children: ReactNode;
}

export function FormSection({ title, columns = 2, children }: FormSectionProps) {
  const titleId = useId();
  return (
    <section className="form-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="form-section__title">
        {title}
      </h3>
      <div className={cx('form-grid', columns === 3 && 'form-grid--3')}>{children}</div>
    </section>
  );
}
