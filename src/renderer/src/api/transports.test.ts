import { describe, expect, it } from 'vitest';
import { takeLoginCode } from './transports';

describe('the login link', () => {
  it.each([
    ['/login', '#abcdefghijklmnopqrstuvwxyz012345', 'abcdefghijklmnopqrstuvwxyz012345'],
    ['/login', '#code=abcdefghijklmnopqrstuvwxyz012345', 'abcdefghijklmnopqrstuvwxyz012345'],
    ['/login', '', null],
  ])('%s%s gives the code %s and leaves the address at /', (pathname, hash, expected) => {
    const replaced: string[] = [];
    expect(takeLoginCode({ pathname, hash }, (url) => replaced.push(url))).toBe(expected);
    expect(replaced).toEqual(['/']);
  });

  it.each([['/'], ['/checkout'], ['/display.html']])('leaves %s alone', (pathname) => {
    const replaced: string[] = [];
    expect(takeLoginCode({ pathname, hash: '#x' }, (url) => replaced.push(url))).toBeNull();
    expect(replaced).toEqual([]);
  });
});
