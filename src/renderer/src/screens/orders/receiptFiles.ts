/**
 * Receipt files, pure: the name a saved receipt gets, and the PDF's base64 (as receipts.render
 * returns it) turned into bytes for a Blob.
 */

/** `receipt-42.pdf` for order number 42. */
export function receiptFileName(orderNumber: number, extension = 'pdf'): string {
  return `receipt-${orderNumber}.${extension}`;
}

/** Decodes standard base64 (padding optional, whitespace ignored); throws on any other character. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const clean = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    throw new Error('The receipt file is not valid base64.');
  }
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
