/**
 * The Analytics page in Chromium, inside the sandbox admin's frame, against the real app and its real analytics
 * API: a fresh install says what to do first, the date range is what the page asks the server for, the holdout
 * settings are saved and read back, and the CSV export downloads the server's file. One test serves hand-written
 * reports instead (named so): it checks the page's wording for every verdict of the lift, not the server.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, FrameLocator, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../app/lib/analytics.ts';
import { daysOf, lastDays } from '../../app/lib/date-range.ts';
import { ADMIN_APP_PATH } from '../../sandbox/admin/routes.ts';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import { closeWithBrowser, seriousAccessibilityViolations, startWithBrowser } from '../support/browser.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { formatDay } from '../../app/lib/analytics.ts';
import { fixtureReport } from './admin-analytics-fixtures.ts';
import { ENGLISH_WORDS, englishLeftIn } from './admin-analytics-i18n.ts';

let env: AppAndSandbox;
let browser: Browser;

beforeAll(async () => ({ env, browser } = await startWithBrowser(() => startInstalledApp())));
afterAll(() => closeWithBrowser(browser, env));

async function openAnalytics(prepare?: (page: Page) => Promise<void>): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await browser.newPage({ locale: 'en-US', acceptDownloads: true });
  await prepare?.(page);
  await page.goto(new URL(ADMIN_APP_PATH, env.sandbox.url).toString());
  await page.getByRole('navigation', { name: 'Sandbox admin' }).getByRole('link', { name: 'Analytics' }).click();
  const frame = page.frameLocator('iframe[name="app-iframe"]');
  await frame.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
  return { page, frame };
}

const appFrame = (page: Page) => page.frame({ name: 'app-iframe' })!;

/** The report requests the page makes, as `from..to`. */
function reportRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/analytics/report') seen.push(`${url.searchParams.get('from')}..${url.searchParams.get('to')}`);
  });
  return seen;
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the Analytics page on a fresh install', () => {
  it('says to add the picks block, asks the holdout question, and has no serious accessibility violation', async () => {
    const { page, frame } = await openAnalytics();
    await frame.getByText('No picks shown yet').waitFor();
    await frame.getByText('Add the Tacto picks block to your theme', { exact: false }).waitFor();
    await frame.getByRole('heading', { name: 'Does the block help?' }).first().waitFor();
    // The attribution rule is stated beside the figures it defines.
    await frame.getByText('Attributed: orders with a line added from a Tacto pick', { exact: false }).waitFor();
    expect(await seriousAccessibilityViolations(appFrame(page))).toEqual([]);
    await page.close();
  });

  it('asks the server for the range the merchant picks, in UTC days', async () => {
    const { page, frame } = await openAnalytics();
    const requests = reportRequests(page);
    await frame.getByText('Picks shown', { exact: true }).first().waitFor();
    const week = lastDays(7);
    await frame.getByRole('button', { name: 'Last 7 days' }).click();
    await until(() => requests.includes(`${week.from}..${week.to}`), `a report request for ${week.from}..${week.to}`);

    // The calendar: the first and the 10th of last month.
    await frame.getByRole('button', { name: /^Dates: / }).click();
    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1));
    const monthName = lastMonth.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    const year = lastMonth.getUTCFullYear();
    await frame.getByRole('button', { name: new RegExp(`\\b${monthName} 1 ${year}$`) }).click();
    await frame.getByRole('button', { name: new RegExp(`\\b${monthName} 10 ${year}$`) }).click();
    await frame.getByRole('button', { name: 'Show these dates', exact: true }).click();
    const month = String(lastMonth.getUTCMonth() + 1).padStart(2, '0');
    await until(() => requests.includes(`${year}-${month}-01..${year}-${month}-10`), 'a report request for the picked days');
    // The span as English writes one: "Nov 1 – 10, 2026".
    const month_ = lastMonth.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    await frame.getByRole('button', { name: `Dates: ${month_} 1\u2009–\u200910, ${year}` }).waitFor();
    await page.close();
  });

  it('saves the holdout question and share, refuses a share above 50 %, and shows the saved settings after a reload', async () => {
    const { page, frame } = await openAnalytics();
    const percent = frame.getByLabel('Holdout', { exact: true });
    await percent.waitFor();
    await percent.fill('60');
    await frame.getByText('Enter a whole number from 0 to 50.').waitFor();
    expect(await frame.getByRole('button', { name: 'Save experiment' }).isDisabled()).toBe(true);

    await frame.getByRole('radio', { name: /^Does personalization help\?/ }).check({ force: true });
    await percent.fill('20');
    await frame.getByText('20 % of shoppers will see the same block as a visitor.').waitFor();
    await frame.getByText('Changing these starts a new experiment; earlier results stay in their date range.').waitFor();
    await frame.getByRole('button', { name: 'Save experiment' }).click();
    await expect.poll(() => frame.getByRole('button', { name: 'Save experiment' }).isDisabled(), { timeout: 15_000 }).toBe(true);

    await page.reload();
    const reloaded = page.frameLocator('iframe[name="app-iframe"]');
    await reloaded.getByLabel('Holdout', { exact: true }).waitFor();
    expect(await reloaded.getByLabel('Holdout', { exact: true }).inputValue()).toBe('20');
    expect(await reloaded.getByRole('radio', { name: /^Does personalization help\?/ }).isChecked()).toBe(true);
    await page.close();
  });

  it('exports the chosen range as the server\'s CSV file, header row included', async () => {
    const { page, frame } = await openAnalytics();
    await frame.getByText('Picks shown', { exact: true }).first().waitFor();
    const week = lastDays(7);
    await frame.getByRole('button', { name: 'Last 7 days' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Export CSV' }).click()]);
    const text = await readFile((await download.path())!, 'utf8');

    const token = await signSessionToken({ shop: env.sandbox.shop.myshopifyDomain, apiKey: SANDBOX_API_KEY, apiSecret: SANDBOX_API_SECRET, userId: '1' });
    const direct = await fetch(new URL(`/api/analytics/report.csv?from=${week.from}&to=${week.to}`, env.app.url), {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(direct.status).toBe(200);
    const expected = await direct.text();
    const header = expected.split(/\r?\n/)[0]!;
    expect(header).toMatch(/,/);
    expect(text.split(/\r?\n/)[0]).toBe(header);
    expect(text).toBe(expected);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await page.close();
  });
});

describe('the lift card\'s wording (rendering test with fixture reports)', () => {
  const READINGS: Record<Verdict, string> = {
    helps: 'Shoppers who saw Tacto bought 12% more often (95 % interval: from +3% to +21%).',
    hurts: 'Shoppers who saw Tacto bought 10% less often (95 % interval: from -18% to -2%).',
    inconclusive: 'Not enough evidence either way yet. With the current traffic, only a lift of 15% or more could be detected.',
    collecting: 'Collecting data: each group needs at least 30 shoppers and 5 buyers.',
    'no-experiment': 'No holdout is running. Set a holdout above 0 % to measure what Tacto adds.',
  };

  it('reads every verdict in plain words, draws the interval and the charts under the CSP, and keeps the causal figure beside the attributed one', { timeout: 120_000 }, async () => {
    let verdict: Verdict = 'helps';
    const cspViolations: string[] = [];
    const { page, frame } = await openAnalytics(async (p) => {
      p.on('console', (message) => {
        if (/Content Security Policy|securitypolicyviolation/i.test(message.text())) cspViolations.push(message.text());
      });
      await p.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => console.error(`securitypolicyviolation: ${event.violatedDirective}`), true);
      });
      await p.route('**/api/analytics/report?*', async (route: Route) => {
        const url = new URL(route.request().url());
        const range = { from: url.searchParams.get('from')!, to: url.searchParams.get('to')! };
        await route.fulfill({ json: fixtureReport(range, verdict) });
      });
      await p.route('**/api/analytics/settings', (route: Route) => route.fulfill({ json: { holdoutPercent: 10, question: 'block' } }));
    });
    const show = async (next: Verdict, quick: string) => {
      verdict = next;
      await frame.getByRole('button', { name: quick }).click();
      await frame.getByText(READINGS[next]).first().waitFor();
    };
    await frame.getByText(READINGS.helps).first().waitFor();
    await frame.getByRole('img', { name: 'Lift +12%, 95 % interval from +3% to +21%' }).first().waitFor();
    expect(await seriousAccessibilityViolations(appFrame(page))).toEqual([]);
    // polaris-viz drew its lines (a path per surface) and needed nothing the admin's CSP forbids.
    await expect.poll(() => frame.locator('[inert] svg path[d^="M"]').count()).toBeGreaterThan(2);
    expect(cspViolations).toEqual([]);

    await show('hurts', 'Last 7 days');
    await show('inconclusive', 'Last 90 days');
    await show('collecting', 'Last 30 days');
    await show('no-experiment', 'Last 7 days');
    // Attributed revenue with no experiment: said next to it that it is not what Tacto caused.
    await frame.getByText('No holdout is running, so this is not what Tacto caused', { exact: false }).waitFor();
    expect(cspViolations).toEqual([]);
    await page.close();
  });
});

