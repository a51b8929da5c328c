/**
 * The A4 receipt as HTML: an invoice-style sheet (store and document header, status stamp, items table,
 * payments beside the totals, refunds, QR code and footer). Its CSS is `a4Css`.
 */
import { qrSvg } from './qr';
import { type ReceiptView, type ViewTotal } from './view';

type Escape = (text: string) => string;

function totalsTable(totals: readonly ViewTotal[], e: Escape): string {
  const rows = totals.map(
    (total) =>
      `<tr class="${total.emphasis}"><td>${e(total.label)}</td><td class="num">${e(total.amountText)}</td></tr>`,
  );
  return `<table class="totals">${rows.join('')}</table>`;
}

/** The `<main>` of the A4 page; `e` escapes text for HTML, `qr` is a trusted inline SVG. */
export function a4Body(view: ReceiptView, qr: string, e: Escape): string {
  const details = view.storeDetails.map((detail) => `<p>${e(detail)}</p>`).join('');
  const meta = [
    ['Order', view.orderNumber],
    ['Date', view.createdAtText],
    ['Cashier', view.cashierName],
    ['Till', view.tillText],
  ]
    .map(([label = '', value = '']) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`)
    .join('');
  const items = view.items.map((item) => {
    const detail = [item.variant, item.sku === undefined ? undefined : `SKU ${item.sku}`]
      .filter((part): part is string => part !== undefined)
      .join(' · ');
    return [
      '<tr>',
      `<td><div class="name">${e(item.name)}</div>${detail === '' ? '' : `<div class="detail">${e(detail)}</div>`}</td>`,
      `<td class="num">${e(item.quantityText)}</td>`,
      `<td class="num">${e(item.unitPriceText)}</td>`,
      `<td class="num">${e(item.discountText ?? '')}</td>`,
      `<td class="num">${e(item.totalText)}</td>`,
      '</tr>',
    ].join('');
  });
  const payments = view.payments.map(
    (payment) =>
      `<tr><td>${e(payment.label)}</td><td class="num">${e(payment.amountText)}</td></tr>` +
      payment.details
        .map(
          (detail) =>
            `<tr class="sub"><td>${e(detail.label)}</td><td class="num">${e(detail.value)}</td></tr>` +
            (detail.qr === undefined
              ? ''
              : `<tr class="sub"><td colspan="2"><div class="qr link-qr">${qrSvg(detail.qr)}</div>` +
                `<div class="muted">${e(detail.label)}</div></td></tr>`),
        )
        .join(''),
  );
  const refunds = view.refunds.map((refund) => {
    const what = [
      ...refund.lines.map((line) => `${line.quantityText} × ${line.name}  ${line.amountText}`),
      ...(refund.tenderLabel === undefined ? [] : [`To ${refund.tenderLabel}`]),
      ...(refund.reason === undefined ? [] : [`Reason: ${refund.reason}`]),
    ];
    const whatHtml = (what.length === 0 ? ['Amount refunded'] : what)
      .map((part) => `<div>${e(part)}</div>`)
      .join('');
    return `<tr><td>${e(refund.dateText)}</td><td class="what">${whatHtml}</td><td class="num"><b>${e(refund.amountText)}</b></td></tr>`;
  });

  return [
    '<main class="sheet">',
    `<header class="head"><div class="store"><h1>${e(view.storeName)}</h1>${details}</div>`,
    `<div class="doc"><h2>RECEIPT</h2><dl>${meta}</dl></div></header>`,
    view.statusBanner === undefined ? '' : `<div class="stamp">${e(view.statusBanner)}</div>`,
    '<table class="items"><thead><tr><th>Item</th><th class="num">Qty</th><th class="num">Unit price</th>',
    '<th class="num">Discount</th><th class="num">Amount</th></tr></thead>',
    `<tbody>${items.length === 0 ? '<tr><td class="muted" colspan="5">No items</td></tr>' : items.join('\n')}</tbody></table>`,
    `<p class="count">${e(view.itemCountText)}</p>`,
    '<section class="summary"><div class="payments">',
    payments.length === 0 ? '' : `<h3>Payment</h3><table>${payments.join('')}</table>`,
    `</div>${totalsTable(view.totals, e)}</section>`,
    refunds.length === 0
      ? ''
      : `<section class="refunds"><h3>Refunds</h3><table>${refunds.join('')}</table>${totalsTable(view.refundTotals, e)}</section>`,
    `<footer class="foot"><div class="qr">${qr}</div><div><div class="muted">Order ID</div><code>${e(view.orderId)}</code>`,
    view.footerMessage === undefined ? '' : `<p class="message">${e(view.footerMessage)}</p>`,
    '</div></footer>',
    '</main>',
  ].join('\n');
}
