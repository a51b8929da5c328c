/**
 * The output descriptor checksum of BIP-380 (as Bitcoin Core computes it for `getdescriptorinfo`
 * and checks it in `importdescriptors`).
 */
const inputCharset =
  '0123456789()[],\'/*abcdefgh@:$%{}IJKLMNOPQRSTUVWXYZ&+-.;<=>?!^_|~ijklmnopqrstuvwxyzABCDEFGH`#"\\ ';
const checksumCharset = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const generators = [0xf5dee51989n, 0xa9fdca3312n, 0x1bab10e32dn, 0x3706b1677an, 0x644d626ffdn];

function polymod(c: bigint, value: number): bigint {
  const c0 = c >> 35n;
  let next = ((c & 0x7ffffffffn) << 5n) ^ BigInt(value);
  generators.forEach((generator, i) => {
    if ((c0 >> BigInt(i)) & 1n) next ^= generator;
  });
  return next;
}

/** The 8-character checksum of a descriptor (without `#…`), or null if it has a character outside the set. */
export function descriptorChecksum(descriptor: string): string | null {
  let c = 1n;
  let cls = 0;
  let clsCount = 0;
  for (const ch of descriptor) {
    const pos = inputCharset.indexOf(ch);
    if (pos < 0) return null;
    c = polymod(c, pos & 31);
    cls = cls * 3 + (pos >> 5);
    clsCount += 1;
    if (clsCount === 3) {
      c = polymod(c, cls);
      cls = 0;
      clsCount = 0;
    }
  }
  if (clsCount > 0) c = polymod(c, cls);
  for (let j = 0; j < 8; j += 1) c = polymod(c, 0);
  c ^= 1n;
  let out = '';
  for (let j = 0; j < 8; j += 1) out += checksumCharset[Number((c >> BigInt(5 * (7 - j))) & 31n)];
  return out;
}
