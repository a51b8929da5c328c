/**
 * Imports run one way: the kernel knows no domain; a domain reaches the kernel through its index
 * only and never the composition root (src/main/core), which only doors and tests import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const mainDir = path.resolve(import.meta.dirname, '..');
const doors = new Set(['core', 'host', 'shell', 'kernel']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/from '([^']+)'/g)].map((match) => match[1] as string);
}

const isTest = (file: string) => /\.test\.tsx?$|TestKit\.ts$|testSupport\.ts$/.test(file);

describe('imports run one way', () => {
  it('the kernel imports no domain and not the composition root', () => {
    const offenders = sourceFiles(path.join(mainDir, 'kernel'))
      .filter((file) => !isTest(file))
      .flatMap((file) =>
        importsOf(file)
          .filter(
            (spec) =>
              spec.startsWith('..') && !/^(\.\.\/)+shared\//.test(spec) && !spec.includes('package.json'),
          )
          .filter((spec) => !path.resolve(path.dirname(file), spec).startsWith(path.join(mainDir, 'kernel')))
          .map((spec) => `${path.relative(mainDir, file)} → ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('domains reach the kernel through its index, and never the composition root', () => {
    const domains = fs
      .readdirSync(mainDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !doors.has(entry.name))
      .map((entry) => entry.name);
    const offenders = domains.flatMap((domain) =>
      sourceFiles(path.join(mainDir, domain))
        .filter((file) => !isTest(file))
        .flatMap((file) =>
          importsOf(file)
            .filter((spec) => /(^|\/)core(\/|$)/.test(spec) || /(^|\/)kernel\/./.test(spec))
            .map((spec) => `${path.relative(mainDir, file)} → ${spec}`),
        ),
    );
    expect(offenders).toEqual([]);
  });
});
