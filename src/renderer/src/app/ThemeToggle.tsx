/** The top bar's light/dark switch; its name says what a tap will do. */
import { IconButton, MoonIcon, SunIcon } from '../ui';
import { toggledPreference } from './theme';
import { setThemePreference, useTheme } from './themeStore';

export function ThemeToggle() {
  const { theme } = useTheme();
  return (
    <IconButton
      label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
      icon={theme === 'dark' ? <SunIcon /> : <MoonIcon />}
      onClick={() => setThemePreference(toggledPreference(theme))}
    />
  );
}
