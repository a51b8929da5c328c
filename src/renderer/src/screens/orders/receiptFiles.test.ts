import { describe, expect, it } from 'vitest';
import { base64ToBytes, receiptFileName } from './receiptFiles';

describe('receiptFileName', () => {
  it.each([
    [1, 'pdf', 'receipt-1.pdf'],
    [1042, 'pdf', 'receipt-1042.pdf'],
    [7, 'html', 'receipt-7.html'],
  ])('order %i as %s → %s', (number, extension, expected) => {
    expect(receiptFileName(number, extension)).toBe(expected);
  });
});

describe('base64ToBytes', () => {
  it.each([
    ['', []],
    ['JVBERi0=', [0x25, 0x50, 0x44, 0x46, 0x2d]],
    ['JVBERi0', [0x25, 0x50, 0x44, 0x46, 0x2d]],
    ['AAEC\n/w==', [0, 1, 2, 255]],
  ])('%j', (text, bytes) => {
    expect(Array.from(base64ToBytes(text))).toEqual(bytes);
  });

  it.each(['%%%', 'A', 'AB=C'])('refuses %j', (text) => {
    expect(() => base64ToBytes(text)).toThrow(/base64/);
  });
});
