/**
 * A room's join link as the QR code the presenter projects: black on white, so every phone
 * camera reads it in either theme. Framework-free.
 */
import QRCode from 'qrcode';

/** The SVG QR code of `joinUrl`. */
export function joinQrSvg(joinUrl: string): Promise<string> {
  return QRCode.toString(joinUrl, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
}
