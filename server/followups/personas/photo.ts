import sharp from 'sharp';
import { HttpError } from '../../http/errors.ts';

/** Shown at 64 px in the signature; twice that for sharp screens. */
export const PHOTO_SIZE = 128;
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * The persona's photo as every follow-up carries it: a square JPEG of PHOTO_SIZE px, cropped to the centre,
 * metadata stripped (no camera, place or time travels in a mail), a few kilobytes — small enough to go inline
 * in each message instead of being fetched from a server (a remote image is how opens are tracked).
 */
export async function resizePersonaPhoto(input: Buffer): Promise<Buffer> {
  try {
    return await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate() // honour the camera's orientation before the EXIF is dropped
      .resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'cover', position: 'attention' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
  } catch {
    throw new HttpError(422, 'photo_unreadable', 'That file could not be read as a picture. Upload a JPEG, PNG or WebP photo.');
  }
}
