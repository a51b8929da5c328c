import { describe, expect, it } from 'vitest';
import { descriptorChecksum } from './descriptorChecksum';

describe('descriptor checksum (BIP-380)', () => {
  it.each([
    ['raw(deadbeef)', '89f8spxm'],
    ['addr(mkmZxiEcEd8ZqjQWVZuC6so5dFMKEFpN2j)', '02wpgw69'],
  ])('%s', (descriptor, checksum) => {
    expect(descriptorChecksum(descriptor)).toBe(checksum);
  });
  it('a character outside the set has no checksum', () => {
    expect(descriptorChecksum('addr(é)')).toBeNull();
  });
});
