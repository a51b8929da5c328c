import { describe, expect, it } from 'vitest';
import { formatAmount } from './formatAmount';

describe('formatAmount', () => {
  it.each([
    [{ amount: '1250', asset: 'USD' }, 'en-US', '$12.50'],
    [{ amount: '-1250', asset: 'USD' }, 'en-US', '-$12.50'],
    [{ amount: '0', asset: 'USD' }, 'en-US', '$0.00'],
    [{ amount: '1234', asset: 'JPY' }, 'en-US', '¥1,234'],
    [{ amount: '123456', asset: 'BTC' }, 'en-US', '0.00123456 BTC'],
    [
      { amount: '123456789012345678901234567890', asset: 'USD' },
      'en-US',
      '$1,234,567,890,123,456,789,012,345,678.90',
    ],
  ])('%o in %s → %s', (value, locale, expected) => {
    expect(formatAmount(value, locale)).toEqual({ ok: true, text: expected });
  });

  it('shows a malformed amount as it came, with the reason', () => {
    const result = formatAmount({ amount: '12.50', asset: 'USD' }, 'en-US');
    expect(result.ok).toBe(false);
    expect(result.text).toBe('12.50 USD');
  });

  it('does not throw on an asset the money module does not know', () => {
    const result = formatAmount({ amount: '100', asset: 'NOPE!' }, 'en-US');
    expect(result.ok).toBe(false);
    expect(result.text).toContain('minor units');
  });
});
