import { crc32, deflateSync } from 'node:zlib';

/** Pixels as resvg hands them over: RGBA rows, premultiplied, which equals straight alpha where opaque. */
export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const RGBA = 6;

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * An opaque image as PNG, each row unfiltered and the whole deflated at level 3. resvg's own encoder
 * (adaptive filters, default level) took a third of a poster's rendering time: this takes half as
 * long for files 5–8% smaller on these flat, text-heavy images. pngjs would convert every pixel in
 * JavaScript first, which costs what it saves. A transparent pixel stops: premultiplied alpha would
 * come out darker, and every share image paints a background.
 */
export function encodePng({ width, height, rgba }: Pixels): Buffer {
  const stride = width * 4;
  if (rgba.length !== stride * height) throw new Error(`像素数 ${rgba.length} 与 ${width}×${height} 不符`);
  for (let alpha = 3; alpha < rgba.length; alpha += 4) {
    if (rgba[alpha] !== 255) throw new Error(`分享图片在 (${((alpha - 3) / 4) % width}, ${Math.floor((alpha - 3) / 4 / width)}) 处透明：版式必须铺满底色`);
  }
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rows.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, RGBA, 0, 0, 0], 8);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 3 })), chunk('IEND', new Uint8Array())]);
}
