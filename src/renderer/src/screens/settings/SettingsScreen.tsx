/**
 * Settings, as tabs whose address follows the tab (/settings/store, /settings/taxes,
 * /settings/payments, /settings/till): the store's settings (owners), the tax classes (managers
 * and owners), Stripe for card payments (owners), and this
 * till — the system's state, this device's appearance, sounds and connection (everyone), and in the
 * desktop app its start-up options and updates. A tab the role
 * cannot use is not shown; /settings opens the first one that is.
 */
import { navigate, useRoute } from '../../app/router';
import { door } from '../../api';
import { DesktopPanel } from '../../app/desktop';
import { SoundsPanel } from '../../app/sounds';
import { useCan } from '../../app/useCan';
import { PageHeader, type TabOption, tabPanelProps, Tabs } from '../../ui';
import { CoinsPanel } from '../customers/CoinsPanel';
import { FxRatesPanel } from '../fx/FxRatesPanel';
import { ChainsPanel } from '../crypto/ChainsPanel';
import { CryptoSettingsPanel } from '../crypto/CryptoSettingsPanel';
import { InvoiceHistoryPanel } from '../crypto/InvoiceHistoryPanel';
import { WalletsPanel } from '../crypto/WalletsPanel';
import { SyncPanel } from '../sync';
import { AppearancePanel } from './AppearancePanel';
import { DevicePanel } from './DevicePanel';
import { StorePanel } from './StorePanel';
import { PaystackPanel } from './PaystackPanel';
import { StripePanel } from './StripePanel';
import { SystemPanel } from './SystemPanel';
import { TaxesPanel } from './TaxesPanel';
import {
  type SettingsTab,
  settingsTabFor,
  settingsTabLabels as tabLabels,
  settingsTabs,
} from './settingsTabs';
import './settings.css';

export function SettingsScreen() {
  const route = useRoute();
  const settingsEdit = useCan('settings.edit');
  const catalogEdit = useCan('catalog.edit');
  const visible = settingsTabs({ settingsEdit, catalogEdit });
  const tab = settingsTabFor(route.rest[0], visible);
  const tabs: TabOption<SettingsTab>[] = visible.map((value) => ({ value, label: tabLabels[value] }));

  return (
    <div className="screen">
      <PageHeader title="Settings" description="The store, its taxes, and this till." />
      {tabs.length > 1 && (
        <Tabs
          label="Settings sections"
          idPrefix="settings"
          tabs={tabs}
          value={tab}
          onValueChange={(next) => navigate({ section: 'settings', rest: [next] })}
        />
      )}
      <div {...(tabs.length > 1 ? tabPanelProps('settings', tab) : {})}>
        {tab === 'store' && <StorePanel />}
        {tab === 'taxes' && <TaxesPanel />}
        {tab === 'payments' && (
          <>
            <StripePanel />
            <PaystackPanel />
            <CoinsPanel />
            <FxRatesPanel />
            <WalletsPanel />
            <ChainsPanel />
            <CryptoSettingsPanel />
            <InvoiceHistoryPanel />
          </>
        )}
        {tab === 'sync' && <SyncPanel />}
        {tab === 'till' && (
          <div className="settings-grid">
            <SystemPanel />
            <div className="settings-grid__side">
              <AppearancePanel />
              <SoundsPanel />
              {door === 'electron' && <DesktopPanel />}
              <DevicePanel />
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
