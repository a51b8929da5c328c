import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNativeBindingPath } from './native';

describe('electronNativeBindingPath', () => {
  it('is under the app folder in development', () => {
    expect(electronNativeBindingPath('/work/tillpoint')).toBe(
      path.join('/work/tillpoint', 'native', 'electron', 'better_sqlite3.node'),
    );
  });

  it('is beside the asar archive, unpacked, in an installed app', () => {
    expect(electronNativeBindingPath('/opt/Tillpoint/resources/app.asar')).toBe(
      path.join('/opt/Tillpoint/resources/app.asar.unpacked', 'native', 'electron', 'better_sqlite3.node'),
    );
  });
});
