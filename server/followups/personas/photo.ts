import sharp from 'sharp';
import { HttpError } from '../../http/errors.ts';
import { readImageHeader, type ImageHeader } from './image-header.ts';

/** Shown at 64 px in the signature; twice that for sharp screens. */
export const PHOTO_SIZE = 128;
/**
 * The largest photo decoded: 24 megapixels (a 6,000 × 4,000 camera picture) and 10,000 px on either side. The
 * admin shrinks large files in the browser before upload, so only a direct API call comes near it. Decoding
 * 24 MP takes about 100 MB for a moment; a bomb declaring 30,000 × 30,000 would take gigabytes.
 */
export const MAX_PHOTO_PIXELS = 24_000_000;
export const MAX_PHOTO_SIDE = 10_000;

const ACCEPTED = 'Upload a JPEG, PNG or WebP photo.';

/**
 * Why a header is refused, or null when it may be decoded. Pure: the format comes from the magic number, the
 * size from the header, before any decoder runs.
 */
export function photoRefusal(header: ImageHeader): HttpError | null {
  if (header.format === null) {
    return new HttpError(422, 'photo_format', `${header.kind ? `This file is ${header.kind}, not a photo Tacto can use.` : 'This file is not a JPEG, PNG or WebP photo.'} ${ACCEPTED}`);
  }
  if (header.width === null) return unreadable();
  if (header.width > MAX_PHOTO_SIDE || header.height > MAX_PHOTO_SIDE || header.width * header.height > MAX_PHOTO_PIXELS) {
    return new HttpError(
      422,
      'photo_too_large',
      `This photo is ${header.width.toLocaleString('en-US')} × ${header.height.toLocaleString('en-US')} pixels; Tacto takes up to ` +
        `${MAX_PHOTO_PIXELS / 1_000_000} megapixels and ${MAX_PHOTO_SIDE.toLocaleString('en-US')} pixels on a side. Upload a smaller photo.`,
    );
  }
  return null;
}

/**
 * The persona's photo as every follow-up carries it: a square JPEG of PHOTO_SIZE px, cropped to the centre,
 * metadata stripped (no camera, place or time travels in a mail), a few kilobytes — small enough to go inline
 * in each message instead of being fetched from a server (a remote image is how opens are tracked).
 *
 * Only JPEG, PNG and WebP, as their bytes say, within the pixel limit read from the header; sharp's own pixel
 * limit and its refusal of damaged pixel data stay as a second line.
 */
export async function resizePersonaPhoto(input: Buffer): Promise<Buffer> {
  const header = readImageHeader(input);
  const refusal = photoRefusal(header);
  if (refusal) throw refusal;
  try {
    const image = sharp(input, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error', pages: 1 });
    // libvips sniffs the bytes itself; it must see the format the header check saw, or nothing is decoded.
    if ((await image.metadata()).format !== header.format) throw new Error('decoder disagrees on the format');
    return await image
      .rotate() // honour the camera's orientation before the EXIF is dropped
      .resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'cover', position: 'attention' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
  } catch {
    throw unreadable();
  }
}

function unreadable(): HttpError {
  return new HttpError(422, 'photo_unreadable', `That file could not be read as a picture: it may be damaged or cut short. ${ACCEPTED}`);
}
