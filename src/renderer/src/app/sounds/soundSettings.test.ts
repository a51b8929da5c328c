import { describe, expect, it } from 'vitest';
import {
  clampVolume,
  defaultSoundSettings,
  parseSoundSettings,
  serializeSoundSettings,
} from './soundSettings';

describe('sound settings', () => {
  it('default to on at 70% when nothing (or nonsense) is stored', () => {
    expect(parseSoundSettings(null)).toEqual(defaultSoundSettings);
    expect(parseSoundSettings('not json')).toEqual(defaultSoundSettings);
    expect(parseSoundSettings('{"enabled":"yes","volume":"loud"}')).toEqual(defaultSoundSettings);
  });

  it('round-trip, with the volume kept within 0–100', () => {
    expect(parseSoundSettings(serializeSoundSettings({ enabled: false, volume: 35 }))).toEqual({
      enabled: false,
      volume: 35,
    });
    expect(parseSoundSettings('{"enabled":true,"volume":250}').volume).toBe(100);
    expect(clampVolume(-3)).toBe(0);
    expect(clampVolume(Number.NaN)).toBe(defaultSoundSettings.volume);
  });
});
