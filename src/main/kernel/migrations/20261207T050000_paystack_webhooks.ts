import { type Migration } from '../migrate';

/**
 * Paystack webhooks (owned by src/main/card/paystack): each event taken, by its key (the event
 * name and the id of what it is about: Paystack's events carry no id of their own), so a repeat is
 * answered without being applied again. Written only once the event was applied.
 */
export const migration: Migration = {
  id: '20261207T050000_paystack_webhooks',
  sql: `
    CREATE TABLE paystack_webhook_events (
      event_key TEXT PRIMARY KEY,
      event TEXT NOT NULL,
      reference TEXT,
      outcome TEXT NOT NULL,
      received_at TEXT NOT NULL
    ) STRICT;
  `,
};
