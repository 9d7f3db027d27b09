import QRCode from 'qrcode';

/** A QR code of a URL as an SVG document, drawn at build time (no QR service is ever called). */
export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  return svg.trim();
}
