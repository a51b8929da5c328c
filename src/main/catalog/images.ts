/**
 * Product images: checked by their first bytes (not by what the client claims), at most 2 MB, and
 * stored once per content under `<dataDir>/images/<sha256>.<ext>`; the product keeps the hash.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TillpointError } from '../../shared/api/errors';
import { imageMaxBytes, type ImageMimeType, type Product } from '../../shared/api/catalog';
import { type CatalogContext } from './context';
import { getProduct } from './reads';

export const imageExtensions: Readonly<Record<ImageMimeType, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

/** The format the bytes are in, by their signature, or null when none of ours. */
export function sniffImageType(bytes: Uint8Array): ImageMimeType | null {
  const starts = (signature: readonly number[], at = 0) =>
    bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF <4-byte size> WEBP
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** Decodes strict base64 (whitespace allowed between groups); anything else is refused. */
export function decodeBase64Strict(text: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    throw new TillpointError('bad_input', 'The image data is not valid base64.', {});
  }
  return Buffer.from(compact, 'base64');
}

/** Checks image bytes against the claimed type and the size limit; throws 'bad_input' saying what is wrong. */
export function checkImage(bytes: Uint8Array, mimeType: ImageMimeType): void {
  if (bytes.length === 0) throw new TillpointError('bad_input', 'The image is empty.', {});
  if (bytes.length > imageMaxBytes) {
    throw new TillpointError(
      'bad_input',
      `The image is ${bytes.length} bytes; the limit is 2 MB (${imageMaxBytes} bytes).`,
      { sizeBytes: bytes.length, maxBytes: imageMaxBytes },
    );
  }
  const actual = sniffImageType(bytes);
  if (actual !== mimeType) {
    const seen = actual ? `it is ${actual}` : 'it is not a PNG, JPEG or WebP image';
    throw new TillpointError('bad_input', `The image was sent as ${mimeType} but ${seen}.`, {
      mimeType,
      detected: actual,
    });
  }
}

function imagesDir(ctx: CatalogContext): string {
  return path.join(ctx.deps.dataDir, 'images');
}

/** Validates, stores (once per content) and attaches an image to a product. */
export function setImage(
  ctx: CatalogContext,
  input: { productId: string; mimeType: ImageMimeType; dataBase64: string },
  staffId: string | null,
): Product {
  const { db } = ctx.deps;
  getProduct(db, input.productId);
  const bytes = decodeBase64Strict(input.dataBase64);
  checkImage(bytes, input.mimeType);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const dir = imagesDir(ctx);
  const file = path.join(dir, `${sha256}.${imageExtensions[input.mimeType]}`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    // Written under a temporary name and renamed, so a crash never leaves half an image under its hash.
    const temporary = `${file}.${process.pid}.${ctx.newId()}.tmp`;
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, file);
  }
  const product = db.transaction(() => {
    const now = ctx.nowIso();
    db.prepare(
      'UPDATE catalog_products SET image_sha256 = ?, image_mime_type = ?, updated_at = ?, updated_by = ? WHERE id = ?',
    ).run(sha256, input.mimeType, now, staffId, input.productId);
    return getProduct(db, input.productId);
  })();
  ctx.announce([input.productId]);
  return product;
}

/** The product image as a `data:` URL. */
export function imageDataUrl(ctx: CatalogContext, productId: string): string {
  const product = getProduct(ctx.deps.db, productId);
  if (!product.image) {
    throw new TillpointError('not_found', `Product "${product.name}" has no image.`, { productId });
  }
  const file = path.join(
    imagesDir(ctx),
    `${product.image.sha256}.${imageExtensions[product.image.mimeType]}`,
  );
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new TillpointError(
      'not_found',
      `The image file of product "${product.name}" is missing from ${file}.`,
      {
        productId,
        file,
      },
    );
  }
  return `data:${product.image.mimeType};base64,${bytes.toString('base64')}`;
}
