/**
 * Where toasts appear: a labelled live region at the top centre, under the top bar, away from the
 * actions (Save, Pay and dialog buttons sit at the bottom). Success and info are announced
 * politely; an error is an alert. A toast raised again shows "×2". Each has a Dismiss button.
 */
import { cx } from './cx';
import { CloseIcon, ErrorIcon, InfoIcon, SuccessIcon } from './icons';
import { IconButton } from './IconButton';
import { type ToastTone, toast, useToasts } from './toastStore';

const toneIcon: Record<ToastTone, typeof InfoIcon> = {
  success: SuccessIcon,
  error: ErrorIcon,
  info: InfoIcon,
};

export function Toaster() {
  const toasts = useToasts();
  return (
    <section className="toaster" aria-label="Notifications" data-testid="toasts">
      <ol className="toaster__list" aria-live="polite" aria-relevant="additions">
        {toasts.map((item) => {
          const Icon = toneIcon[item.tone];
          return (
            <li key={item.id} className={cx('toast', `toast--${item.tone}`)}>
              <Icon className="toast__icon" />
              <div className="toast__text" role={item.tone === 'error' ? 'alert' : 'status'}>
                <p className="toast__title">
                  {item.title}
                  {item.count > 1 && <span className="toast__count"> ×{item.count}</span>}
                </p>
                {item.message && <p className="toast__message">{item.message}</p>}
              </div>
              <IconButton
                label="Dismiss"
                icon={<CloseIcon size={20} />}
                className="toast__close"
                onClick={() => toast.dismiss(item.id)}
              />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
