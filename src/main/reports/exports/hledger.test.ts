import { describe, expect, it } from 'vitest';
import { accountName, commoditySymbol, hledgerAmount } from './hledger';

describe('hledger amounts and names', () => {
  it.each([
    [1250n, 'USD', '12.50 USD'],
    [-5n, 'USD', '-0.05 USD'],
    [7n, 'JPY', '7 JPY'],
    [123456789n, 'BTC', '1.23456789 BTC'],
    [1n, 'ETH', '0.000000000000000001 ETH'],
    [500n, 'COIN', '500 COIN'],
    [42n, 'ZZZ9', '42 "ZZZ9.minor"'],
  ] as const)('%s %s is %s', (minor, asset, text) => {
    expect(hledgerAmount(minor, asset)).toBe(text);
  });
  it('names accounts by code and ref, without spaces or stray colons', () => {
    expect(accountName('tax_payable', 'nyc_sales_tax')).toBe('tax_payable:nyc_sales_tax');
    expect(accountName('cash_drawer', 'shift:01ABC')).toBe('cash_drawer:shift:01ABC');
    expect(accountName('sales_revenue', '')).toBe('sales_revenue');
    expect(accountName('odd code', ' a;b ')).toBe('odd_code:_a_b_');
    expect(commoditySymbol('USDC')).toBe('USDC');
  });
});
