import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `url` as an image (made here: the address never leaves the terminal to be drawn). */
export function QrCode({ url, label }: { readonly url: string; readonly label: string }) {
  const [source, setSource] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then((svg) => {
      if (current) setSource(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      current = false;
    };
  }, [url]);
  return source === null ? null : <img className="qr-code" src={source} alt={label} width={240} height={240} data-qr={url} />;
}
