import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/**
 * A QR code of `url` as a data URL once drawn, null before (or for no URL). A drawing that
 * finishes after the URL changed or the component left is dropped, not set.
 */
export function useQrCode(
  url: string | null,
  options: QRCode.QRCodeToDataURLOptions,
): string | null {
  const [drawn, setDrawn] = useState<{ url: string; image: string } | null>(null);
  const { margin, width, errorCorrectionLevel } = options;
  useEffect(() => {
    if (!url) return undefined;
    let current = true;
    void QRCode.toDataURL(url, { margin, width, errorCorrectionLevel }).then((image) => {
      if (current) setDrawn({ url, image });
    });
    return () => {
      current = false;
    };
  }, [url, margin, width, errorCorrectionLevel]);
  return url !== null && drawn?.url === url ? drawn.image : null;
}
