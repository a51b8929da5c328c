import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const { preflight } = createRequire(__filename)('./dist.cjs') as {
  preflight: (fetch: () => string | null) => string | null;
};

describe('npm run dist, before it builds anything', () => {
  it("goes on when Electron's binary is there (or was just fetched)", () => {
    expect(preflight(() => null)).toBeNull();
  });

  it("stops with one line when Electron's binary cannot be downloaded", () => {
    const line = preflight(() => 'getaddrinfo ENOTFOUND github.com');
    expect(line).not.toBeNull();
    expect(line).not.toContain('\n');
    expect(line).toMatch(
      /^npm run dist: cannot build an installer here: Electron \d+\.\d+\.\d+'s binary could not/,
    );
    expect(line).toContain('(getaddrinfo ENOTFOUND github.com)');
    expect(line).toContain('ELECTRON_MIRROR');
  });
});
