/**
 * The Electron shell's receipt printer: loads the receipt's HTML into a hidden, locked-down window
 * (no preload, no scripts) and prints it: silently to the store's chosen printer (Settings →
 * printer name), or through the system print dialog when none is chosen. The page size is the
 * receipt's own (80 mm wide, as tall as it is). The receipt's fonts (resources/fonts) are inlined
 * into the page first, so it prints the same on every till.
 */
import { BrowserWindow } from 'electron';
import { type ReceiptPrinter } from '../core';
import { withReceiptFonts } from '../receipts/fonts';
import { secureWebPreferences } from './security';

export function createElectronPrinter(): ReceiptPrinter {
  return {
    async print(html, { printerName, pageSizeMm }) {
      const win = new BrowserWindow({
        show: false,
        webPreferences: { ...secureWebPreferences, javascript: false },
      });
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(withReceiptFonts(html))}`);
        await new Promise<void>((resolve, reject) => {
          win.webContents.print(
            {
              silent: printerName !== '',
              printBackground: true,
              ...(printerName ? { deviceName: printerName } : {}),
              margins: { marginType: 'none' },
              // Electron takes microns.
              pageSize: {
                width: Math.round(pageSizeMm.widthMm * 1000),
                height: Math.round(pageSizeMm.heightMm * 1000),
              },
            },
            (success, failureReason) =>
              success ? resolve() : reject(new Error(failureReason || 'print failed')),
          );
        });
      } finally {
        win.destroy();
      }
    },
  };
}
