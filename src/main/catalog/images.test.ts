import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imageMaxBytes } from '../../shared/api/catalog';
import { expectApiError, openCatalogTill, type CatalogTill } from './catalogTestKit';
import { decodeBase64Strict, sniffImageType } from './images';

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = Buffer.from([...pngSignature, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

describe('sniffImageType', () => {
  it.each([
    ['a PNG', png, 'image/png'],
    ['a JPEG', jpeg, 'image/jpeg'],
    ['a WebP', webp, 'image/webp'],
    ['a GIF', Buffer.from('GIF89a......'), null],
    [
      'a RIFF that is not WebP (WAV)',
      Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 0, 0, 0]), Buffer.from('WAVE')]),
      null,
    ],
    ['a truncated PNG signature', Buffer.from(pngSignature.slice(0, 5)), null],
    ['nothing', Buffer.alloc(0), null],
    ['text', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), null],
  ])('%s → %s', (_what, bytes, expected) => {
    expect(sniffImageType(bytes)).toBe(expected);
  });
});

describe('decodeBase64Strict', () => {
  it('decodes base64 with line breaks', () => {
    expect(decodeBase64Strict('aGVs\nbG8=')).toEqual(Buffer.from('hello'));
  });
  it.each(['aGVsbG8', 'aGVs*G8=', 'data:image/png;base64,aGVsbG8='])('refuses %j', (text) => {
    expect(() => decodeBase64Strict(text)).toThrow(/not valid base64/);
  });
});

describe('product images', () => {
  let till: CatalogTill;
  let productId: string;
  beforeEach(async () => {
    till = await openCatalogTill();
    productId = (await till.saveProduct({ name: 'Mug', variants: [{ sku: 'MUG' }] })).id;
  });
  afterEach(() => till.close());

  const setImage = (mimeType: 'image/png' | 'image/jpeg' | 'image/webp', bytes: Buffer) =>
    till.core.call(
      'catalog.setImage',
      { productId, mimeType, dataBase64: bytes.toString('base64') },
      till.session,
    );

  it('stores the image under its hash and returns it as a data URL', async () => {
    const { product } = await setImage('image/png', png);
    const sha256 = createHash('sha256').update(png).digest('hex');
    expect(product.image).toEqual({ sha256, mimeType: 'image/png' });
    expect(fs.readFileSync(path.join(till.dir, 'images', `${sha256}.png`))).toEqual(png);
    const { dataUrl } = await till.core.call('catalog.image', { productId }, till.session);
    expect(dataUrl).toBe(`data:image/png;base64,${png.toString('base64')}`);

    const replaced = await setImage('image/webp', webp);
    expect(replaced.product.image?.mimeType).toBe('image/webp');
    const again = await till.core.call('catalog.image', { productId }, till.session);
    expect(again.dataUrl.startsWith('data:image/webp;base64,UklGR')).toBe(true);
    expect(till.announced.at(-1)).toEqual([productId]);
  });

  it('accepts exactly 2 MB and refuses one byte more', async () => {
    const atLimit = Buffer.alloc(imageMaxBytes, 7);
    jpeg.copy(atLimit);
    await expect(setImage('image/jpeg', atLimit)).resolves.toBeTruthy();
    const overLimit = Buffer.alloc(imageMaxBytes + 1, 7);
    jpeg.copy(overLimit);
    const error = await expectApiError(setImage('image/jpeg', overLimit), 'bad_input');
    expect(error.message).toBe(
      `The image is ${imageMaxBytes + 1} bytes; the limit is 2 MB (${imageMaxBytes} bytes).`,
    );
  });

  it.each([
    ['a JPEG sent as PNG', 'image/png', jpeg, 'The image was sent as image/png but it is image/jpeg.'],
    ['a GIF sent as PNG', 'image/png', Buffer.from('GIF89a......'), /it is not a PNG, JPEG or WebP image/],
    ['a PNG sent as WebP', 'image/webp', png, 'The image was sent as image/webp but it is image/png.'],
  ] as const)('refuses %s and keeps the old image', async (_what, mimeType, bytes, message) => {
    await setImage('image/png', png);
    const error = await expectApiError(setImage(mimeType, bytes), 'bad_input');
    expect(error.message).toMatch(message);
    const { product } = await till.core.call('catalog.product', { productId }, till.session);
    expect(product.image?.mimeType).toBe('image/png');
  });

  it('refuses bad base64, an unknown type, and a product with no image', async () => {
    await expectApiError(
      till.core.call(
        'catalog.setImage',
        { productId, mimeType: 'image/png', dataBase64: '%%%%' },
        till.session,
      ),
      'bad_input',
    );
    await expectApiError(
      till.core.call(
        'catalog.setImage',
        { productId, mimeType: 'image/gif' as 'image/png', dataBase64: png.toString('base64') },
        till.session,
      ),
      'bad_input',
    );
    const error = await expectApiError(
      till.core.call('catalog.image', { productId }, till.session),
      'not_found',
    );
    expect(error.message).toBe('Product "Mug" has no image.');
    expect(fs.existsSync(path.join(till.dir, 'images'))).toBe(false);
  });
});
