import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './extension-files.ts';

/** Every storefront page pays for these bytes: the budget is for all of the extension's JS and CSS together. */
const BUDGET = { js: 4 * 1024, css: 3 * 1024 };

function gzippedTotal(extension: string): number {
  const dir = join(EXTENSION_DIR, 'assets');
  return readdirSync(dir)
    .filter((file) => file.endsWith(`.${extension}`))
    .reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file)), { level: 9 }).length, 0);
}

describe('storefront weight', () => {
  it(`keeps all JavaScript under ${BUDGET.js} bytes and all CSS under ${BUDGET.css} bytes, gzipped`, () => {
    const js = gzippedTotal('js');
    const css = gzippedTotal('css');
    expect(js).toBeGreaterThan(0);
    expect(css).toBeGreaterThan(0);
    expect(js).toBeLessThanOrEqual(BUDGET.js);
    expect(css).toBeLessThanOrEqual(BUDGET.css);
  });
});
