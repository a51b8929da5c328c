/**
 * Toasts: short messages in a corner that go away on their own. A zustand store holds them;
 * `toast.success/error/info` add one from anywhere (no hook needed); `<Toaster/>` shows them.
 * An error toast shows the core's own message when given an ApiCallError. The same toast twice
 * (same tone, title and message) is one toast, counted, its time restarted. Toasts are for what
 * has no field: a form shows its errors beside the fields (see fieldErrors.ts).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { errorMessage } from './errorMessage';

export type ToastTone = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  message?: string;
  /** How long it stays; errors stay longer because they are read, not glanced at. */
  durationMs: number;
  /** How many times it was raised while shown (1 the first time). */
  count: number;
}

export interface ToastOptions {
  message?: string;
  durationMs?: number;
}

interface ToastState {
  toasts: Toast[];
  push(tone: ToastTone, title: string, options?: ToastOptions): number;
  dismiss(id: number): void;
  clear(): void;
}

/** At most this many at once: the oldest goes when a new one comes. */
export const maxVisibleToasts = 4;
const defaultDurationMs: Record<ToastTone, number> = { success: 3_500, info: 4_500, error: 7_000 };

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export const toastStore = createStore<ToastState>()((set, get) => ({
  toasts: [],
  push(tone, title, options = {}) {
    const durationMs = options.durationMs ?? defaultDurationMs[tone];
    const same = get().toasts.find(
      (t) => t.tone === tone && t.title === title && (t.message ?? '') === (options.message ?? ''),
    );
    if (same) {
      clearTimeout(timers.get(same.id));
      if (durationMs > 0 && Number.isFinite(durationMs)) {
        timers.set(
          same.id,
          setTimeout(() => get().dismiss(same.id), durationMs),
        );
      }
      set({ toasts: get().toasts.map((t) => (t.id === same.id ? { ...t, count: t.count + 1 } : t)) });
      return same.id;
    }
    const id = nextId++;
    const next: Toast = {
      id,
      tone,
      title,
      durationMs,
      count: 1,
      ...(options.message ? { message: options.message } : {}),
    };
    const kept = [...get().toasts, next];
    for (const dropped of kept.slice(0, Math.max(0, kept.length - maxVisibleToasts))) {
      clearTimeout(timers.get(dropped.id));
      timers.delete(dropped.id);
    }
    set({ toasts: kept.slice(-maxVisibleToasts) });
    if (durationMs > 0 && Number.isFinite(durationMs)) {
      timers.set(
        id,
        setTimeout(() => get().dismiss(id), durationMs),
      );
    }
    return id;
  },
  dismiss(id) {
    clearTimeout(timers.get(id));
    timers.delete(id);
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
  clear() {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    set({ toasts: [] });
  },
}));

export function useToasts(): Toast[] {
  return useStore(toastStore, (state) => state.toasts);
}

export const toast = {
  success: (title: string, options?: ToastOptions) => toastStore.getState().push('success', title, options),
  info: (title: string, options?: ToastOptions) => toastStore.getState().push('info', title, options),
  /** `toast.error(caughtError)` shows the error's message; a string is shown as it is. */
  error: (error: unknown, options?: ToastOptions & { title?: string }) => {
    const message = errorMessage(error);
    return options?.title
      ? toastStore.getState().push('error', options.title, { ...options, message })
      : toastStore.getState().push('error', message, options);
  },
  dismiss: (id: number) => toastStore.getState().dismiss(id),
};
