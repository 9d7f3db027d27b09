import QRCode from 'qrcode';

// An achievement's page and its poster show the same code: it is drawn once per build.
const drawn = new Map<string, Promise<string>>();

/** A QR code of a URL as an SVG document, drawn at build time (no QR service is ever called). */
export function qrSvg(url: string): Promise<string> {
  let svg = drawn.get(url);
  if (!svg) {
    svg = QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } }).then((text) => text.trim());
    drawn.set(url, svg);
  }
  return svg;
}
