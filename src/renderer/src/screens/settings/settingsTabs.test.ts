import { describe, expect, it } from 'vitest';
import { settingsTabFor, settingsTabs } from './settingsTabs';

describe('settingsTabs', () => {
  it.each([
    [{ settingsEdit: true, catalogEdit: true }, ['store', 'taxes', 'payments', 'till', 'sync']],
    [{ settingsEdit: false, catalogEdit: true }, ['taxes', 'till', 'sync']],
    [{ settingsEdit: false, catalogEdit: false }, ['till']],
  ])('%o → %j', (can, tabs) => {
    expect(settingsTabs(can)).toEqual(tabs);
  });
});

describe('settingsTabFor', () => {
  it.each([
    [undefined, ['store', 'taxes', 'till'], 'store'],
    ['taxes', ['store', 'taxes', 'till'], 'taxes'],
    ['store', ['taxes', 'till'], 'taxes'],
    ['system', ['till'], 'till'],
    ['till', ['store', 'taxes', 'till'], 'till'],
  ] as const)('%s among %j → %s', (asked, visible, tab) => {
    expect(settingsTabFor(asked, visible)).toBe(tab);
  });
});
