/**
 * How the card tender waits on Stripe: calls about one payment (or refund share) run one at a time,
 * so the follower, a cancel and a reconciliation never race; and a follower polls a payment until
 * Stripe decides it, reporting the decision (and a changed "still waiting" message) to the tender's
 * listeners. Network trouble while following is logged and tried again at the next poll.
 */
import { type Logger } from 'pino';
import { type TenderUpdate } from '../payments';
import { describeStripeError } from './stripeErrors';

export interface CardRunner {
  serial<T>(id: string, work: () => Promise<T>): Promise<T>;
  /** Polls `look` until it reports a decision (no-op when `id` is already followed). */
  follow(id: string, look: () => Promise<TenderUpdate>): void;
  unfollow(id: string): void;
  stop(): void;
}

export function createCardRunner(options: {
  pollMs: number;
  notify: (update: TenderUpdate) => void;
  logger?: Logger | undefined;
}): CardRunner {
  const locks = new Map<string, Promise<unknown>>();
  const followed = new Set<string>();
  let stopped = false;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const runner: CardRunner = {
    serial<T>(id: string, work: () => Promise<T>): Promise<T> {
      const before = locks.get(id) ?? Promise.resolve();
      const next = before.then(work, work);
      const settled = next.catch(() => undefined);
      locks.set(id, settled);
      void settled.then(() => {
        if (locks.get(id) === settled) locks.delete(id);
      });
      return next;
    },
    follow(id, look) {
      if (followed.has(id) || stopped) return;
      followed.add(id);
      void (async () => {
        let lastMessage: string | undefined;
        while (!stopped && followed.has(id)) {
          await sleep(options.pollMs);
          if (stopped || !followed.has(id)) break;
          let update: TenderUpdate;
          try {
            update = await runner.serial(id, look);
          } catch (error) {
            options.logger?.warn(
              { id, reason: describeStripeError(error).message },
              'a card payment could not be looked at; trying again',
            );
            continue;
          }
          if (stopped || !followed.has(id)) break;
          const report = 'payment' in update ? update.payment : update.refund;
          if (report.status !== 'pending') {
            followed.delete(id);
            options.notify(update);
            break;
          }
          if (report.message !== lastMessage) {
            lastMessage = report.message;
            options.notify(update);
          }
        }
      })();
    },
    unfollow(id) {
      followed.delete(id);
    },
    stop() {
      stopped = true;
      followed.clear();
    },
  };
  return runner;
}
