/**
 * The Follow-ups page in the merchant's language (the sandbox admin passes `?locale=` as Shopify's admin does):
 * opened in Spanish or Portuguese it speaks that language throughout, opens the editor on that language's tab —
 * Tacto's starter for it — and previews the mail as a buyer of that language gets it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import EN from '../../app/locales/en/followups.json' with { type: 'json' };
import ES from '../../app/locales/es/followups.json' with { type: 'json' };
import PT from '../../app/locales/pt-BR/followups.json' with { type: 'json' };
import { ADMIN_APP_PATH } from '../../sandbox/admin/routes.ts';
import { DEFAULT_TEMPLATES, MAIL_WORDS } from '../../server/followups/compose/words.ts';
import { launchBrowser } from '../support/browser.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { confirmedPersona } from './support.ts';

let env: AppAndSandbox;
let browser: Browser;

beforeAll(async () => {
  env = await startInstalledApp({ smtpPort: 0 });
  await confirmedPersona(env);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await env?.close();
});

/** English words the page must not show in another language (headings, buttons, the check's title). */
const ENGLISH = [EN.persona.title, EN.settings.title, EN.editor.title, EN.lint.title, EN.recent.title, EN.persona.save, EN.editor.sendTest, EN.settings.send];

describe('the Follow-ups page in the merchant’s language', () => {
  it.each([
    ['es', ES],
    ['pt-BR', PT],
  ] as const)('%s: every heading, control and the copy check in that language; the editor opens on its starter', { timeout: 90_000 }, async (locale, words) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(new URL(`${ADMIN_APP_PATH}/follow-ups?locale=${locale}`, env.sandbox.url).toString());
    const frame = page.frameLocator('iframe[name="app-iframe"]');
    await frame.getByRole('heading', { name: words.page.title, level: 1 }).waitFor({ timeout: 20_000 });
    for (const heading of [words.persona.title, words.settings.title, words.editor.title, words.lint.title, words.recent.title]) {
      await frame.getByRole('heading', { name: heading, exact: true }).waitFor();
    }
    await frame.getByRole('button', { name: words.persona.save }).waitFor();
    await frame.getByLabel(words.settings.send, { exact: true }).waitFor();

    // The editor opens on the merchant's language, still Tacto's starter there.
    await frame.getByRole('tab', { name: new RegExp(`${words.languages[locale]}.*${words.editor.starter}`), selected: true }).waitFor();
    expect(await frame.getByLabel(words.editor.subject, { exact: true }).inputValue()).toBe(DEFAULT_TEMPLATES[locale].subject);
    await frame.getByText(words.lint.clean).waitFor({ timeout: 15_000 });

    // The preview is the mail a buyer of that language gets: its footer in that language.
    const preview = frame.frameLocator(`iframe[title="${words.mailPreview.frameTitle}"]`);
    await preview.getByText(MAIL_WORDS[locale].why.replace('{shop}', env.sandbox.shop.name), { exact: false }).waitFor({ timeout: 20_000 });

    const text = await frame.locator('body').innerText();
    for (const english of ENGLISH) expect(text, `${locale} page shows "${english}"`).not.toContain(english);
    await page.close();
  });
});
