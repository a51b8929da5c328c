import fc from 'fast-check';
import { getAddress } from 'ethers';
import { describe, expect, it } from 'vitest';
import {
  addressOnlyUri,
  bip21Uri,
  eip681NativeUri,
  eip681TokenUri,
  parsePaymentUri,
  plainAddressText,
} from './index';

/** The first receive address of the BIP-84 test vectors' zpub. */
const bech32 = 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu';
const base58 = '175tWpb8K1S7NmH4Zx6rewF9WQrcZv245W';
const taproot = 'bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr';
const to = getAddress('0x8ba1f109551bd432803012645ac136ddd64dba72');
const usdc = getAddress('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48');

describe('bip21Uri', () => {
  it.each([
    [{ address: bech32 }, `bitcoin:${bech32}`],
    [{ address: bech32, amountSats: 123456n }, `bitcoin:${bech32}?amount=0.00123456`],
    [{ address: bech32, amountSats: 12870n }, `bitcoin:${bech32}?amount=0.0001287`],
    [{ address: bech32, amountSats: 5_000_000_000n }, `bitcoin:${bech32}?amount=50`],
    [
      { address: base58, amountSats: 2_030_000_000n, label: 'Luke-Jr' },
      `bitcoin:${base58}?amount=20.3&label=Luke-Jr`,
    ],
    [
      { address: bech32, amountSats: 1n, label: 'Café Nº1', message: 'Order 42 & tip' },
      `bitcoin:${bech32}?amount=0.00000001&label=Caf%C3%A9%20N%C2%BA1&message=Order%2042%20%26%20tip`,
    ],
    [
      { address: bech32, amountSats: 123456n, upperCaseAddress: true },
      `BITCOIN:${bech32.toUpperCase()}?amount=0.00123456`,
    ],
    [{ address: bech32.toUpperCase() }, `bitcoin:${bech32}`],
    // a base58 address is case-sensitive: never upper-cased, the scheme stays lower case
    [{ address: base58, upperCaseAddress: true }, `bitcoin:${base58}`],
    [{ address: taproot, upperCaseAddress: true }, `BITCOIN:${taproot.toUpperCase()}`],
  ])('%o → %s', (request, uri) => {
    expect(bip21Uri(request)).toBe(uri);
  });

  it.each([
    [{ address: 'bc1qCR8te4kr609gcawutmrza0j4xv80jy8z306fyu' }, /not a Bitcoin address/],
    [{ address: '0x8ba1f109551bd432803012645ac136ddd64dba72' }, /not a Bitcoin address/],
    [{ address: bech32, amountSats: 0n }, /between 1 sat/],
    [{ address: bech32, amountSats: -5n }, /between 1 sat/],
    [{ address: bech32, amountSats: 2_100_000_000_000_001n }, /between 1 sat/],
    [{ address: bech32, label: 'x'.repeat(201) }, /at most 200/],
    [{ address: bech32, message: '\ud800' }, /at most 200/],
  ])('refuses %o', (request, message) => {
    expect(() => bip21Uri(request)).toThrow(message);
  });
});

describe('EIP-681', () => {
  it('writes a native payment with a plain integer value', () => {
    expect(eip681NativeUri({ to, chainId: 1, valueWei: 2_014_000_000_000_000_000n })).toBe(
      `ethereum:${to}@1?value=2014000000000000000`,
    );
    expect(eip681NativeUri({ to, chainId: 137, valueWei: 10n ** 30n })).toBe(
      `ethereum:${to}@137?value=1000000000000000000000000000000`,
    );
  });

  it('writes a token transfer', () => {
    expect(eip681TokenUri({ token: usdc, chainId: 1, to, amountUnits: 12_500_000n })).toBe(
      `ethereum:${usdc}@1/transfer?address=${to}&uint256=12500000`,
    );
  });

  it.each([
    [() => eip681NativeUri({ to: 'vitalik.eth', chainId: 1, valueWei: 1n }), /not an EVM address/],
    [() => eip681NativeUri({ to, chainId: 0, valueWei: 1n }), /chain id/],
    [() => eip681NativeUri({ to, chainId: 1.5, valueWei: 1n }), /chain id/],
    [() => eip681NativeUri({ to, chainId: 1, valueWei: 0n }), /positive whole number/],
    [() => eip681TokenUri({ token: 'usdc', chainId: 1, to, amountUnits: 1n }), /token contract/],
    [() => eip681TokenUri({ token: usdc, chainId: 1, to, amountUnits: 2n ** 256n }), /positive whole/],
  ])('refuses bad requests (%#)', (call, message) => {
    expect(call).toThrow(message);
  });
});

