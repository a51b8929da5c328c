/** How the sync's state reads in the top bar and on the Sync panel, pure. */
import { type SyncStatus } from '../../../../shared/api/sync';

export interface SyncPillView {
  tone: 'success' | 'warning' | 'danger' | 'info';
  text: string;
  /** Shown after the words, smaller ("since 9:02"). */
  extra: string | null;
  pulse: boolean;
}

/** Rows younger than this are "on their way", not "behind": a till selling online always has a few. */
export const behindAfterSeconds = 5;

/** The top bar's words for a sync state; null when sync is off (the slot shows nothing). */
export function syncPillView(
  status: Pick<SyncStatus, 'state' | 'pendingRows' | 'offlineSince' | 'lagSeconds'>,
  formatTime: (iso: string) => string,
): SyncPillView | null {
  switch (status.state) {
    case 'off':
      return null;
    case 'synced':
      return { tone: 'success', text: 'Synced', extra: null, pulse: false };
    case 'behind':
      if (status.lagSeconds < behindAfterSeconds)
        return { tone: 'success', text: 'Synced', extra: null, pulse: false };
      return {
        tone: 'info',
        text: `${status.pendingRows.toLocaleString('en')} behind`,
        extra: null,
        pulse: true,
      };
    case 'offline':
      return {
        tone: 'warning',
        text: 'Offline',
        extra: status.offlineSince ? `since ${formatTime(status.offlineSince)}` : null,
        pulse: false,
      };
    case 'error':
      return { tone: 'danger', text: 'Sync error', extra: null, pulse: false };
  }
}

/** Table names as people say them. */
const tableLabels: Record<string, string> = {
  ledger_transfers: 'Ledger transfers',
  ledger_accounts: 'Ledger accounts',
  orders: 'Orders',
  order_lines: 'Order lines',
  payments: 'Payments',
  refunds: 'Refunds',
  refund_shares: 'Refund shares',
  shifts: 'Shifts',
  shift_cash_movements: 'Drawer movements',
  drawer_no_sales: 'No-sale drawer opens',
  customers: 'Customers',
  order_customers: 'Customers of orders',
  coin_topups: 'Coin top-ups',
  coin_payments: 'Coin payments',
  coin_gifts: 'Coin gifts',
  catalog_stock_movements: 'Stock movements',
  sync_coin_allowances: 'Coin allowances',
};

export function tableLabel(tableName: string): string {
  return tableLabels[tableName] ?? tableName.replace(/_/g, ' ');
}
