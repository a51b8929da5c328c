/**
 * Every migration, oldest first. A file in this folder must appear here (a test checks it):
 * add new ones at the end with a newer timestamp than the last.
 */
import { type Migration } from '../migrate';
import { migration as core } from './20261121T000000_core';
import { migration as ledger } from './20261121T000100_ledger';
import { migration as staff } from './20261121T000200_staff';
import { migration as catalog } from './20261121T000300_catalog';
import { migration as orders } from './20261121T000400_orders';
import { migration as shifts } from './20261121T000500_shifts';
import { migration as paymentsFlow } from './20261206T100000_payments_flow';
import { migration as customersCoins } from './20261206T200000_customers_coins';
import { migration as vendors } from './20261206T210000_vendors';
import { migration as memberships } from './20261206T220000_memberships';
import { migration as fxCash } from './20261206T230000_fx_cash';
import { migration as crypto } from './20261207T010000_crypto';
import { migration as reports } from './20261207T020000_reports';
import { migration as syncOutbox } from './20261207T030000_sync_outbox';
import { migration as staffPinLength } from './20261207T040000_staff_pin_length';
import { migration as paystackWebhooks } from './20261207T050000_paystack_webhooks';
import { migration as reportRefundRollups } from './20261207T060000_report_refund_rollups';

export const migrations: readonly Migration[] = [
  core,
  ledger,
  staff,
  catalog,
  orders,
  shifts,
  paymentsFlow,
  customersCoins,
  vendors,
  memberships,
  fxCash,
  crypto,
  reports,
  syncOutbox,
  staffPinLength,
  paystackWebhooks,
  reportRefundRollups,
];
