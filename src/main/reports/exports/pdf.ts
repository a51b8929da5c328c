/**
 * PDF: the summary of the period for printing, with its charts drawn as vector graphics (sales by
 * day, tender mix, top products, the hour × weekday heat map) and the tender and tax tables, in the
 * DejaVu fonts the receipts embed (resources/fonts), never the built-in PDF fonts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type ReportOutput, type ReportTable } from '../../../shared/api/reports';
import { cellText, decimalOf } from './cells';
import { summaryTable } from './csv';

function fontsDir(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, 'resources', 'fonts');
    if (fs.existsSync(path.join(candidate, 'DejaVuSans.ttf'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`The fonts (resources/fonts) are not above ${start}.`);
    dir = parent;
  }
}

const palette = ['#2563eb', '#16a34a', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];
const pageWidth = 595.28;
const margin = 40;
const contentWidth = pageWidth - 2 * margin;

function minorNumber(text: string | number | null | undefined): number {
  return Number(text ?? 0);
}

function barChart(
  doc: PDFKit.PDFDocument,
  title: string,
  bars: { label: string; value: number }[],
  currency: string,
  y: number,
): number {
  doc.font('Sans-Bold').fontSize(11).fillColor('#111111').text(title, margin, y);
  const top = y + 18;
  const height = 110;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = contentWidth / Math.max(1, bars.length);
  doc
    .lineWidth(0.5)
    .strokeColor('#999999')
    .moveTo(margin, top + height)
    .lineTo(margin + contentWidth, top + height)
    .stroke();
  bars.forEach((bar, i) => {
    const h = (Math.max(0, bar.value) / max) * height;
    doc.rect(margin + i * width + width * 0.1, top + height - h, width * 0.8, h).fill(palette[0]!);
  });
  doc.font('Sans').fontSize(7).fillColor('#333333');
  const step = Math.ceil(bars.length / 12);
  bars.forEach((bar, i) => {
    if (i % step === 0)
      doc.text(bar.label, margin + i * width, top + height + 3, { width: width * step, lineBreak: false });
  });
  doc.text(`max ${decimalOf(String(Math.round(max)), currency)} ${currency}`, margin, top - 2, {
    width: contentWidth,
    align: 'right',
  });
  return top + height + 18;
}

function hbarChart(
  doc: PDFKit.PDFDocument,
  title: string,
  bars: { label: string; value: number }[],
  currency: string,
  y: number,
): number {
  doc.font('Sans-Bold').fontSize(11).fillColor('#111111').text(title, margin, y);
  let top = y + 18;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const labelWidth = 150;
  bars.forEach((bar, i) => {
    const w = (Math.max(0, bar.value) / max) * (contentWidth - labelWidth - 90);
    doc
      .font('Sans')
      .fontSize(8)
      .fillColor('#111111')
      .text(bar.label, margin, top + 2, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
    doc.rect(margin + labelWidth, top, w, 11).fill(palette[i % palette.length]!);
    doc
      .fillColor('#111111')
      .text(
        `${decimalOf(String(Math.round(bar.value)), currency)} ${currency}`,
        margin + labelWidth + w + 4,
        top + 2,
        { lineBreak: false },
      );
    top += 15;
  });
  return top + 8;
}

function heatMap(doc: PDFKit.PDFDocument, report: ReportOutput, y: number): number {
  doc.font('Sans-Bold').fontSize(11).fillColor('#111111').text('Orders by hour and weekday', margin, y);
  const top = y + 18;
  const cell = (contentWidth - 30) / 24;
  const max = Math.max(1, ...report.heatmap.map((c) => c.orders));
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  days.forEach((day, weekday) => {
    doc
      .font('Sans')
      .fontSize(7)
      .fillColor('#333333')
      .text(day, margin, top + weekday * 12 + 2, { lineBreak: false });
    for (let hour = 0; hour < 24; hour += 1) {
      const found = report.heatmap.find((c) => c.weekday === weekday && c.hour === hour);
      const share = (found?.orders ?? 0) / max;
      doc
        .rect(margin + 30 + hour * cell, top + weekday * 12, cell - 1, 11)
        .fillOpacity(0.08 + 0.92 * share)
        .fill(palette[0]!);
      doc.fillOpacity(1);
    }
  });
  for (let hour = 0; hour < 24; hour += 3) {
    doc
      .font('Sans')
      .fontSize(6)
      .fillColor('#333333')
      .text(String(hour), margin + 30 + hour * cell, top + 7 * 12 + 2, { lineBreak: false });
  }
  return top + 8 * 12 + 10;
}

function tableBlock(doc: PDFKit.PDFDocument, table: ReportTable, currency: string, y: number): number {
  if (y > 700) {
    doc.addPage();
    y = margin;
  }
  doc.font('Sans-Bold').fontSize(11).fillColor('#111111').text(table.title, margin, y);
  let top = y + 16;
  const width = contentWidth / table.columns.length;
  const line = (cells: string[], bold: boolean) => {
    doc
      .font(bold ? 'Sans-Bold' : 'Sans')
      .fontSize(8)
      .fillColor('#111111');
    cells.forEach((text, i) => {
      const numeric = table.columns[i]!.kind === 'money' || table.columns[i]!.kind === 'count';
      doc.text(text, margin + i * width, top, {
        width: width - 4,
        align: numeric ? 'right' : 'left',
        lineBreak: false,
        ellipsis: true,
      });
    });
    top += 12;
    if (top > 790) {
      doc.addPage();
      top = margin;
    }
  };
  line(
    table.columns.map((c) => c.label),
    true,
  );
  for (const row of table.rows.slice(0, 40))
    line(
      table.columns.map((c) => cellText(c, row[c.key], currency)),
      false,
    );
  if (table.totals)
    line(
      table.columns.map((c) => cellText(c, table.totals?.[c.key], currency)),
      true,
    );
  return top + 10;
}

export async function reportPdf(report: ReportOutput): Promise<Buffer> {
  const dir = fontsDir();
  // Loaded on the first export, not when the till starts.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    info: { Title: `Sales ${report.from} to ${report.to}`, Author: 'Tillpoint' },
  });
  doc.registerFont('Sans', fs.readFileSync(path.join(dir, 'DejaVuSans.ttf')));
  doc.registerFont('Sans-Bold', fs.readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf')));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const currency = report.currency;
  doc
    .font('Sans-Bold')
    .fontSize(16)
    .fillColor('#111111')
    .text(`Sales ${report.from} to ${report.to}`, margin, margin);
  doc
    .font('Sans')
    .fontSize(9)
    .text(
      `${report.tillId ? `Till ${report.tillId}` : 'All tills'} · ${report.timeZone} · amounts in ${currency}`,
    );
  let y = tableBlock(doc, summaryTable(report), currency, doc.y + 8);
  const byDay = report.tables.find((t) => t.id === 'by_day');
  y = barChart(
    doc,
    'Net sales by day',
    (byDay?.rows ?? []).map((r) => ({ label: String(r.day).slice(5), value: minorNumber(r.net) })),
    currency,
    y,
  );
  const tender = report.tables.find((t) => t.id === 'by_tender');
  hbarChart(
    doc,
    'Tender mix',
    (tender?.rows ?? [])
      .slice(0, 8)
      .map((r) => ({ label: [r.tender, r.detail].filter(Boolean).join(' '), value: minorNumber(r.net) })),
    currency,
    y,
  );
  doc.addPage();
  y = margin;
  const products = report.tables.find((t) => t.id === 'by_product');
  y = hbarChart(
    doc,
    'Top products',
    (products?.rows ?? []).slice(0, 10).map((r) => ({ label: String(r.product), value: minorNumber(r.net) })),
    currency,
    y,
  );
  y = heatMap(doc, report, y);
  for (const id of ['by_tender', 'tax_by_rate']) {
    const found = report.tables.find((t) => t.id === id);
    if (found) y = tableBlock(doc, found, currency, y);
  }
  doc.end();
  return done;
}
