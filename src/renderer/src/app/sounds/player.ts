/**
 * The page's side of the counter's sounds: the per-device settings as a zustand store (saved in
 * localStorage, followed across pages of the same browser), one audio element per sound, and
 * `startSounds`, which plays the sound of each core event the page hears (soundRules.ts). The till
 * and the customer display call it once at start; pages of one browser (or the desktop app's two
 * windows) share a log of what was played, so one speaker chimes once per payment.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { type TillpointClient } from '../../../../shared/api';
import attentionUrl from '../../../../../resources/sounds/attention.wav';
import declinedUrl from '../../../../../resources/sounds/declined.wav';
import paidUrl from '../../../../../resources/sounds/paid.wav';
import {
  cueForEvent,
  decideCue,
  overdue,
  parsePlayedLog,
  type PendingWatch,
  type SoundCue,
  type SoundName,
  watchPending,
} from './soundRules';
import {
  defaultSoundSettings,
  parseSoundSettings,
  serializeSoundSettings,
  type SoundSettings,
  soundSettingsStorageKey,
} from './soundSettings';

const soundUrls: Record<SoundName, string> = {
  paid: paidUrl,
  declined: declinedUrl,
  attention: attentionUrl,
};
const playedStorageKey = 'tillpoint.sounds.played';

function readSettings(): SoundSettings {
  try {
    return parseSoundSettings(window.localStorage.getItem(soundSettingsStorageKey));
  } catch {
    return defaultSoundSettings;
  }
}

export const soundSettingsStore = createStore<SoundSettings>()(() => readSettings());

export function useSoundSettings(): SoundSettings {
  return useStore(soundSettingsStore);
}

export function setSoundSettings(next: SoundSettings): void {
  try {
    window.localStorage.setItem(soundSettingsStorageKey, serializeSoundSettings(next));
  } catch {
    // Storage unavailable: the choice lasts for this page only.
  }
  soundSettingsStore.setState(parseSoundSettings(serializeSoundSettings(next)));
}

const elements = new Map<SoundName, HTMLAudioElement>();

function element(sound: SoundName): HTMLAudioElement {
  let audio = elements.get(sound);
  if (!audio) {
    audio = new Audio(soundUrls[sound]);
    audio.preload = 'auto';
    audio.dataset.sound = sound;
    elements.set(sound, audio);
  }
  return audio;
}

/** Plays a sound at this device's volume, unless sounds are off. Never throws. */
export function playSound(sound: SoundName, settings: SoundSettings = soundSettingsStore.getState()): void {
  if (!settings.enabled || settings.volume === 0) return;
  try {
    const audio = element(sound);
    audio.volume = settings.volume / 100;
    audio.currentTime = 0;
    // A browser may refuse sound before the person has touched the page: nothing to do then.
    void audio.play().catch(() => undefined);
  } catch {
    // No audio on this device.
  }
}

/** Records the cue in the log the browser's pages share; true when this page should play it. */
function claim(cue: SoundCue): boolean {
  try {
    const decision = decideCue(
      cue,
      parsePlayedLog(window.localStorage.getItem(playedStorageKey)),
      Date.now(),
    );
    window.localStorage.setItem(playedStorageKey, JSON.stringify(decision.log));
    return decision.play;
  } catch {
    return true;
  }
}

let started = false;

/** Plays the counter's sounds on the core's events for as long as the page lives (once per page). */
export function startSounds(client: Pick<TillpointClient, 'on'>): void {
  if (started) return;
  started = true;
  window.addEventListener('storage', (event) => {
    if (event.key === soundSettingsStorageKey) soundSettingsStore.setState(readSettings());
  });
  const cueUp = (cue: SoundCue | null) => {
    if (!cue || !soundSettingsStore.getState().enabled) return;
    if (claim(cue)) playSound(cue.sound);
  };
  let pending: PendingWatch = {};
  const hear = (event: string) => (payload: unknown) => {
    pending = watchPending(pending, event, payload, Date.now());
    cueUp(cueForEvent(event, payload));
  };
  client.on('payment.updated', hear('payment.updated'));
  client.on('order.updated', hear('order.updated'));
  // A payment left waiting (a reader, a customer's phone) calls the cashier once.
  setInterval(() => {
    const due = overdue(pending, Date.now());
    pending = due.watch;
    for (const cue of due.cues) cueUp(cue);
  }, 5_000);
}
