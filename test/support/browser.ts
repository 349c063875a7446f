import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

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
