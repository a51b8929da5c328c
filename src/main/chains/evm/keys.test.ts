import { HDNodeWallet, Mnemonic, Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import { ChainKeyError } from '../errors';
import { deriveEvmAddress, isValidEvmAddress, parseEvmAccountKey, toChecksumAddress } from './keys';

// Hardhat's well-known test mnemonic: its account m/44'/60'/0' and first addresses are public vectors.
const phrase = 'test test test test test test test test test test test junk';
const mnemonic = Mnemonic.fromPhrase(phrase);
const account = HDNodeWallet.fromMnemonic(mnemonic, "m/44'/60'/0'");
const accountXpub =
  'xpub6Ce9NcJvTk36xtLSrJLZqE7wtgA5deCeYs7rSQtreh4cj6ByPtrg9sD7V2FNFLPnf8heNP3FGkeV9qwfzvZNSd54JoNXVsXFYSYwHsnJxqP';

function refusal(text: string): ChainKeyError {
  try {
    parseEvmAccountKey(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ChainKeyError);
    return error as ChainKeyError;
  }
  throw new Error('expected a refusal');
}

describe('parseEvmAccountKey', () => {
  it('reads an account xpub and derives the wallet addresses m/44/60/0/0/i', () => {
    expect(account.neuter().extendedKey).toBe(accountXpub);
    const key = parseEvmAccountKey(`  ${accountXpub}\n`);
    expect(key.depth).toBe(3);
    expect(key.xpub).toBe(accountXpub);
    expect(deriveEvmAddress(key, 0)).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(deriveEvmAddress(key, 1)).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
    expect(deriveEvmAddress(accountXpub, 2)).toBe('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
    for (const index of [5, 19, 1000]) {
      expect(deriveEvmAddress(key, index)).toBe(
        HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/0'/0/${index}`).address,
      );
    }
  });

  const secretCases: [string, string, ChainKeyError['code']][] = [
    ['an account xprv', account.extendedKey, 'private_key'],
    ['a 64-hex private key', Wallet.createRandom().privateKey.slice(2), 'private_key'],
    ['a 0x private key', Wallet.createRandom().privateKey, 'private_key'],
    ['a valid seed phrase', phrase, 'seed_phrase'],
    ['a 24-word phrase with a typo', `${'abandon '.repeat(23)}wrongword`, 'seed_phrase'],
  ];
  it.each(secretCases)('refuses %s without echoing it', (_label, secret, code) => {
    const error = refusal(secret);
    expect(error.code).toBe(code);
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain(secret.slice(4, 20));
    expect(error.message).not.toMatch(/test test|abandon/);
  });

  const badCases: [string, string, ChainKeyError['code']][] = [
    ['empty text', '   ', 'not_a_key'],
    ['garbage', 'hello world', 'not_a_key'],
    ['an address', '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', 'not_a_key'],
    [
      'an xpub with a wrong character',
      accountXpub.slice(0, 40) + (accountXpub[40] === 'a' ? 'b' : 'a') + accountXpub.slice(41),
      'not_a_key',
    ],
    ['a truncated xpub', accountXpub.slice(0, 100), 'not_a_key'],
    [
      'a zpub',
      'zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs',
      'wrong_network',
    ],
    [
      'a tpub',
      'tpubD6NzVbkrYhZ4XgiXtGrdW5XDAPFCL9h7we1vwNCpn8tGbBcgfVYjXyhWo4E1xkh56hjod1RhGjxbaTLV3X4FyWuejifB9jusQ46QzG87VKp',
      'wrong_network',
    ],
    ['text far too long', 'x'.repeat(5000), 'not_a_key'],
  ];
  it.each(badCases)('refuses %s', (_label, text, code) => {
    expect(refusal(text).code).toBe(code);
  });

  it('refuses a key that is not at the account level, saying which depth it is', () => {
    const change = HDNodeWallet.fromMnemonic(mnemonic, "m/44'/60'/0'/0").neuter().extendedKey;
    const error = refusal(change);
    expect(error.code).toBe('wrong_depth');
    expect(error.message).toContain('depth 4');
  });
});

describe('deriveEvmAddress', () => {
  it('refuses an index out of range', () => {
    expect(() => deriveEvmAddress(accountXpub, -1)).toThrow(ChainKeyError);
    expect(() => deriveEvmAddress(accountXpub, 2 ** 31)).toThrow(ChainKeyError);
    expect(() => deriveEvmAddress(accountXpub, 1.5)).toThrow(ChainKeyError);
  });
});

describe('isValidEvmAddress', () => {
  const cases: [string, boolean][] = [
    ['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', true],
    ['0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266', true],
    ['0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266', true],
    ['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92267', false], // one digit changed: bad checksum
    ['0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266', false], // one case flipped: bad checksum
    ['f39Fd6e51aad88F6F4ce6aB8827279cffFb92266', false],
    ['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb9226', false],
    ['0xg39fd6e51aad88f6f4ce6ab8827279cfffb92266', false],
    ['', false],
  ];
  it.each(cases)('%s → %s', (address, valid) => {
    expect(isValidEvmAddress(address)).toBe(valid);
  });
  it('gives the checksummed form', () => {
    expect(toChecksumAddress('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266')).toBe(
      '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    );
  });
});
