/**
 * The Follow-ups page in Chromium, inside the sandbox admin's frame: a template Liquid refuses (a tag that loads
 * a file, a loop over a limit) shows the server's reason beside the field as it is typed, Save is disabled, and
 * the preview says why it is not updated; fixed, everything clears.
 */
import type { Browser, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_APP_PATH } from '../../sandbox/admin/routes.ts';
import { launchBrowser } from '../support/browser.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { confirmedPersona } from './support.ts';

let env: AppAndSandbox;
let browser: Browser;

beforeAll(async () => {
  env = await startInstalledApp({ smtpPort: 0 });
  await confirmedPersona(env);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await env?.close();
});

/** The text of the elements an input's aria-describedby points at: what a screen reader reads with the field. */
async function descriptionOf(frame: FrameLocator, label: string): Promise<string> {
  const ids = (await frame.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(ids.split(/\s+/).filter(Boolean).map((id) => frame.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

describe('the template editor', () => {
  it('shows Liquid’s refusal beside the field and over the preview, and blocks Save until it is fixed', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    await page.goto(new URL(ADMIN_APP_PATH, env.sandbox.url).toString());
    await page.getByRole('navigation', { name: 'Sandbox admin' }).getByRole('link', { name: 'Follow-ups' }).click();
    const frame = page.frameLocator('iframe[name="app-iframe"]');
    const preview = frame.frameLocator('iframe[title="Preview of the follow-up email"]');
    await preview.getByText('Marta Ruiz', { exact: false }).first().waitFor({ timeout: 15_000 });

    const body = frame.getByLabel('Body', { exact: true });
    const save = frame.getByRole('button', { name: 'Save', exact: true });
    const original = await body.inputValue();
    await body.fill(`${original}\n\n{% include 'package.json' %}`);
    const refusal = 'uses {% include %}, which loads another file';
    await expect.poll(() => descriptionOf(frame, 'Body'), { timeout: 15_000 }).toContain(refusal);
    expect(await save.isDisabled()).toBe(true);
    // The preview keeps its last good version, with the server's 422 message above it.
    await frame.getByText(`The body ${refusal}`, { exact: false }).first().waitFor({ timeout: 15_000 });
    expect(await frame.getByText('"name": "tacto"', { exact: false }).count()).toBe(0);

    const subject = frame.getByLabel('Subject', { exact: true });
    const subjectBefore = await subject.inputValue();
    await body.fill(original);
    await subject.fill('{% for i in (1..1000000) %}x{% endfor %}');
    await expect.poll(() => descriptionOf(frame, 'Subject'), { timeout: 15_000 }).toContain('a follow-up template may create at most 100,000');
    await expect.poll(() => descriptionOf(frame, 'Body'), { timeout: 15_000 }).not.toContain(refusal);
    expect(await save.isDisabled()).toBe(true);

    await subject.fill(subjectBefore);
    await expect.poll(() => save.isDisabled(), { timeout: 15_000 }).toBe(false);
    expect(await descriptionOf(frame, 'Subject')).not.toContain('at most');
  });
});
