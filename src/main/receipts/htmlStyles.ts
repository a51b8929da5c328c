/**
 * Print CSS for the HTML receipt. Thermal: an 80 mm page as long as the content with a 72 mm printed
 * column in a monospace font. A4: an invoice-style sheet with 18 mm margins. Nothing is loaded from
 * outside: DejaVu first (the PDF's fonts, inlined by the desktop app's printer: fonts.ts), then the
 * system's fonts.
 */

const shared = `
*{box-sizing:border-box}
html,body{margin:0;padding:0;background:#fff;color:#000}
body{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.qr svg{display:block}
`;

/** The thermal page around the rows (row sizes come from `thermalRowCss`); `@page` is added with its height. */
export const thermalCss = `${shared}
body{width:80mm;font-family:"DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,"Courier New",monospace}
@media screen{html{background:#e9e9e9}body{margin:8mm auto;background:#fff;box-shadow:0 1px 6px rgba(0,0,0,.25)}}
`;

export const a4Css = `${shared}
@page{size:A4;margin:18mm}
body{font-family:"DejaVu Sans",Helvetica,Arial,"Liberation Sans",sans-serif;font-size:10pt;line-height:1.35;color:#111}
.sheet{width:100%}
.head{display:flex;justify-content:space-between;gap:10mm;border-bottom:1.5pt solid #111;padding-bottom:4mm;margin-bottom:5mm}
.store h1{font-size:18pt;margin:0 0 1.5mm;overflow-wrap:anywhere}
.store p,.muted{color:#5a5a5a}
.store p{margin:0;font-size:8.5pt}
.doc{min-width:62mm;text-align:right}
.doc h2{font-size:22pt;margin:0 0 2mm;letter-spacing:.02em}
.doc dl{display:grid;grid-template-columns:auto 1fr;gap:.6mm 4mm;margin:0;font-size:8.5pt}
.doc dt{color:#5a5a5a;text-align:left}
.doc dd{margin:0;font-weight:700}
.stamp{border:2pt solid #a0001c;color:#a0001c;font-weight:800;font-size:16pt;text-align:center;padding:2mm;margin:0 0 5mm;letter-spacing:.08em}
table{border-collapse:collapse;width:100%}
.items th{background:#efefef;font-size:8.5pt;text-align:left;padding:1.8mm 2mm}
.items td{border-bottom:.5pt solid #c8c8c8;padding:1.8mm 2mm;vertical-align:top}
.items tr{break-inside:avoid}
.num{text-align:right!important;white-space:nowrap}
.items .name{overflow-wrap:anywhere}
.items .detail{font-size:8.5pt;color:#5a5a5a}
.count{font-size:8.5pt;color:#5a5a5a;margin:1.5mm 2mm 5mm}
.summary{display:flex;justify-content:space-between;gap:10mm;break-inside:avoid;margin-bottom:6mm}
.payments{flex:1 1 auto}
.payments h3,.refunds h3{font-size:11pt;margin:0 0 1.5mm}
.payments td{padding:.6mm 0}
.payments .sub td{font-size:8.5pt;color:#5a5a5a;padding-left:4mm}
.totals{width:82mm;flex:0 0 auto}
.totals td{padding:.8mm 0}
.totals .strong td{font-weight:700}
.totals .grand td{font-weight:700;font-size:13pt;border-top:1pt solid #111;padding-top:2mm}
.totals .note td{font-size:8.5pt;color:#5a5a5a}
.refunds{border-top:1pt solid #111;padding-top:2mm;margin-bottom:6mm}
.refunds td{border-bottom:.5pt solid #c8c8c8;padding:1.5mm 2mm 1.5mm 0;vertical-align:top}
.refunds .what div{overflow-wrap:anywhere}
.refunds .totals{margin-left:auto;margin-top:2mm}
.refunds td:last-child{padding-right:0}
.refunds .totals td{border:0;padding:.8mm 0}
.foot{display:flex;gap:5mm;align-items:flex-start;break-inside:avoid}
.foot .qr svg{width:31mm;height:31mm}
.link-qr svg{width:30mm;height:30mm;margin:1mm 0}
.foot code{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:9pt}
.foot .message{font-style:italic;margin:3mm 0 0}
@media screen{html{background:#e9e9e9}body{width:210mm;min-height:297mm;margin:8mm auto;padding:18mm;background:#fff;box-shadow:0 1px 6px rgba(0,0,0,.25)}}
`;
