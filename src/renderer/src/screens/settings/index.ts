/** The Settings section: system status and health, appearance (theme), and this device. */
export { SettingsScreen } from './SettingsScreen';
