import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './extension-files.ts';
import { runThemeCheckOffline } from './offline-theme-check.ts';

describe('Shopify theme check', () => {
  it('finds no offence in the theme app extension', async () => {
    const offenses = await runThemeCheckOffline(EXTENSION_DIR);
    // Listed in full, so a failure says which check, file and line.
    expect(offenses.map((o) => `${o.check} ${o.uri.slice(o.uri.indexOf('extensions/'))}:${o.start.line + 1} ${o.message}`)).toEqual([]);
  });
});