describe('address only', () => {
  it.each([
    [{ scheme: 'bitcoin' as const, address: bech32 }, `bitcoin:${bech32}`, bech32],
    [
      { scheme: 'bitcoin' as const, address: bech32, upperCaseAddress: true },
      `BITCOIN:${bech32.toUpperCase()}`,
      bech32.toUpperCase(),
    ],
    [{ scheme: 'bitcoin' as const, address: base58, upperCaseAddress: true }, `bitcoin:${base58}`, base58],
    [{ scheme: 'ethereum' as const, address: to }, `ethereum:${to}`, to],
  ])('%o', (request, uri, plain) => {
    expect(addressOnlyUri(request)).toBe(uri);
    expect(plainAddressText(request)).toBe(plain);
    const parsed = parsePaymentUri(uri);
    expect(parsed.address).toBe(request.scheme === 'bitcoin' ? request.address : to);
    expect(parsed.amountUnits).toBeUndefined();
    expect(parsePaymentUri(plain)).toMatchObject({ form: 'plain_address', scheme: request.scheme });
  });
});

describe('parsePaymentUri', () => {
  it.each([
    [`bitcoin:${bech32}?amount=0.00123456`, { scheme: 'bitcoin', address: bech32, amountUnits: 123456n }],
    [
      `BITCOIN:${bech32.toUpperCase()}?amount=0.001`,
      { scheme: 'bitcoin', address: bech32, amountUnits: 100000n },
    ],
    [
      `Bitcoin:${base58}?amount=50&label=Luke-Jr`,
      { address: base58, amountUnits: 5_000_000_000n, label: 'Luke-Jr' },
    ],
    [
      `bitcoin:${bech32}?amount=1&message=Donation%20for%20project%20xyz&x-other=1`,
      {
        message: 'Donation for project xyz',
        params: { amount: '1', message: 'Donation for project xyz', 'x-other': '1' },
      },
    ],
    [`bitcoin://${bech32}?amount=0.5`, { address: bech32, amountUnits: 50_000_000n }],
    [`bitcoin:${bech32}?label=a+b`, { label: 'a+b' }],
    [
      `ethereum:${to}@1?value=2.014e18`,
      {
        scheme: 'ethereum',
        kind: 'native',
        address: to,
        chainId: 1,
        amountUnits: 2_014_000_000_000_000_000n,
      },
    ],
    [`ethereum:pay-${to}@137?value=1e18&gasLimit=21000`, { chainId: 137, amountUnits: 10n ** 18n }],
    [`ethereum:${to}`, { kind: 'native', address: to, form: 'uri' }],
    [`ethereum:${to}?value=1000`, { kind: 'native', amountUnits: 1000n }],
    [
      `ethereum:${usdc}@1/transfer?address=${to}&uint256=12500000`,
      { kind: 'token', token: usdc, address: to, chainId: 1, amountUnits: 12_500_000n },
    ],
    [
      `ethereum:${usdc}@56/transfer?address=${to}&uint256=1.25e19`,
      { chainId: 56, amountUnits: 12_500_000_000_000_000_000n },
    ],
    [`ethereum:${usdc}/transfer?address=${to}&uint256=1e6`, { token: usdc, amountUnits: 1_000_000n }],
    [to, { scheme: 'ethereum', form: 'plain_address', address: to }],
    [bech32.toUpperCase(), { scheme: 'bitcoin', form: 'plain_address', address: bech32 }],
  ])('%s', (uri, expected) => {
    expect(parsePaymentUri(uri)).toMatchObject(expected);
  });

  it.each([
    ['', 'bad_length'],
    ['x'.repeat(4097), 'bad_length'],
    ['hello', 'bad_address'],
    ['litecoin:LTC', 'bad_scheme'],
    [`bitcoin:${bech32}?amount=1&amount=2`, 'duplicate_parameter'],
    [`bitcoin:${bech32}?amount=1,5`, 'bad_amount'],
    [`bitcoin:${bech32}?amount=0.000000001`, 'too_many_decimals'],
    [`bitcoin:${bech32}?req-pop=1`, 'required_parameter'],
    [`bitcoin:${bech32}?label=%E0%A4%A`, 'bad_encoding'],
    ['bitcoin:bc1qCR8te4kr609gcawutmrza0j4xv80jy8z306fyu', 'bad_address'],
    ['ethereum:vitalik.eth@1?value=1', 'bad_address'],
    [`ethereum:${to}@0x1?value=1`, 'bad_chain_id'],
    [`ethereum:${to}@1?value=1.5`, 'fractional_units'],
    [`ethereum:${to}@1?value=-1`, 'bad_amount'],
    [`ethereum:${usdc}@1/approve?address=${to}&uint256=1`, 'unsupported_function'],
    [`ethereum:${usdc}@1/transfer?uint256=1`, 'bad_address'],
  ])('refuses %j (%s)', (uri, reason) => {
    expect(() => parsePaymentUri(uri)).toThrow(
      expect.objectContaining({ code: 'bad_input', details: { reason } }),
    );
  });
});

