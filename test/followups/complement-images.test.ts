/** Complements' pictures fetched over real HTTP (a local server on port 0), cut to JPEGs to attach by Content-ID. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComplementImages } from '../../server/followups/compose/complement-images.ts';

let server: Server;
let origin: string;
let failuresLeft = 0;
let requests = 0;
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#c08040"/></svg>';

beforeAll(async () => {
  server = createServer((req, res) => {
    requests += 1;
    if (req.url === '/flaky.svg' && failuresLeft > 0) {
      failuresLeft -= 1;
      res.writeHead(503).end();
      return;
    }
    if (req.url === '/scarf.svg' || req.url === '/flaky.svg') res.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end(SVG);
    else if (req.url === '/broken.png') res.writeHead(200, { 'Content-Type': 'image/png' }).end('not a png');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('complement pictures', () => {
  it('turns the storefront’s picture into a 160 px JPEG, fetched once', async () => {
    const images = new ComplementImages();
    const before = requests;
    const image = await images.of('shop', origin, '/scarf.svg');
    expect(image?.contentType).toBe('image/jpeg');
    expect(await sharp(image!.content).metadata()).toMatchObject({ format: 'jpeg', width: 160, height: 160 });
    expect(await images.of('shop', origin, `${origin}/scarf.svg`)).toBe(image);
    expect(requests - before).toBe(1);
  });

  it('leaves a complement without a picture when it cannot be fetched or read, and tries again later', async () => {
    let now = 1_000_000;
    const images = new ComplementImages({ clock: () => now });
    expect(await images.of('shop', origin, '/broken.png')).toBeNull();
    expect(await images.of('shop', origin, '/missing.png')).toBeNull();
    failuresLeft = 1;
    expect(await images.of('shop', origin, '/flaky.svg')).toBeNull();
    expect(await images.of('shop', origin, '/flaky.svg')).toBeNull(); // not asked again at once
    now += 11 * 60_000;
    expect((await images.of('shop', origin, '/flaky.svg'))?.contentType).toBe('image/jpeg');
  });

  it('fetches nothing from an origin that is neither the CDN, the storefront nor the shop’s route', async () => {
    const before = requests;
    expect(await new ComplementImages().of('shop', 'https://lanas.example', `${origin}/scarf.svg`)).toBeNull();
    expect(requests).toBe(before);
    expect(await new ComplementImages({ extraOrigins: () => [origin] }).of('shop', 'https://lanas.example', `${origin}/scarf.svg`)).not.toBeNull();
  });
});
