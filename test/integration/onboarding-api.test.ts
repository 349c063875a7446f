import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env?.close());

async function onboarding(withToken = true) {
  const token = await signSessionToken({ shop: env.sandbox.shop.myshopifyDomain, apiKey: SANDBOX_API_KEY, apiSecret: SANDBOX_API_SECRET, userId: '1001' });
  const response = await fetch(new URL('/api/onboarding', env.app.url), { headers: withToken ? { Authorization: `Bearer ${token}` } : {} });
  // The body is read at arbitrary paths below; its shape is what is under test.
  return { status: response.status, body: (await response.json()) as any };
}

const stateOf = (body: { steps: { id: string; state: string }[] }) => Object.fromEntries(body.steps.map((step) => [step.id, step.state]));

describe('GET /api/onboarding', () => {
  it('answers the checklist from the shop\'s real state: the demo theme has the notice on and picks on three templates', async () => {
    const { status, body } = await onboarding();
    expect(status).toBe(200);
    expect(stateOf(body)).toEqual({ import: 'completed', notice: 'on', picks: 'placed', persona: 'missing', followups: 'off' });
    expect(body.steps.find((s: { id: string }) => s.id === 'picks').templates).toEqual(['cart', 'index', 'product']);
    expect(body.theme).toEqual({ name: 'Dawn', unreadableFiles: [] });
    expect(body.steps.find((s: { id: string }) => s.id === 'persona').link).toEqual({ kind: 'app', href: '/follow-ups' });
  });

  it('follows the live theme as it changes, and links open steps to the theme editor with the app\'s key', async () => {
    env.sandbox.store.theme.reset('bare');
    const { body } = await onboarding();
    expect(stateOf(body)).toMatchObject({ notice: 'absent', picks: 'not_placed' });
    const notice = body.steps.find((s: { id: string }) => s.id === 'notice');
    expect(notice.link.href).toBe(`shopify://admin/themes/current/editor?context=apps&activateAppId=${SANDBOX_API_KEY}%2Ftacto-notice`);
    env.sandbox.store.theme.reset('demo');
  });

  it('says the theme steps are unknown, rather than failing, when the Admin API cannot answer', async () => {
    env.sandbox.adminApi.outage(503);
    try {
      const { status, body } = await onboarding();
      expect(status).toBe(200);
      expect(body.themeError).toBe('theme_unreadable');
      expect(stateOf(body)).toMatchObject({ import: 'completed', notice: 'unknown', picks: 'unknown' });
    } finally {
      env.sandbox.adminApi.outage(null);
    }
  });

  it('refuses a request without a session token', async () => {
    expect((await onboarding(false)).status).toBe(401);
  });
});
