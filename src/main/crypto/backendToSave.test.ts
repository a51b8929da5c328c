import { describe, expect, it } from 'vitest';
import { backendToSave } from './chainHandlers';

describe('backendToSave: a pinned Electrum certificate', () => {
  const pin = 'ab'.repeat(32);
  const server = { kind: 'electrum' as const, host: 'electrum.test', port: 50002, tls: true };
  const cases: [string, Parameters<typeof backendToSave>[0], Parameters<typeof backendToSave>[1], unknown][] =
    [
      [
        'kept when the same server is saved without one',
        { ...server, certSha256: pin },
        server,
        { ...server, certSha256: pin },
      ],
      ['removed when set to null', { ...server, certSha256: pin }, { ...server, certSha256: null }, server],
      [
        'replaced by a new one',
        { ...server, certSha256: pin },
        { ...server, certSha256: 'cd'.repeat(32) },
        { ...server, certSha256: 'cd'.repeat(32) },
      ],
      [
        'not carried to another host',
        { ...server, certSha256: pin },
        { ...server, host: 'other.test' },
        { ...server, host: 'other.test' },
      ],
      [
        'not carried to another port',
        { ...server, certSha256: pin },
        { ...server, port: 50001 },
        { ...server, port: 50001 },
      ],
      ['none before, none after', server, server, server],
      ['not from another kind of backend', { kind: 'esplora', url: 'https://e.test/api' }, server, server],
      [
        'other kinds saved as given',
        { ...server, certSha256: pin },
        { kind: 'esplora', url: 'https://e.test/api' },
        { kind: 'esplora', url: 'https://e.test/api' },
      ],
    ];
  it.each(cases)('%s', (_name, current, next, saved) => {
    expect(backendToSave(current, next)).toEqual(saved);
  });
});
