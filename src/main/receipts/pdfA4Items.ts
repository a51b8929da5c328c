/**
 * The top of the A4 receipt: the store and document header, the status stamp, and the items table (its
 * header row repeats at the top of every page the table runs onto).
 */
import {
  type A4Cursor,
  colors,
  contentLeftPt,
  contentRightPt,
  contentWidthPt,
  fonts,
  horizontalRule,
  textAt,
  textHeight,
} from './pdfA4Frame';
import { type ReceiptView, type ViewItem } from './view';

type Doc = PDFKit.PDFDocument;

const cellPaddingPt = 6;
const rowPaddingPt = 5;

/** Item | Qty | Unit price | Discount | Amount, as offsets from the content's left edge. */
const tableColumns = [
  { key: 'item', title: 'Item', offsetPt: 0, widthPt: 215, align: 'left' },
  { key: 'quantity', title: 'Qty', offsetPt: 215, widthPt: 45, align: 'right' },
  { key: 'unitPrice', title: 'Unit price', offsetPt: 260, widthPt: 80, align: 'right' },
  { key: 'discount', title: 'Discount', offsetPt: 340, widthPt: 75, align: 'right' },
  { key: 'amount', title: 'Amount', offsetPt: 415, widthPt: contentWidthPt - 415, align: 'right' },
] as const;

type ColumnKey = (typeof tableColumns)[number]['key'];

function cellBox(key: ColumnKey, y: number) {
  const column = tableColumns.find((c) => c.key === key) ?? tableColumns[0];
  return {
    x: contentLeftPt + column.offsetPt + cellPaddingPt,
    y,
    widthPt: column.widthPt - 2 * cellPaddingPt,
    align: column.align,
  };
}

const headerMetaWidthPt = 210;
const headerStoreWidthPt = contentWidthPt - headerMetaWidthPt - 20;

/** Store on the left, "RECEIPT" and the order's particulars on the right. */
export function drawHeader(doc: Doc, cursor: A4Cursor, view: ReceiptView): void {
  const top = cursor.yPt;
  let leftY = top;
  leftY += textAt(doc, view.storeName, fonts.storeName, {
    x: contentLeftPt,
    y: leftY,
    widthPt: headerStoreWidthPt,
  });
  leftY += 4;
  for (const detail of view.storeDetails) {
    leftY += textAt(
      doc,
      detail,
      fonts.small,
      { x: contentLeftPt, y: leftY, widthPt: headerStoreWidthPt },
      colors.muted,
    );
    leftY += 1;
  }

  const metaLeft = contentRightPt - headerMetaWidthPt;
  let rightY = top;
  rightY += textAt(doc, 'RECEIPT', fonts.documentTitle, {
    x: metaLeft,
    y: rightY,
    widthPt: headerMetaWidthPt,
    align: 'right',
  });
  rightY += 6;
  const meta: [string, string][] = [
    ['Order', view.orderNumber],
    ['Date', view.createdAtText],
    ['Cashier', view.cashierName],
    ['Till', view.tillText],
  ];
  const labelWidthPt = 60;
  for (const [label, value] of meta) {
    textAt(doc, label, fonts.small, { x: metaLeft, y: rightY, widthPt: labelWidthPt }, colors.muted);
    rightY += textAt(doc, value, fonts.smallBold, {
      x: metaLeft + labelWidthPt,
      y: rightY,
      widthPt: headerMetaWidthPt - labelWidthPt,
      align: 'right',
    });
    rightY += 2;
  }
  cursor.yPt = Math.max(leftY, rightY) + 14;
  horizontalRule(doc, cursor.yPt - 7, contentLeftPt, contentRightPt, 1);
}

/** A framed, coloured word across the page: REFUNDED, PARTIALLY REFUNDED, VOID. */
export function drawStatusStamp(doc: Doc, cursor: A4Cursor, text: string): void {
  const heightPt = textHeight(doc, text, fonts.stamp, contentWidthPt) + 14;
  cursor.ensureRoom(heightPt + 10);
  doc
    .save()
    .lineWidth(2)
    .rect(contentLeftPt, cursor.yPt, contentWidthPt, heightPt)
    .stroke(colors.stamp)
    .restore();
  textAt(
    doc,
    text,
    fonts.stamp,
    { x: contentLeftPt, y: cursor.yPt + 8, widthPt: contentWidthPt, align: 'center' },
    colors.stamp,
  );
  cursor.yPt += heightPt + 12;
}

function drawTableHeader(doc: Doc, cursor: A4Cursor): void {
  const heightPt = fonts.smallBold.sizePt + 2 * rowPaddingPt + 2;
  doc.save().rect(contentLeftPt, cursor.yPt, contentWidthPt, heightPt).fill(colors.headerFill).restore();
  for (const column of tableColumns) {
    textAt(
      doc,
      column.title,
      fonts.smallBold,
      cellBox(column.key, cursor.yPt + rowPaddingPt + 1),
      colors.ink,
    );
  }
  cursor.yPt += heightPt;
}

function itemDetail(item: ViewItem): string {
  return [item.variant, item.sku === undefined ? undefined : `SKU ${item.sku}`]
    .filter((part): part is string => part !== undefined)
    .join(' · ');
}

function itemRowHeight(doc: Doc, item: ViewItem): number {
  const nameBox = cellBox('item', 0);
  const detail = itemDetail(item);
  const nameHeight = textHeight(doc, item.name, fonts.body, nameBox.widthPt);
  const detailHeight = detail === '' ? 0 : 2 + textHeight(doc, detail, fonts.small, nameBox.widthPt);
  const numbersHeight = Math.max(
    textHeight(doc, item.unitPriceText, fonts.body, cellBox('unitPrice', 0).widthPt),
    textHeight(doc, item.totalText, fonts.body, cellBox('amount', 0).widthPt),
  );
  return 2 * rowPaddingPt + Math.max(nameHeight + detailHeight, numbersHeight);
}

/** The items, one row each, with the header row again on every new page. */
export function drawItemsTable(doc: Doc, cursor: A4Cursor, view: ReceiptView): void {
  cursor.ensureRoom(60);
  drawTableHeader(doc, cursor);
  for (const item of view.items) {
    const heightPt = itemRowHeight(doc, item);
    if (cursor.ensureRoom(heightPt)) drawTableHeader(doc, cursor);
    const y = cursor.yPt + rowPaddingPt;
    const nameHeight = textAt(doc, item.name, fonts.body, cellBox('item', y));
    const detail = itemDetail(item);
    if (detail !== '') textAt(doc, detail, fonts.small, cellBox('item', y + nameHeight + 2), colors.muted);
    textAt(doc, item.quantityText, fonts.body, cellBox('quantity', y));
    textAt(doc, item.unitPriceText, fonts.body, cellBox('unitPrice', y));
    if (item.discountText !== undefined) textAt(doc, item.discountText, fonts.body, cellBox('discount', y));
    textAt(doc, item.totalText, fonts.body, cellBox('amount', y));
    cursor.yPt += heightPt;
    horizontalRule(doc, cursor.yPt);
  }
  if (view.items.length === 0) {
    cursor.ensureRoom(24);
    textAt(doc, 'No items', fonts.body, cellBox('item', cursor.yPt + rowPaddingPt), colors.muted);
    cursor.yPt += 24;
    horizontalRule(doc, cursor.yPt);
  }
  cursor.yPt += 4;
  textAt(doc, view.itemCountText, fonts.small, cellBox('item', cursor.yPt), colors.muted);
  cursor.yPt += 24;
}
