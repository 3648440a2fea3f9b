import zlib from 'node:zlib';

/** A minimal PNG encoder: 8-bit RGBA, no filtering, one IDAT chunk. */

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}

export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/**
 * Draws a square module matrix (true = dark) into a `width`×`width` PNG with a quiet zone of
 * `margin` modules, the way QR renderers do (module = floor(pixel / scale) - margin).
 */
export function drawModules(
  modules: (row: number, col: number) => boolean,
  size: number,
  width: number,
  margin: number,
  dark: Rgba,
  light: Rgba,
): Buffer {
  const scale = width / (size + margin * 2);
  const rgba = Buffer.alloc(width * width * 4);
  for (let y = 0; y < width; y++) {
    const row = Math.floor(y / scale) - margin;
    for (let x = 0; x < width; x++) {
      const col = Math.floor(x / scale) - margin;
      const on = row >= 0 && col >= 0 && row < size && col < size && modules(row, col);
      const c = on ? dark : light;
      const i = (y * width + x) * 4;
      rgba[i] = c.r;
      rgba[i + 1] = c.g;
      rgba[i + 2] = c.b;
      rgba[i + 3] = c.a;
    }
  }
  return encodePng(width, width, rgba);
}
