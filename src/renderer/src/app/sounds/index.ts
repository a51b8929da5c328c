/**
 * The counter's sounds: "paid", "declined" and "needs attention" on the core's payment and order
 * events, with an off switch and a volume per device (Settings › This till).
 */
export { playSound, setSoundSettings, soundSettingsStore, startSounds, useSoundSettings } from './player';
export { cueForEvent, decideCue, type SoundName, soundNames } from './soundRules';
export { type SoundSettings } from './soundSettings';
export { SoundsPanel } from './SoundsPanel';
