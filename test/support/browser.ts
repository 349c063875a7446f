import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing that reaches for the network on its own. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (see README).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in a page or frame and returns the serious and critical violations. */
export async function seriousAccessibilityViolations(target: Page | Frame): Promise<AxeViolation[]> {
  await target.evaluate(axeSource);
  const violations = await target.evaluate(async () => {
    // axe is the global the injected script defines.
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * A test file's app (or app and sandbox) and Chromium, started together: `start()` first, then the browser; if the
 * browser cannot start, what `start()` opened is closed again rather than left listening.
 */
export async function startWithBrowser<T extends { close(): Promise<void> }>(start: () => Promise<T>): Promise<{ env: T; browser: Browser }> {
  const env = await start();
  try {
    return { env, browser: await launchBrowser() };
  } catch (error) {
    await env.close();
    throw error;
  }
}

/** Closes what startWithBrowser opened, the browser first; either may be missing when starting failed. */
export async function closeWithBrowser(browser: Browser | undefined, env: { close(): Promise<void> } | undefined): Promise<void> {
  await browser?.close();
  await env?.close();
}

/**
 * The embedded app's frame once its page has loaded its data: its heading shown, no Polaris skeleton or spinner
 * left, and the same text on two reads in a row. Not "network idle": a page that polls (Home while an import runs)
 * never lets the network go idle.
 */
export async function settledAppFrame(page: Page): Promise<Frame> {
  await page.frameLocator('iframe[name="app-iframe"]').getByRole('heading', { level: 1 }).waitFor();
  const frame = page.frame({ name: 'app-iframe' })!;
  // Polaris' own skeleton and spinner, not a number field's stepper.
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await frame.evaluate(() => (document.querySelector('[class*="Polaris-Skeleton"], .Polaris-Spinner') ? '' : document.body.innerText));
        const settled = now !== '' && now === last;
        last = now;
        return settled;
      },
      // A first visit builds the shop's model: slow on a loaded machine.
      { interval: 500, timeout: 90_000 },
    )
    .toBe(true);
  return frame;
}
