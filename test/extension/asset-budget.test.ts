import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './extension-files.ts';

/**
 * Every storefront page pays for these bytes: the budget is for all of the extension's JS and CSS together.
 * JavaScript was 4 KB until Analytics: quick add (variant choice, Shopify's cart, the announced outcome), the
 * click, add and shown counts and the holdout (its draw, enrolment and cart mark) take about 1.4 KB more, and the
 * script now loads after the page's load event and a paint (snippets/tacto-script.liquid), so its bytes no longer
 * compete with what the theme draws first. Hence 5 KB.
 */
const BUDGET = { js: 5 * 1024, css: 3 * 1024 };

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
