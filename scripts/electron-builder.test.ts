/**
 * The installer's configuration (electron-builder.yml), checked without building an installer
 * (which needs Electron's binary and the network): it is valid against electron-builder's own JSON
 * schema; every icon, sound and file it names exists in the right size and format (read from the
 * bytes: PNG, ICO, ICNS headers, WAV's RIFF header); and its `files` globs, applied to the built
 * out/ tree as electron-builder applies them (the last pattern that matches decides), pack the main,
 * preload and renderer builds and the Electron-ABI better-sqlite3, and no test file or source map
 * (checked once against a real `electron-builder --dir` run with a stand-in Electron, which packed
 * exactly these).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { minimatch } from 'minimatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { imageSizes, pngSize, wavFormat } from './packaging/imageFormats';

const root = path.resolve(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(root, file));

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  directories: { buildResources: string; output: string };
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string; entitlements: string; entitlementsInherit: string };
  win: { target: string[]; icon: string };
  nsis: { installerIcon: string; uninstallerIcon: string };
  [key: string]: unknown;
}

const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/**
 * electron-builder's `files` semantics: a path is packed when the last pattern matching it is not a
 * "!". The production dependencies (node_modules) are added by electron-builder itself, so there the
 * patterns can only take files away.
 */
function packaged(patterns: readonly string[], files: readonly string[]): string[] {
  return files.filter((file) => {
    let included = file.startsWith('node_modules/');
    for (const pattern of patterns) {
      const negated = pattern.startsWith('!');
      if (minimatch(file, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated;
    }
    return included;
  });
}

function listFiles(dir: string): string[] {
  const absolute = path.join(root, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's schema (app-builder-lib/scheme.json), which refuses a typo", () => {
    const schema = JSON.parse(read('node_modules/app-builder-lib/scheme.json').toString('utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ ...config, prodcutName: 'Tillpoint' })).toBe(false);
    expect(validate({ ...config, nsis: { ...config.nsis, oneClick: 'no' } })).toBe(false);
  });

  it('names the app, and targets AppImage + deb, dmg and NSIS', () => {
    expect(config.appId).toBe('app.tillpoint.pos');
    expect(config.productName).toBe('Tillpoint');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    // better-sqlite3 for Electron comes from scripts/electron-native.cjs, not a rebuild in node_modules.
    expect(config.npmRebuild).toBe(false);
  });

  it('keeps no secret: signing and notarisation come from the environment', () => {
    const text = read('electron-builder.yml').toString('utf8');
    expect(text).not.toMatch(
      /^\s*(cscLink|cscKeyPassword|certificatePassword|certificateFile|password)\s*:/m,
    );
    expect(text).not.toMatch(/-----BEGIN|\.p12\b|\.pfx\b/);
  });
});

describe('the icons and sounds it names', () => {
  it('Linux: a PNG per size in the icons folder, each as big as its name says', () => {
    const dir = config.linux.icon;
    const sizes = fs.readdirSync(path.join(root, dir)).map((name) => {
      const match = /^(\d+)x(\d+)\.png$/.exec(name);
      expect(match, name).not.toBeNull();
      const size = pngSize(read(`${dir}/${name}`));
      expect(size).toEqual({ width: Number(match?.[1]), height: Number(match?.[2]) });
      return size.width;
    });
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256, 512, 1024]);
  });

  it('Windows: an .ico holding 16 to 256 px, for the app and the NSIS installer', () => {
    for (const file of [config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon]) {
      expect(imageSizes(read(file))).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]));
    }
  });

  it('macOS: an .icns up to 1024 px, and the hardened runtime entitlements', () => {
    expect(imageSizes(read(config.mac.icon))).toEqual(expect.arrayContaining([16, 32, 128, 256, 512, 1024]));
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const plist = read(file).toString('utf8');
      expect(plist).toMatch(/^<\?xml/);
      expect(plist).toContain('<key>com.apple.security.cs.allow-jit</key>');
    }
  });

  it('the build resources: icon.png 1024 px, tray icons 16 and 32 px', () => {
    const res = config.directories.buildResources;
    expect(pngSize(read(`${res}/icon.png`))).toEqual({ width: 1024, height: 1024 });
    for (const name of ['trayTemplate', 'tray']) {
      expect(pngSize(read(`${res}/tray/${name}.png`))).toEqual({ width: 16, height: 16 });
      expect(pngSize(read(`${res}/tray/${name}@2x.png`))).toEqual({ width: 32, height: 32 });
    }
  });

  it.each(['paid', 'declined', 'attention'])(
    'sound %s: 16-bit PCM WAV, short, with its licence beside it',
    (name) => {
      const format = wavFormat(read(`resources/sounds/${name}.wav`));
      expect(format).toMatchObject({ audioFormat: 1, bitsPerSample: 16, channels: 1, sampleRate: 44_100 });
      expect(format.seconds).toBeGreaterThan(0.2);
      expect(format.seconds).toBeLessThan(1.5);
      expect(read('resources/sounds/LICENSE.md').toString('utf8')).toContain(`${name}.wav`);
    },
  );

  it('the receipt fonts are packed with their licence', () => {
    const fonts = listFiles('resources/fonts');
    const packedFonts = packaged(config.files, fonts);
    expect(packedFonts).toContain('resources/fonts/DejaVuSans.ttf');
    expect(packedFonts).toContain('resources/fonts/LICENSE-DejaVu.txt');
  });
});

