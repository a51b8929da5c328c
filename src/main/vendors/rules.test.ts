import { describe, expect, it } from 'vitest';
import { vendorPartBack, vendorPartOf, type VendorTerms } from './rules';

const share = (percent: string): VendorTerms => ({ kind: 'share', percent });
const commission = (minor: bigint): VendorTerms => ({ kind: 'commission', commissionMinor: minor });

describe('vendor part of a line', () => {
  it.each([
    [1000n, 1, share('70'), 700n],
    [999n, 1, share('70'), 699n], // 699.3 rounds down
    [1n, 1, share('70'), 0n],
    [1234n, 3, share('33.33'), 411n], // 411.29...
    [1000n, 1, share('100'), 1000n],
    [1000n, 1, share('0'), 0n],
    [0n, 1, share('70'), 0n],
    [1000n, 2, commission(150n), 700n],
    [250n, 2, commission(150n), 0n], // never below 0
    [300n, 2, commission(150n), 0n],
  ])('net %s for %s unit(s) with %o gives the vendor %s', (net, quantity, terms, part) => {
    expect(vendorPartOf(net, quantity, terms)).toBe(part);
  });
});

describe('vendor part taken back by a refund', () => {
  it.each([
    [700n, 1, 1, 700n],
    [700n, 3, 1, 233n], // 233.33 → allocate gives the remainder to the first part
    [700n, 3, 3, 700n],
    [467n, 2, 1, 234n],
    [1n, 2, 1, 1n],
    [0n, 2, 1, 0n],
  ])('of %s left over %s units, %s back gives %s', (left, leftQuantity, quantity, back) => {
    expect(vendorPartBack(left, leftQuantity, quantity)).toBe(back);
  });

  it('refunding every unit one by one takes back exactly the part', () => {
    for (const [part, units] of [
      [700n, 3],
      [1n, 7],
      [99_999n, 13],
    ] as const) {
      let left = part;
      for (let n = units; n > 0; n -= 1) left -= vendorPartBack(left, n, 1);
      expect(left).toBe(0n);
    }
  });
});