describe('round trip (property)', () => {
  const evmAddress = fc
    .uint8Array({ minLength: 20, maxLength: 20 })
    .map((bytes) => getAddress(`0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`));
  const text = fc.string({ maxLength: 40, unit: 'grapheme' });

  it('a BIP-21 URI parses back to its address, sats, label and message', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 2_100_000_000_000_000n }),
        fc.boolean(),
        fc.constantFrom(bech32, base58, taproot),
        fc.option(text, { nil: undefined }),
        fc.option(text, { nil: undefined }),
        (amountSats, upperCaseAddress, address, label, message) => {
          const parsed = parsePaymentUri(bip21Uri({ address, amountSats, upperCaseAddress, label, message }));
          expect(parsed.address).toBe(address);
          expect(parsed.amountUnits).toBe(amountSats);
          expect(parsed.label).toBe(label === '' ? undefined : label);
          expect(parsed.message).toBe(message === '' ? undefined : message);
        },
      ),
    );
  });

  it('an EIP-681 URI parses back to its recipient, chain, token and amount', () => {
    fc.assert(
      fc.property(
        evmAddress,
        evmAddress,
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.bigInt({ min: 1n, max: 2n ** 256n - 1n }),
        (recipient, token, chainId, amount) => {
          expect(
            parsePaymentUri(eip681NativeUri({ to: recipient, chainId, valueWei: amount })),
          ).toMatchObject({
            kind: 'native',
            address: recipient,
            chainId,
            amountUnits: amount,
          });
          expect(
            parsePaymentUri(eip681TokenUri({ token, chainId, to: recipient, amountUnits: amount })),
          ).toMatchObject({
            kind: 'token',
            address: recipient,
            token,
            chainId,
            amountUnits: amount,
          });
        },
      ),
    );
  });

  it('the scientific form wallets emit reads as the same integer', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 40n }),
        fc.integer({ min: 0, max: 30 }),
        (units, shift) => {
          const digits = units.toString();
          // write units × 10^shift as d.ddd e N
          const text = `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${digits.length - 1 + shift}`;
          const uri = `ethereum:${to}@1?value=${text}`;
          expect(parsePaymentUri(uri).amountUnits).toBe(units * 10n ** BigInt(shift));
        },
      ),
      { numRuns: 50 },
    );
  });
});
