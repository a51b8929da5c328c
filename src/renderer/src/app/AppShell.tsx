/**
 * The logged-in app: top bar, left navigation, and the current section's screen, with the
 * app-wide keyboard shortcuts and their help dialog, and the lock after the store's idle time.
 */
import { type ComponentType, useCallback, useState } from 'react';
import { CheckoutScreen } from '../screens/checkout';
import { CustomersScreen } from '../screens/customers';
import { OrdersScreen } from '../screens/orders';
import { ProductsScreen } from '../screens/products';
import { ReportsScreen } from '../screens/reports';
import { SettingsScreen } from '../screens/settings';
import { ShiftScreen } from '../screens/shift';
import { StaffScreen } from '../screens/staff';
import { ErrorBoundary, toast } from '../ui';
import { roleLabels } from './format';
import { app, useAppState } from './instance';
import { navigate, useRoute } from './router';
import { NoAccessScreen } from './NoAccessScreen';
import { canUseSection, type Section, sectionLabels } from './routes';
import { type ShortcutAction } from './shortcuts';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SideNav } from './SideNav';
import { TopBar } from './TopBar';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { useIdleLock } from './useIdleLock';

const screens: Record<Section, ComponentType> = {
  checkout: CheckoutScreen,
  orders: OrdersScreen,
  shift: ShiftScreen,
  products: ProductsScreen,
  customers: CustomersScreen,
  reports: ReportsScreen,
  staff: StaffScreen,
  settings: SettingsScreen,
};

export function AppShell() {
  const route = useRoute();
  const [helpOpen, setHelpOpen] = useState(false);
  const idleLockMinutes = useAppState((state) => state.idleLockMinutes);
  const role = useAppState((state) => state.staffSession?.staff.role ?? 'cashier');

  useIdleLock(
    idleLockMinutes,
    useCallback(() => {
      void app.lock().then(() => toast.info('The till locked itself after a while without use.'));
    }, []),
  );

  useGlobalShortcuts(
    useCallback(
      (action: ShortcutAction) => {
        if (action.kind === 'navigate') {
          if (canUseSection(role, action.section)) navigate(action.section);
          else
            toast.info(
              `${sectionLabels[action.section]} is not available to your role (${roleLabels[role]}).`,
            );
        } else if (action.kind === 'lock') void app.lock();
        else setHelpOpen(true);
      },
      [role],
    ),
  );

  const Screen = canUseSection(role, route.section) ? screens[route.section] : NoAccessScreen;
  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <ErrorBoundary what="the top bar">
        <TopBar onShowShortcuts={() => setHelpOpen(true)} />
      </ErrorBoundary>
      <SideNav role={role} />
      <main id="main" className="shell__main" tabIndex={-1}>
        <ErrorBoundary what={`the ${sectionLabels[route.section]} screen`} resetKey={route.section}>
          <Screen />
        </ErrorBoundary>
      </main>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
