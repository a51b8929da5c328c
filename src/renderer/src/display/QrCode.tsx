/**
 * A QR code drawn in the page (no network): the text is encoded by the qrcode package into an SVG
 * shown as an image, dark modules on white whatever the theme, so every wallet's camera reads it.
 */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { Spinner } from '../ui';

export function QrCode({ text, label, size = 320 }: { text: string; label: string; size?: number }) {
  const [rendered, setRendered] = useState<
    { text: string; src: string } | { text: string; error: string } | null
  >(null);

  useEffect(() => {
    let current = true;
    QRCode.toString(text, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
      color: { dark: '#000000', light: '#ffffff' },
    })
      .then((svg) => {
        if (current)
          setRendered({ text, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
      })
      .catch((error: unknown) => {
        if (current) setRendered({ text, error: error instanceof Error ? error.message : 'QR code failed.' });
      });
    return () => {
      current = false;
    };
  }, [text]);

  const ready = rendered && rendered.text === text ? rendered : null;
  return (
    <div className="qr" style={{ width: size, height: size }}>
      {!ready && <Spinner size={40} label="Drawing the QR code" />}
      {ready && 'src' in ready && <img src={ready.src} alt={label} width={size} height={size} />}
      {ready && 'error' in ready && (
        <p className="qr__error" role="alert">
          {ready.error}
        </p>
      )}
    </div>
  );
}
