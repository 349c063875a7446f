import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface ThemeCheckOffense {
  check: string;
  message: string;
  uri: string;
  severity: number;
  start: { line: number };
}

/**
 * Runs Shopify's theme check with the `theme-check:theme-app-extension` config on `root`, entirely offline.
 *
 * Theme check refreshes Shopify/theme-liquid-docs from GitHub before checking. This machine (and CI) reach no
 * host but the package registries, so the refresh is pointed (SHOPIFY_TLD_ROOT) at the copy of those docs that
 * @shopify/theme-check-docs-updater ships, and its cache (XDG_CACHE_HOME) at a temporary folder: same checks,
 * no network, nothing written outside /tmp. Both variables are read when the module loads, hence the late import.
 */
export async function runThemeCheckOffline(root: string): Promise<ThemeCheckOffense[]> {
  const require = createRequire(import.meta.url);
  const shippedDocs = join(dirname(require.resolve('@shopify/theme-check-docs-updater/package.json')), 'data');
  const work = mkdtempSync(join(tmpdir(), 'tacto-theme-check-'));
  const docsRoot = join(work, 'docs');
  mkdirSync(join(docsRoot, 'schemas'), { recursive: true });
  symlinkSync(shippedDocs, join(docsRoot, 'data'));
  symlinkSync(shippedDocs, join(docsRoot, 'schemas', 'theme'));
  for (const manifest of ['manifest_theme.json', 'manifest_theme_app_extension.json']) {
    symlinkSync(join(shippedDocs, manifest), join(docsRoot, 'schemas', manifest));
  }
  const saved = { SHOPIFY_TLD_ROOT: process.env.SHOPIFY_TLD_ROOT, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
  process.env.SHOPIFY_TLD_ROOT = docsRoot;
  process.env.XDG_CACHE_HOME = join(work, 'cache');
  try {
    const { themeCheckRun } = await import('@shopify/theme-check-node');
    const run = await themeCheckRun(root, 'theme-check:theme-app-extension');
    return run.offenses.map((offense) => ({
      check: offense.check,
      message: offense.message,
      uri: offense.uri,
      severity: offense.severity,
      start: { line: offense.start.line },
    }));
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(work, { recursive: true, force: true });
  }
}
