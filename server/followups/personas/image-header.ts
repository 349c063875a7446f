/**
 * What an uploaded file is, read from its first bytes alone: the format from its magic number (never from a
 * data-URL label or a file name), and the pixel size from its header, so a picture too big to decode is refused
 * before any decoder sees it. Pure; a few dozen bytes are read for PNG and WebP, the segment headers for JPEG.
 */

/** The formats a persona photo may arrive in. */
export type PhotoFormat = 'jpeg' | 'png' | 'webp';

export type ImageHeader =
  | { format: PhotoFormat; width: number; height: number }
  /** One of ours, but its header is cut short or malformed. */
  | { format: PhotoFormat; width: null; height: null }
  /** Anything else; `kind` names what it looks like, for the merchant's message. */
  | { format: null; kind: string | null };

export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(b, [0xff, 0xd8, 0xff])) return withSize('jpeg', jpegSize(b));
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return withSize('png', pngSize(b));
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return withSize('webp', webpSize(b));
  return { format: null, kind: otherKind(b) };
}

type Size = { width: number; height: number } | null;

function withSize(format: PhotoFormat, size: Size): ImageHeader {
  return size && size.width > 0 && size.height > 0 ? { format, ...size } : { format, width: null, height: null };
}

/** PNG: the IHDR chunk comes first, width and height as big-endian 32-bit integers. */
function pngSize(b: Buffer): Size {
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** JPEG: walk the marker segments up to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegSize(b: Buffer): Size {
  let i = 2;
  while (i + 1 < b.length) {
    if (b[i] !== 0xff) return null;
    // Any number of 0xFF fill bytes may precede a marker.
    while (b[i + 1] === 0xff && i + 2 < b.length) i++;
    const marker = b[i + 1]!;
    i += 2;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue; // standalone markers: no length
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or pixels before any frame header
    if (i + 2 > b.length) return null;
    const length = b.readUInt16BE(i);
    if (length < 2) return null;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 7 > b.length) return null;
      return { height: b.readUInt16BE(i + 3), width: b.readUInt16BE(i + 5) };
    }
    i += length;
  }
  return null;
}

/** WebP: the first chunk says lossy (VP8), lossless (VP8L) or extended (VP8X, with the canvas size). */
function webpSize(b: Buffer): Size {
  if (b.length < 30) return null;
  switch (ascii(b, 12, 4)) {
    case 'VP8 ':
      if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
      return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
    case 'VP8L': {
      if (b[20] !== 0x2f) return null;
      const bits = b.readUInt32LE(21);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    case 'VP8X':
      return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
    default:
      return null;
  }
}

/** Formats a merchant may try that Tacto does not take, named so the refusal can say what the file is. */
function otherKind(b: Buffer): string | null {
  if (ascii(b, 0, 4) === 'GIF8') return 'a GIF image';
  if (ascii(b, 0, 5) === '%PDF-') return 'a PDF document';
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'a TIFF image';
  if (ascii(b, 0, 2) === 'BM') return 'a BMP image';
  if (ascii(b, 4, 4) === 'ftyp') {
    const brand = ascii(b, 8, 4);
    if (brand === 'avif' || brand === 'avis') return 'an AVIF image';
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'a HEIC photo';
  }
  if (startsWith(b, [0xff, 0x0a]) || ascii(b, 4, 4) === 'JXL ') return 'a JPEG XL image';
  // SVG and other markup: text whose first non-blank character opens a tag (after an optional UTF-8 BOM).
  const text = b.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) return /<svg[\s>]/i.test(b.subarray(0, 64 * 1024).toString('utf8')) ? 'an SVG drawing' : 'an XML or HTML document';
  return null;
}

function startsWith(b: Buffer, prefix: number[]): boolean {
  return b.length >= prefix.length && prefix.every((byte, index) => b[index] === byte);
}

function ascii(b: Buffer, offset: number, length: number): string {
  return b.length >= offset + length ? b.toString('latin1', offset, offset + length) : '';
}
