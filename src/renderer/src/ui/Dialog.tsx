/**
 * A modal dialog: rendered over a dimmed page, `role="dialog"` named by its title, focus moved in
 * on open and kept inside (Tab cycles), Esc or a tap on the backdrop closes it, and focus returns
 * to what had it before. Only the top dialog answers Esc when dialogs are stacked — also when
 * focus has left the dialog (a keypad button that went away took it to the page), because the
 * top dialog listens for Esc on the whole document, and focus is brought back inside then.
 */
import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { cx } from './cx';
import { ErrorBoundary } from './ErrorBoundary';
import { focusableIn, isTopModal, pushModal } from './focus';
import { Button } from './Button';
import { CloseIcon } from './icons';
import { IconButton } from './IconButton';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** A sentence under the title, also read as the dialog's description. */
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons along the bottom edge. */
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** What gets focus on open (else the first focusable control in the body, else the dialog). */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** False keeps the dialog open on Esc and backdrop taps (for work that must not be abandoned). */
  dismissible?: boolean;
  /** Hides the × in the corner. */
  hideCloseButton?: boolean;
  className?: string;
}

export function Dialog(props: DialogProps) {
  if (!props.open) return null;
  return createPortal(<DialogLayer {...props} />, document.body);
}

function DialogLayer({
  onClose,
  title,
  description,
  children,
  footer,
  size = 'md',
  initialFocusRef,
  dismissible = true,
  hideCloseButton = false,
  className,
}: DialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const modalRef = useRef<symbol | null>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const modal = pushModal();
    modalRef.current = modal.id;
    const panel = panelRef.current;
    const target =
      initialFocusRef?.current ??
      (bodyRef.current ? focusableIn(bodyRef.current)[0] : undefined) ??
      (panel ? focusableIn(panel)[0] : undefined) ??
      panel;
    target?.focus();
    return () => {
      modal.pop();
      if (previous && previous.isConnected) previous.focus();
    };
  }, [initialFocusRef]);

  // Esc wherever focus is: the top dialog closes (its own handler below marks the key as used).
  useEffect(() => {
    const onDocumentKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (!modalRef.current || !isTopModal(modalRef.current)) return;
      event.preventDefault();
      if (dismissible) onCloseRef.current();
      else panelRef.current?.focus();
    };
    document.addEventListener('keydown', onDocumentKey);
    return () => document.removeEventListener('keydown', onDocumentKey);
  }, [dismissible]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const panel = panelRef.current;
    if (!panel || !modalRef.current || !isTopModal(modalRef.current)) return;
    if (event.key === 'Escape') {
      event.stopPropagation();
      event.preventDefault();
      if (dismissible) onCloseRef.current();
      return;
    }
    if (event.key === 'Tab') {
      const focusable = focusableIn(panel);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) {
        event.preventDefault();
        panel.focus();
        return;
      }
      const active = document.activeElement;
      if (event.shiftKey && (active === first || active === panel)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div className="dialog-layer" onKeyDown={onKeyDown}>
      <div
        className="dialog-backdrop"
        aria-hidden="true"
        onClick={() => {
          if (dismissible) onCloseRef.current();
        }}
      />
      <div
        ref={panelRef}
        className={cx('dialog', `dialog--${size}`, className)}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
      >
        <header className="dialog__header">
          <div className="dialog__titles">
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
            {description && (
              <p id={descriptionId} className="dialog__description">
                {description}
              </p>
            )}
          </div>
          {!hideCloseButton && dismissible && (
            <IconButton label="Close" icon={<CloseIcon />} onClick={() => onCloseRef.current()} />
          )}
        </header>
        {children !== undefined && (
          <div ref={bodyRef} className="dialog__body">
            <ErrorBoundary
              what={typeof title === 'string' ? `the ${title} dialog` : 'this dialog'}
              actions={<Button onClick={() => onCloseRef.current()}>Close</Button>}
            >
              {children}
            </ErrorBoundary>
          </div>
        )}
        {footer && (
          <footer className="dialog__footer">
            <ErrorBoundary
              what={typeof title === 'string' ? `the ${title} dialog's buttons` : 'this dialog’s buttons'}
              actions={<Button onClick={() => onCloseRef.current()}>Close</Button>}
            >
              {footer}
            </ErrorBoundary>
          </footer>
        )}
      </div>
    </div>
  );
}
