/**
 * Which core event plays which sound, pure. The counter's three sounds:
 * - `paid`: a payment succeeded (payment.updated), or an order became paid (order.updated);
 * - `declined`: a payment failed or expired (a cashier's own cancel plays nothing);
 * - `attention`: a payment still pending `attentionAfterMs` after it started (a reader or a customer's
 *   phone waiting on someone: the cashier should look), once per payment (`watchPending`, `overdue`).
 * Each event is heard once (`key`), and a sound is not repeated within `repeatGapMs`, so the last
 * payment of a sale and the order's "paid" that follows it make one chime, not two.
 */
import { type EventPayload } from '../../../../shared/api';

export const soundNames = ['paid', 'declined', 'attention'] as const;
export type SoundName = (typeof soundNames)[number];

export interface SoundCue {
  sound: SoundName;
  /** What makes this cue the same one when it is heard again (a replayed or repeated event). */
  key: string;
}

export const repeatGapMs = 1_500;

export function cueForEvent(event: string, payload: unknown): SoundCue | null {
  if (event === 'payment.updated') {
    const payment = payload as EventPayload<'payment.updated'>;
    switch (payment.status) {
      case 'succeeded':
        return { sound: 'paid', key: `payment:${payment.paymentId}:succeeded` };
      case 'failed':
      case 'expired':
        return { sound: 'declined', key: `payment:${payment.paymentId}:${payment.status}` };
      default:
        return null;
    }
  }
  if (event === 'order.updated') {
    const order = payload as EventPayload<'order.updated'>;
    return order.status === 'paid' ? { sound: 'paid', key: `order:${order.orderId}:paid` } : null;
  }
  return null;
}

/** How long a payment may stay pending before the cashier hears that it needs them. */
export const attentionAfterMs = 90_000;

/** Payments pending now, by id, with when this page first saw them pending. */
export type PendingWatch = Readonly<Record<string, number>>;

export function watchPending(
  watch: PendingWatch,
  event: string,
  payload: unknown,
  now: number,
): PendingWatch {
  if (event !== 'payment.updated') return watch;
  const payment = payload as EventPayload<'payment.updated'>;
  if (payment.status === 'pending') {
    return watch[payment.paymentId] === undefined ? { ...watch, [payment.paymentId]: now } : watch;
  }
  if (watch[payment.paymentId] === undefined) return watch;
  const { [payment.paymentId]: _decided, ...rest } = watch;
  return rest;
}

/** The payments pending for `attentionAfterMs` or more, as cues; they leave the watch (one cue each). */
export function overdue(watch: PendingWatch, now: number): { watch: PendingWatch; cues: SoundCue[] } {
  const cues: SoundCue[] = [];
  const rest: Record<string, number> = {};
  for (const [paymentId, since] of Object.entries(watch)) {
    if (now - since >= attentionAfterMs)
      cues.push({ sound: 'attention', key: `payment:${paymentId}:waiting` });
    else rest[paymentId] = since;
  }
  return { watch: cues.length === 0 ? watch : rest, cues };
}

/** What was played lately: cue keys (kept a while) and the time each sound last played. */
export interface PlayedLog {
  keys: Record<string, number>;
  sounds: Partial<Record<SoundName, number>>;
}

export const emptyPlayedLog: PlayedLog = { keys: {}, sounds: {} };

/** How long a cue's key is remembered: replays of an event within it play nothing. */
export const keyMemoryMs = 10 * 60_000;

/**
 * Whether a cue plays now, and the log after it. A cue heard before plays nothing; a sound played
 * less than `repeatGapMs` ago is not played again (the cue is still remembered).
 */
export function decideCue(cue: SoundCue, log: PlayedLog, now: number): { play: boolean; log: PlayedLog } {
  const keys: Record<string, number> = {};
  for (const [key, at] of Object.entries(log.keys)) if (now - at < keyMemoryMs) keys[key] = at;
  if (keys[cue.key] !== undefined) return { play: false, log: { keys, sounds: log.sounds } };
  keys[cue.key] = now;
  const last = log.sounds[cue.sound];
  if (last !== undefined && now - last < repeatGapMs)
    return { play: false, log: { keys, sounds: log.sounds } };
  return { play: true, log: { keys, sounds: { ...log.sounds, [cue.sound]: now } } };
}

export function parsePlayedLog(raw: string | null): PlayedLog {
  if (!raw) return emptyPlayedLog;
  try {
    const value = JSON.parse(raw) as Partial<PlayedLog>;
    const keys = typeof value.keys === 'object' && value.keys !== null ? value.keys : {};
    const sounds = typeof value.sounds === 'object' && value.sounds !== null ? value.sounds : {};
    return { keys, sounds };
  } catch {
    return emptyPlayedLog;
  }
}
