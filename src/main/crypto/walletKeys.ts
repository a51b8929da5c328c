/**
 * Watch-only: what the owner pastes as a wallet must be an extended PUBLIC key. A private key (xprv,
 * yprv, zprv, tprv, uprv, vprv, a raw 32-byte hex key, WIF) or a seed phrase is refused with a clear
 * message; the refusal never repeats what was pasted (the dispatcher and the logs never see it again).
 */
import { TillpointError } from '../../shared/api/errors';

const privateExtended = /^\s*[xyztuvYZUV]prv[1-9A-HJ-NP-Za-km-z]{20,}\s*$/;
const rawHexKey = /^\s*(0x)?[0-9a-fA-F]{64}\s*$/;
const wif = /^\s*[5KLc9][1-9A-HJ-NP-Za-km-z]{50,51}\s*$/;

/** Whether the text looks like a seed phrase: 12 to 24 words of lower-case letters. */
export function looksLikeSeedPhrase(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length >= 12 && words.length <= 25 && words.every((w) => /^[a-z]{3,8}$/.test(w));
}

export function privateKeyKind(text: string): 'extended' | 'raw' | 'wif' | 'seed' | null {
  if (privateExtended.test(text)) return 'extended';
  if (rawHexKey.test(text)) return 'raw';
  if (wif.test(text)) return 'wif';
  if (looksLikeSeedPhrase(text)) return 'seed';
  return null;
}

export function refusePrivateKey(text: string): void {
  const kind = privateKeyKind(text);
  if (kind === null) return;
  const what =
    kind === 'seed' ? 'a seed phrase' : kind === 'extended' ? 'an extended PRIVATE key' : 'a private key';
  throw new TillpointError(
    'bad_input',
    `That is ${what}: this till watches only and never takes one. It was not stored. Paste the account's extended ` +
      `PUBLIC key instead (xpub, zpub, tpub or vpub: in the wallet app, "export account public key").`,
    { reason: 'private_key_refused' },
  );
}
