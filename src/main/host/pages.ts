/**
 * The app's HTML pages as the host serves them. The build links its assets relatively
 * (`./assets/…`), which the Electron shell needs for file:// pages; over HTTP a client-side route
 * such as /settings/store would then ask for /settings/assets/…. The host rewrites the page's own
 * asset links to absolute ones once, at start, so every route loads the same files.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Turns `src="./x"` / `href="./x"` into `src="/x"` / `href="/x"`; leaves every other link alone. */
export function absoluteAssetLinks(html: string): string {
  return html.replace(/(?<=\s)(src|href)="\.\/(?!\.)/g, '$1="/');
}

export interface AppPages {
  readonly index: string;
  readonly display: string | null;
}

export function loadAppPages(rendererDir: string): AppPages {
  const read = (name: string) => {
    const file = path.join(rendererDir, name);
    return fs.existsSync(file) ? absoluteAssetLinks(fs.readFileSync(file, 'utf8')) : null;
  };
  const index = read('index.html');
  if (index === null) throw new Error(`No index.html in ${rendererDir}`);
  return { index, display: read('display.html') };
}

/** A client-side route (/checkout, /settings/store) rather than a missing file (/assets/x.js). */
export function isAppRoute(url: string): boolean {
  const pathname = url.split('?')[0] ?? '';
  if (pathname === '/api' || pathname.startsWith('/api/')) return false;
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !last.includes('.');
}
