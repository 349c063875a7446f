import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUILT, buildStorefrontScript, SOURCE } from '../../storefront/build.ts';

describe('the shipped storefront script', () => {
  it('is the build of storefront/tacto.js as it is now (run `npm run build` after editing it)', async () => {
    expect(readFileSync(BUILT, 'utf8')).toBe(await buildStorefrontScript());
  });

  it('is minified: a quarter lighter than the source, at least (the budget itself: asset-budget.test.ts)', () => {
    const built = gzipSync(readFileSync(BUILT), { level: 9 }).length;
    expect(built).toBeLessThan(gzipSync(readFileSync(SOURCE), { level: 9 }).length * 0.75);
  });
});
