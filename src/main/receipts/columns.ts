/**
 * Fixed-column text layout for monospace receipts: display width (East Asian wide characters take two
 * columns), word wrapping, and "label ...... amount" pairs with the amount flush right.
 */

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf && codePoint !== 0x303f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
    (codePoint >= 0x1f900 && codePoint <= 0x1f9ff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

function graphemeWidth(grapheme: string): number {
  const codePoint = grapheme.codePointAt(0) ?? 0;
  return isWide(codePoint) ? 2 : 1;
}

function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (part) => part.segment);
}

/** Columns a string takes on a monospace printer. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const grapheme of splitGraphemes(text)) width += graphemeWidth(grapheme);
  return width;
}

export function padEndTo(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}

export function padStartTo(text: string, columns: number): string {
  return ' '.repeat(Math.max(0, columns - displayWidth(text))) + text;
}

/** Breaks one word that is wider than the line into pieces that fit. */
function breakWord(word: string, columns: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const grapheme of splitGraphemes(word)) {
    const width = graphemeWidth(grapheme);
    if (pieceWidth + width > columns && piece !== '') {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    piece += grapheme;
    pieceWidth += width;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** Word-wraps text to lines of at most `columns` columns (runs of white space become one space). */
export function wrapText(text: string, columns: number): string[] {
  const width = Math.max(1, columns);
  const words = text.split(/\s+/).filter((word) => word !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const pieces = displayWidth(word) > width ? breakWord(word, width) : [word];
    for (const piece of pieces) {
      if (line === '') {
        line = piece;
      } else if (displayWidth(line) + 1 + displayWidth(piece) <= width) {
        line = `${line} ${piece}`;
      } else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Each wrapped line centred in `columns` (no trailing spaces). */
export function centerText(text: string, columns: number): string[] {
  return wrapText(text, columns).map((line) => {
    const left = Math.floor((columns - displayWidth(line)) / 2);
    return ' '.repeat(Math.max(0, left)) + line;
  });
}

/** Narrowest room left for the label beside an amount before the amount moves to its own line. */
const minLabelColumns = 10;

/**
 * A label with an amount flush right on its first line, e.g. `Flat white             $9.00`. The label
 * wraps in the room left of the amount; when the amount is too wide to share a line, the label takes full
 * lines and the amount follows on its own line, flush right.
 */
export function formatPair(left: string, right: string, columns: number, indent = 0): string[] {
  const prefix = ' '.repeat(indent);
  const room = columns - indent;
  if (right === '') return wrapText(left, room).map((line) => (prefix + line).trimEnd());
  const rightWidth = displayWidth(right);
  if (left === '') return wrapText(right, columns).map((line) => padStartTo(line, columns));
  const leftRoom = room - rightWidth - 1;
  if (leftRoom < minLabelColumns) {
    const rightLines = wrapText(right, columns).map((line) => padStartTo(line, columns));
    return [...wrapText(left, room).map((line) => prefix + line), ...rightLines];
  }
  const [first = '', ...rest] = wrapText(left, leftRoom);
  return [`${prefix}${padEndTo(first, leftRoom)} ${right}`, ...rest.map((line) => prefix + line)];
}
