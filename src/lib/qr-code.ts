/**
 * QR codes for printed handouts, generated at build time as inline SVG by the
 * `qrcode` package: no image files, no request to a QR service.
 */
import QRCode from 'qrcode';

/** Options shared by the build and the tests, so a test can regenerate the exact code for a URL. */
export const QR_OPTIONS = {
  type: 'svg',
  // "M" survives a crease or a smudge on paper without making the code much denser.
  errorCorrectionLevel: 'M',
  // The quiet zone scanners need around the code, in modules.
  margin: 4,
  color: { dark: '#000000', light: '#ffffff' },
} as const satisfies QRCode.QRCodeToStringOptions;

/** An accessible SVG QR code for `url`, labelled for screen readers; always black on white so it scans in dark mode and on paper. */
export async function qrCodeSvg(url: string, label: string): Promise<string> {
  if (!/^https?:\/\//.test(url)) throw new Error(`qrCodeSvg: expected an absolute http(s) URL, got "${url}"`);
  const svg = await QRCode.toString(url, QR_OPTIONS);
  const escaped = label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return svg.replace('<svg ', `<svg role="img" aria-label="${escaped}" class="qr-code" `);
}
