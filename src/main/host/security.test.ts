import { describe, expect, it } from 'vitest';
import { browserHostFor, isLoopbackAddress, isLoopbackHostHeader } from './security';

describe('host security rules', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.168.1.20', false],
    ['10.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['', false],
    [undefined, false],
  ])('loopback address %s → %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });

  it.each([
    ['127.0.0.1:4319', true],
    ['localhost:4319', true],
    ['[::1]:4319', true],
    ['localhost', true],
    ['evil.example', false],
    ['127.0.0.1.evil.example:4319', false],
    ['tillpoint.local:4319', false],
    [undefined, false],
  ])('loopback Host header %s → %s', (host, expected) => {
    expect(isLoopbackHostHeader(host)).toBe(expected);
  });

  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['0.0.0.0', '127.0.0.1'],
    ['::', '[::1]'],
    ['::1', '[::1]'],
    ['192.168.1.20', '192.168.1.20'],
  ])('the browser opens a host listening on %s at %s', (listen, expected) => {
    expect(browserHostFor(listen)).toBe(expected);
  });
});