describe('the packaged file list', () => {
  let built: string[] = [];

  beforeAll(() => {
    if (!fs.existsSync(path.join(root, 'out/main/index.js'))) {
      execFileSync(
        process.execPath,
        [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
        {
          cwd: root,
          stdio: 'ignore',
        },
      );
    }
    built = listFiles('out');
  }, 120_000);

  const native = 'native/electron/better_sqlite3.node';
  // Things that must never be packed, whether or not this tree has them today.
  const bait = [
    'out/main/index.js.map',
    'out/renderer/assets/index-abc.js.map',
    'out/main/chunks/cart.test.js',
    'out/test/e2e/sounds.spec.js',
    'src/main/index.ts',
    'test/e2e/fixtures.ts',
    'scripts/electron-builder.test.ts',
    'native/electron/electron-version.txt',
    'bench/run.ts',
    // better-sqlite3 built for Node: the app must load the Electron build, never this one.
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    'node_modules/better-sqlite3/build/Release/test_extension.node',
    'node_modules/react-dom/cjs/react-dom.production.js',
  ];

  it('packs the built main, preload and renderer, with the sounds', () => {
    const files = packaged(config.files, built);
    expect(files).toEqual(expect.arrayContaining(['out/main/index.js', 'out/preload/index.cjs']));
    expect(files).toEqual(expect.arrayContaining(['out/renderer/index.html', 'out/renderer/display.html']));
    for (const sound of ['paid', 'declined', 'attention']) {
      expect(
        files.some((file) => new RegExp(`^out/renderer/assets/${sound}-[\\w-]+\\.wav$`).test(file)),
      ).toBe(true);
    }
    expect(files.length).toBe(built.filter((file) => !file.endsWith('.map')).length);
  });

  it('packs the Electron-ABI better-sqlite3, unpacked from the asar archive where the shell loads it', () => {
    expect(packaged(config.files, [...built, native])).toContain(native);
    expect(config.asarUnpack.some((pattern) => minimatch(native, pattern))).toBe(true);
    // When this machine built it (npm run rebuild:electron), it is for Electron, not for Node.
    const stamp = path.join(root, 'native/electron/electron-version.txt');
    if (fs.existsSync(stamp)) expect(fs.readFileSync(stamp, 'utf8')).toMatch(/^electron \d+/);
  });

  it("packs better-sqlite3's code but only the Electron build of its native module", () => {
    const files = packaged(config.files, [
      native,
      'node_modules/better-sqlite3/lib/database.js',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    ]);
    expect(files).toEqual([native, 'node_modules/better-sqlite3/lib/database.js']);
  });

  it('packs no test file, no source map and no source', () => {
    expect(packaged(config.files, bait)).toEqual([]);
    const files = packaged(config.files, [...built, ...bait]);
    expect(files.filter((file) => /\.map$|\.(test|spec)\.[cm]?[jt]sx?$|^(src|test)\//.test(file))).toEqual(
      [],
    );
  });
});
