/** Settings › Appearance: follow the system's light or dark setting, or pick one for this device. */
import { setThemePreference, useTheme } from '../../app/themeStore';
import { type ThemePreference } from '../../app/theme';
import { Card, MonitorIcon, MoonIcon, SegmentedControl, type SegmentedOption, SunIcon } from '../../ui';

const options: readonly SegmentedOption<ThemePreference>[] = [
  { value: 'system', label: 'System', icon: <MonitorIcon size={20} /> },
  { value: 'light', label: 'Light', icon: <SunIcon size={20} /> },
  { value: 'dark', label: 'Dark', icon: <MoonIcon size={20} /> },
];

export function AppearancePanel() {
  const { preference, theme } = useTheme();
  return (
    <Card title="Appearance" description="Saved on this device only.">
      <div className="appearance">
        <SegmentedControl
          label="Theme"
          options={options}
          value={preference}
          onValueChange={setThemePreference}
        />
        <p className="muted">
          {preference === 'system'
            ? `Following this device’s setting: ${theme} now.`
            : `Always ${preference}, whatever the device’s setting.`}
        </p>
      </div>
    </Card>
  );
}
