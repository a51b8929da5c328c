/** Settings: the system's state, this device's appearance and connection. */
import { PageHeader } from '../../ui';
import { AppearancePanel } from './AppearancePanel';
import { DevicePanel } from './DevicePanel';
import { SystemPanel } from './SystemPanel';

export function SettingsScreen() {
  return (
    <div className="screen">
      <PageHeader title="Settings" description="This till, this device, and how things look." />
      <div className="settings-grid">
        <SystemPanel />
        <div className="settings-grid__side">
          <AppearancePanel />
          <DevicePanel />
        </div>
      </div>
    </div>
  );
}
