/** Where a till keeps its data when no --data-dir is given: the user's app-data folder. */
import os from 'node:os';
import path from 'node:path';

/** The same folder Electron's app.getPath('userData') gives for an app named Tillpoint. */
export function defaultDataDir(
  options: { demo: boolean },
  env = process.env,
  platform = process.platform,
): string {
  const name = options.demo ? 'Tillpoint Demo' : 'Tillpoint';
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', name);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), name);
}
