/**
 * For tests: the strings drawn by each text operator of an uncompressed pdfkit PDF whose fonts are
 * embedded (resources/fonts). pdfkit draws an embedded font's text as hex glyph ids in `[...] TJ`;
 * each font's ToUnicode CMap (a `beginbfrange` of 256-glyph chunks) turns them back into text. The
 * font in use is followed through the `/Fn size Tf` operators, in the order the file holds them.
 */

/** Glyph id → text, from one ToUnicode CMap stream. */
function parseToUnicode(cmap: string): Map<number, string> {
  const glyphs = new Map<number, string>();
  for (const range of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
    const start = parseInt(range[1] ?? '0', 16);
    const values = Array.from((range[3] ?? '').matchAll(/<([0-9a-f ]*)>/gi), (value) =>
      String.fromCharCode(...(value[1] ?? '').split(' ').map((unit) => parseInt(unit, 16))),
    );
    values.forEach((text, offset) => glyphs.set(start + offset, text));
  }
  return glyphs;
}

export function drawnTexts(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const object of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    objects.set(object[1] ?? '', object[2] ?? '');
  }
  // Font resource names (F1, F2, …) → the ToUnicode map of the font object they name.
  const fonts = new Map<string, Map<number, string>>();
  for (const entry of source.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const fontObject = objects.get(entry[2] ?? '') ?? '';
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(fontObject)?.[1];
    if (toUnicode !== undefined) fonts.set(entry[1] ?? '', parseToUnicode(objects.get(toUnicode) ?? ''));
  }
  const texts: string[] = [];
  let current = new Map<number, string>();
  for (const match of source.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>(?:\s+-?[\d.]+)?\s*)+)\]\s*TJ/g)) {
    if (match[1] !== undefined) {
      current = fonts.get(match[1]) ?? new Map();
      continue;
    }
    texts.push(
      Array.from((match[2] ?? '').matchAll(/<([0-9a-f]*)>/g), (hex) =>
        Array.from(
          (hex[1] ?? '').matchAll(/[0-9a-f]{4}/g),
          (glyph) => current.get(parseInt(glyph[0], 16)) ?? '',
        ).join(''),
      ).join(''),
    );
  }
  return texts;
}