describe('the Analytics page in Spanish and Portuguese (rendering test with fixture reports)', () => {
  const LANGUAGES = [
    {
      locale: 'es',
      title: 'Analíticas',
      reading: 'Los clientes que vieron Tacto compraron un 12\u00a0% más a menudo (intervalo de confianza del 95 %: de +3\u00a0% a +21\u00a0%).',
      quick: 'Últimos 7 días',
      money: '3480,50\u00a0€',
    },
    {
      locale: 'pt-BR',
      title: 'Análises',
      reading: 'Os clientes que viram o Tacto compraram 12% mais vezes (intervalo de confiança de 95%: de +3% a +21%).',
      quick: 'Últimos 7 dias',
      money: '€\u00a03.480,50',
    },
  ] as const;

  for (const language of LANGUAGES) {
    it(`${language.locale}: every word, figure, chart axis and date range is in the language; no English outside product data`, { timeout: 120_000 }, async () => {
      const page = await browser.newPage({ locale: 'en-US' });
      await page.route('**/api/analytics/report?*', async (route: Route) => {
        const url = new URL(route.request().url());
        await route.fulfill({ json: fixtureReport({ from: url.searchParams.get('from')!, to: url.searchParams.get('to')! }, 'helps') });
      });
      await page.route('**/api/analytics/settings', (route: Route) => route.fulfill({ json: { holdoutPercent: 10, question: 'block' } }));
      await page.goto(new URL(`${ADMIN_APP_PATH}/analytics?locale=${language.locale}`, env.sandbox.url).toString());
      const frame = page.frameLocator('iframe[name="app-iframe"]');
      await frame.getByRole('heading', { name: language.title, level: 1 }).waitFor();
      await frame.getByText(language.reading).first().waitFor();
      await frame.getByText(language.money, { exact: true }).first().waitFor();
      await frame.getByRole('button', { name: language.quick }).click();
      // The charts' day ticks are the language's ("3 dic", "3 de dez.").
      const week = daysOf(lastDays(7));
      const ticks = () => frame.locator('[inert] svg text').evaluateAll((texts) => texts.map((text) => text.textContent ?? ''));
      await expect.poll(async () => (await ticks()).filter((tick) => week.some((day) => tick === formatDay(day, language.locale, false))).length, { timeout: 15_000 }).toBeGreaterThan(1);
      expect((await ticks()).filter((tick) => week.some((day) => tick === formatDay(day, 'en', false)))).toEqual([]);

      const text = await frame.locator('body').innerText();
      expect(englishLeftIn(text, language.locale, ['analytics'])).toEqual([]);
      // Product types (Coat, Scarf, Supplement) are the shop's own data; nothing else may read as English.
      const english = text.split('\n').filter((line) => ENGLISH_WORDS.test(line));
      expect(english).toEqual([]);
      await page.close();
    });
  }
});
