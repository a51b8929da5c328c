/**
 * A surface that groups one thing: an optional header (title, description, actions on the right)
 * and a body. Rendered as a <section> named by its title.
 */
import { type HTMLAttributes, type ReactNode, useId } from 'react';
import { cx } from './cx';

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Removes the body's padding (for a table that runs edge to edge). */
  flush?: boolean;
}

export function Card({
  title,
  description,
  actions,
  flush = false,
  className,
  children,
  ...rest
}: CardProps) {
  const titleId = useId();
  return (
    <section className={cx('card', className)} aria-labelledby={title ? titleId : undefined} {...rest}>
      {(title || actions) && (
        <header className="card__header">
          <div className="card__titles">
            {title && (
              <h2 id={titleId} className="card__title">
                {title}
              </h2>
            )}
            {description && <p className="card__description">{description}</p>}
          </div>
          {actions && <div className="card__actions">{actions}</div>}
        </header>
      )}
      <div className={cx('card__body', flush && 'card__body--flush')}>{children}</div>
    </section>
  );
}
