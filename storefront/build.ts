/**
 * The theme extension's script is written readable in storefront/tacto.js and shipped minified as
 * extensions/tacto/assets/tacto.js (every storefront page pays for its bytes: budget 4 KB gzipped). `npm run
 * build` runs this; the built file is committed so the sandbox and `shopify app deploy` need no build step,
 * and test/extension/storefront-build.test.ts fails when it is older than its source.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformWithEsbuild } from 'vite';

export const SOURCE = fileURLToPath(new URL('./tacto.js', import.meta.url));
export const BUILT = fileURLToPath(new URL('../extensions/tacto/assets/tacto.js', import.meta.url));
const BANNER = '/* Tacto storefront script. Built from storefront/tacto.js by `npm run build`: edit that file, not this one. */\n';

/** The shipped script for the source's current text. Browsers from 2019 on (Shopify's supported browsers). */
export async function buildStorefrontScript(source = readFileSync(SOURCE, 'utf8')): Promise<string> {
  const { code } = await transformWithEsbuild(source, SOURCE, { loader: 'js', minify: true, target: 'es2019', legalComments: 'none' });
  return BANNER + code;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(BUILT, await buildStorefrontScript());
}
