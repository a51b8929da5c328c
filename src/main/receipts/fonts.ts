/**
 * The fonts the PDF receipts embed, from resources/fonts/ (DejaVu 2.37, Bitstream Vera licence), so a
 * receipt prints the same on every till whatever fonts the machine has. The built-in PDF fonts
 * (Helvetica, Courier) are never used: their look depends on the reader that substitutes them.
 *
 * The printed HTML receipt gets the same fonts: the desktop app's printer adds
 * `receiptFontFaceCss()` (the fonts as data: URLs, which the receipt page's CSP allows) to the page
 * before it prints, so the print does not depend on the fonts the till has either.
 *
 * The folder is found by walking up from this module: src/main/receipts in tests, out/main once
 * built, app.asar/out/main inside the installed app (resources/fonts is packed beside out/).
 */
import fs from 'node:fs';
import path from 'node:path';

export const receiptFontFiles = {
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  sansOblique: 'DejaVuSans-Oblique.ttf',
  mono: 'DejaVuSansMono.ttf',
  monoBold: 'DejaVuSansMono-Bold.ttf',
} as const;

export type ReceiptFont = keyof typeof receiptFontFiles;

/** The names the receipt's drawing code selects with `doc.font(name)`. */
export const receiptFont: Record<ReceiptFont, string> = {
  sans: 'Receipt-Sans',
  sansBold: 'Receipt-Sans-Bold',
  sansOblique: 'Receipt-Sans-Oblique',
  mono: 'Receipt-Mono',
  monoBold: 'Receipt-Mono-Bold',
};

/** resources/fonts, searched from `start` upwards; throws when it is nowhere above. */
export function findReceiptFontsDir(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, 'resources', 'fonts');
    if (fs.existsSync(path.join(candidate, receiptFontFiles.sans))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`The receipt fonts (resources/fonts) are not above ${start}.`);
    dir = parent;
  }
}

let cache: Map<ReceiptFont, Buffer> | null = null;

function fontBytes(): Map<ReceiptFont, Buffer> {
  if (!cache) {
    const dir = findReceiptFontsDir();
    cache = new Map(
      (Object.keys(receiptFontFiles) as ReceiptFont[]).map((font) => [
        font,
        fs.readFileSync(path.join(dir, receiptFontFiles[font])),
      ]),
    );
  }
  return cache;
}

/** Registers the receipt fonts on a document (read from disk once per process). */
export function registerReceiptFonts(doc: PDFKit.PDFDocument): void {
  for (const [font, bytes] of fontBytes()) doc.registerFont(receiptFont[font], bytes);
}

/** The CSS families the HTML receipt names first (htmlStyles.ts), by font. */
const fontFaces: Record<ReceiptFont, { family: string; weight: 400 | 700; style: 'normal' | 'italic' }> = {
  sans: { family: 'DejaVu Sans', weight: 400, style: 'normal' },
  sansBold: { family: 'DejaVu Sans', weight: 700, style: 'normal' },
  sansOblique: { family: 'DejaVu Sans', weight: 400, style: 'italic' },
  mono: { family: 'DejaVu Sans Mono', weight: 400, style: 'normal' },
  monoBold: { family: 'DejaVu Sans Mono', weight: 700, style: 'normal' },
};

let faceCss: string | null = null;

/** `@font-face` rules for the HTML receipt, each font inlined as a data: URL (built once). */
export function receiptFontFaceCss(): string {
  faceCss ??= Array.from(fontBytes(), ([font, bytes]) => {
    const face = fontFaces[font];
    return (
      `@font-face{font-family:"${face.family}";font-weight:${face.weight};font-style:${face.style};` +
      `src:url(data:font/ttf;base64,${bytes.toString('base64')}) format("truetype")}`
    );
  }).join('\n');
  return faceCss;
}

/** The receipt page with the fonts inlined (before its </head>), ready to print anywhere. */
export function withReceiptFonts(html: string): string {
  const at = html.indexOf('</head>');
  if (at < 0) return html;
  return `${html.slice(0, at)}<style>${receiptFontFaceCss()}</style>${html.slice(at)}`;
}
