/**
 * The till's data folder is its own: the folder and every folder in it 0700, every file 0600,
 * whatever the umask the till was started with. Another user of the same computer can then read
 * neither the database (PIN hashes, sessions, every sale) nor the host token nor the device key.
 *
 * Three layers, so no file is ever readable by others even for a moment:
 * - the process umask is narrowed to 077 (`restrictUmask`) before anything is created, so files
 *   made later by any part of the core (product images, SQLite's -wal and -shm) start private;
 * - files this module makes are created with an explicit mode (`writePrivateFile`, `ensurePrivateFile`);
 * - at open, `secureDataDir` chmods the folder and everything already in it (a folder made by an
 *   older version, or restored from a backup with wide modes).
 */
import fs from 'node:fs';
import path from 'node:path';

export const privateDirMode = 0o700;
export const privateFileMode = 0o600;
/** Masks every permission bit of group and others. */
export const privateUmask = 0o077;

/**
 * Narrows the process umask to 077 (it only ever removes bits). Worker threads cannot change it;
 * there the explicit modes and chmods below still hold.
 */
export function restrictUmask(): void {
  try {
    const current = process.umask();
    if ((current & privateUmask) !== privateUmask) process.umask(current | privateUmask);
  } catch {
    // ERR_WORKER_UNSUPPORTED_OPERATION: a worker thread; modes are set explicitly instead.
  }
}

function chmodIfNeeded(target: string, stat: fs.Stats, mode: number): void {
  if ((stat.mode & 0o777) !== mode) fs.chmodSync(target, mode);
}

/**
 * What the till keeps in its data folder: the names it makes private at every start. Only these
 * are touched, so a folder given with --data-dir that also holds other things keeps them as they
 * are. (SQLite's -wal, -shm and -journal files go with the database's name.)
 */
export const privateFileNames: readonly RegExp[] = [
  /^tillpoint\.sqlite(-wal|-shm|-journal)?$/,
  /^host\.token$/,
  /^host\.json$/,
  /^device\.key(\.sealed)?$/,
  /\.tmp$/,
];
/** Folders of the till's own, made 0700 with every file in them 0600. */
export const privateFolderNames: readonly string[] = ['images', 'login-codes'];

function securePrivateTree(dir: string): void {
  chmodIfNeeded(dir, fs.lstatSync(dir), privateDirMode);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) securePrivateTree(child);
    else if (entry.isFile()) chmodIfNeeded(child, fs.lstatSync(child), privateFileMode);
  }
}

/**
 * Makes the data folder (0700) when missing, then makes it and the till's files in it private:
 * folders 0700, files 0600. Symbolic links are never followed (a link planted in the folder cannot
 * make the till chmod a file elsewhere).
 */
export function secureDataDir(dataDir: string): void {
  restrictUmask();
  fs.mkdirSync(dataDir, { recursive: true, mode: privateDirMode });
  const stat = fs.lstatSync(dataDir);
  if (!stat.isDirectory()) throw new Error(`The data folder ${dataDir} is not a folder.`);
  chmodIfNeeded(dataDir, stat, privateDirMode);
  for (const entry of fs.readdirSync(dataDir, { withFileTypes: true })) {
    const child = path.join(dataDir, entry.name);
    if (entry.isDirectory() && privateFolderNames.includes(entry.name)) securePrivateTree(child);
    else if (entry.isFile() && privateFileNames.some((pattern) => pattern.test(entry.name))) {
      chmodIfNeeded(child, fs.lstatSync(child), privateFileMode);
    }
  }
}

/** Makes a folder of the till's own inside the data folder (0700), e.g. `images`. */
export function ensurePrivateDir(dir: string): void {
  restrictUmask();
  fs.mkdirSync(dir, { recursive: true, mode: privateDirMode });
  chmodIfNeeded(dir, fs.lstatSync(dir), privateDirMode);
}

/** Creates `file` empty with mode 0600 when it does not exist, and makes it 0600 when it does. */
export function ensurePrivateFile(file: string): void {
  const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, privateFileMode);
  try {
    fs.fchmodSync(fd, privateFileMode);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `file` whole, atomically (a temp file renamed over it), readable by the owner only. */
export function writePrivateFile(file: string, data: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.writeFileSync(temp, data, { mode: privateFileMode, flag: 'wx' });
    fs.chmodSync(temp, privateFileMode);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** The mode bits of a file or folder (`0o600`...), for checks and tests. */
export function modeOf(target: string): number {
  return fs.statSync(target).mode & 0o777;
}
