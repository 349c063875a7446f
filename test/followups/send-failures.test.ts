/**
 * What used to make every send fail: persona fields with line breaks or control characters (refused at save now,
 * and one stored before that check no longer breaks sending), and templates that fail only with a real buyer's
 * values (skipped with 'template-error', never retried, while the shop's other mails go out).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../sandbox/seed/demo-customers.ts';
import { placeOrder } from '../../sandbox/store/place-order.ts';
import type { SandboxOrder } from '../../sandbox/store/types.ts';
import { personaInput } from '../../server/followups/personas/persona-input.ts';
import { isPlainLines, isSingleLine, mailSafePersona, personaTextProblem } from '../../server/followups/personas/plain-text.ts';
import { DAY_MS, DEFAULT_FLOW_SETTINGS, firstSendTime } from '../../server/followups/scheduler/index.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { adminApi, headerLines, parse, PERSONA } from './support.ts';

let env: AppAndSandbox;
const api = adminApi(() => env);
const shop = () => env.sandbox.shop.myshopifyDomain;
const customerOf = (email: string) => [...env.sandbox.store.customers.values()].find((c) => c.email === email)!;
const productOf = (handle: string) => [...env.sandbox.store.products.values()].find((p) => p.handle === handle)!;
const followupsAbout = (orderId: number) =>
  env.sandbox.smtp!.messages().filter((m) => headerLines(m, 'Message-ID').some((line) => line.includes(`<followup.${orderId}@`)));
const jobOf = async (orderId: number) => (await env.app.storage.followups.jobs(shop(), 100)).find((j) => j.orderId === orderId);
const fulfilledAt = (order: SandboxOrder) => Math.floor(Date.parse(order.fulfillments[0]!.createdAt) / 1000) * 1000;

async function fulfilledOrder(email: string, handle: string): Promise<SandboxOrder> {
  const order = placeOrder(env.sandbox.store, { customerId: customerOf(email).id, productIds: [productOf(handle).id] });
  env.sandbox.store.fulfillOrder(order.id);
  await env.sandbox.webhooks.idle();
  await env.app.webhookWorker.idle();
  return order;
}

/** Runs the worker at the moment the follow-up about `order` may first go out in the buyer's zone. */
const sendTimeOf = (order: SandboxOrder, timeZone: string) => firstSendTime({ fulfilledAt: fulfilledAt(order), timeZone, settings: DEFAULT_FLOW_SETTINGS });

beforeAll(async () => {
  env = await startInstalledApp({ smtpPort: 0 });
});
afterAll(() => env?.close());

describe('persona text, pure', () => {
  // Any text, with the characters that matter over-represented: controls, separators, bidi overrides, letters.
  const risky = fc.string({ unit: fc.oneof(fc.constantFrom('\n', '\r', '\t', '\u0000', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\u202e', '\u2066', ' '), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) });

  it('a persona made safe for a mail has no field a stored check would refuse, and keeps its words', () => {
    fc.assert(
      fc.property(risky, risky, risky, (fullName, role, signature) => {
        const safe = mailSafePersona({ fullName, role, signature });
        expect(isSingleLine(safe.fullName) && isSingleLine(safe.role) && isPlainLines(safe.signature)).toBe(true);
        expect(personaTextProblem({ ...safe, fromAddress: 'a@b.example', replyTo: 'c@d.example' })).toBeNull();
        // Only controls (and spaces at the ends) go: every other character stays, in order.
        expect(safe.fullName.replace(/\s/gu, '')).toBe(fullName.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\s/gu, ''));
      }),
      { seed: 20_260_512, numRuns: 300 },
    );
  });

  it('the save schema refuses exactly the names a mail could not carry', () => {
    fc.assert(
      fc.property(risky, (name) => {
        const fullName = `Marta ${name} Ruiz`;
        const parsed = personaInput.safeParse({ fullName, role: 'Head of care', fromAddress: 'marta@x.example', replyTo: 'marta@y.example' });
        const refusedForControls = !parsed.success && parsed.error.issues.some((i) => i.path[0] === 'fullName' && /one line/.test(i.message));
        expect(refusedForControls).toBe(!isSingleLine(fullName));
      }),
      { seed: 20_260_513, numRuns: 300 },
    );
  });
});

describe('persona fields', () => {
  const BAD: [field: keyof typeof PERSONA, value: string][] = [
    ['fullName', 'Marta\nRuiz'],
    ['fullName', 'Marta Ruiz\r\nBcc: everyone@example.com'],
    ['fullName', 'Marta\u0085Ruiz'], // C1 "next line"
    ['fullName', 'Marta\u2028Ruiz'], // line separator
    ['fullName', 'Marta \u202eziuR'], // right-to-left override
    ['fullName', 'Marta\u0000Ruiz'],
    ['role', 'Head of\ncustomer care'],
    ['role', 'Head of\u001bcustomer care'],
    ['fromAddress', 'marta@tacto-demo.example\r\nBcc: everyone@example.com'],
    ['replyTo', 'marta.ruiz@tacto-demo.example\n'],
    ['signature', 'Marta\tweekdays'],
    ['signature', 'Marta\u2029weekdays'],
  ];

  it.each(BAD)('refuses a %s with a control character: 400 naming the field, nothing stored', async (field, value) => {
    const refused = await api('PUT', '/followups/persona', { ...PERSONA, [field]: value });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('invalid_request');
    expect(refused.body.message).toMatch(new RegExp(`(^|; )${field}: `));
    expect(await env.app.storage.followups.persona(shop())).toBeNull();
  });

  it('keeps ordinary line breaks in the signature (Windows ones as line feeds)', async () => {
    const saved = await api('PUT', '/followups/persona', { ...PERSONA, signature: 'Marta\r\nhere on weekdays\n9 to 5' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await env.app.storage.followups.persona(shop()))?.signature).toBe('Marta\nhere on weekdays\n9 to 5');
  });

  it('stored before the check with a line break in the name: preview and test answer 422 naming it, and follow-ups still go out, on one line', async () => {
    const at = new Date().toISOString();
    await env.app.storage.followups.savePersona(shop(), { ...PERSONA, fullName: 'Marta\nRuiz', role: 'Head of\r\ncustomer care' }, at);
    await env.app.storage.followups.markVerified(shop(), at);
    const draft = { locale: 'en', subject: 'A few tips for your {{ product.title }}', body: 'Hi {{ customer.first_name }},\n\nI hope it arrived well.' };
    for (const path of ['/followups/preview', '/followups/test']) {
      const answer = await api('POST', path, draft);
      expect(answer.status, path).toBe(422);
      expect(answer.body, path).toMatchObject({ error: 'persona_invalid', field: 'fullName' });
      expect(answer.body.message, path).toMatch(/name has a line break/);
    }

    expect((await api('PUT', '/followups/flow', { ...draft, settings: { ...DEFAULT_FLOW_SETTINGS, enabled: true } })).status).toBe(200);
    const order = await fulfilledOrder(PERSONAS.COAT_BUYER, 'merino-scarf');
    await env.app.followups.worker.round(sendTimeOf(order, 'Europe/London'));
    expect(await jobOf(order.id)).toMatchObject({ status: 'sent' });
    const [mail] = followupsAbout(order.id);
    const parsed = await parse(mail!);
    expect(parsed.from?.value[0]).toEqual({ name: 'Marta Ruiz', address: PERSONA.fromAddress });
    expect(parsed.text).toContain('Marta Ruiz\nHead of customer care');
    // One From header, one line: nothing the name held became a header of its own.
    expect(headerLines(mail!, 'From')).toHaveLength(1);
    expect(headerLines(mail!, 'From')[0]).not.toMatch(/[\r\n]/);
  });
});

describe('a template that fails only with a real buyer’s values', () => {
  it('is skipped for that buyer with template-error, never retried, while the others are sent', async () => {
    // Passes the check at save (sample names are empty or 255 characters), then: a million-step loop for Daniel,
    // a filter error for Carlos, nothing unusual for Isabel.
    const body =
      "Hi {{ customer.first_name }},{% if customer.first_name == 'Daniel' %}{% for i in (1..1000000) %}x{% endfor %}{% endif %}" +
      "{% if customer.first_name == 'Carlos' %}{{ '%' | url_decode }}{% endif %}\n\nI hope it arrived well.";
    // The same text in English and Spanish: Daniel reads English, Carlos and Isabel Spanish.
    const template = { subject: 'A few tips for your {{ product.title }}', body };
    const saved = await api('PUT', '/followups/flow', { templates: { en: template, es: template }, settings: { ...DEFAULT_FLOW_SETTINGS, enabled: true } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const buyers = [
      { order: await fulfilledOrder(PERSONAS.CAMERA_BUYER, 'travel-tripod'), zone: 'Europe/London', outcome: 'skipped' },
      { order: await fulfilledOrder('carlos.ruiz@example.com', 'winter-beanie'), zone: 'Europe/Madrid', outcome: 'skipped' },
      { order: await fulfilledOrder('isabel.romero@example.com', 'knit-mittens'), zone: 'America/Argentina/Buenos_Aires', outcome: 'sent' },
    ];
    // Each buyer's moment, earliest first (a later round would already have moved the earlier buyers' jobs on).
    for (const at of buyers.map(({ order, zone }) => sendTimeOf(order, zone)).sort((a, b) => a - b)) await env.app.followups.worker.round(at);
    for (const { order, outcome } of buyers) {
      expect(await jobOf(order.id), String(order.id)).toMatchObject(outcome === 'sent' ? { status: 'sent' } : { status: 'skipped', reason: 'template-error' });
      expect(followupsAbout(order.id), String(order.id)).toHaveLength(outcome === 'sent' ? 1 : 0);
    }
    // Later rounds leave the skipped ones alone: nothing is due again.
    const last = Math.max(...buyers.map(({ order, zone }) => sendTimeOf(order, zone)));
    await env.app.followups.worker.round(last + DAY_MS);
    for (const { order, outcome } of buyers) {
      expect(followupsAbout(order.id)).toHaveLength(outcome === 'sent' ? 1 : 0);
      if (outcome === 'skipped') expect(await jobOf(order.id)).toMatchObject({ status: 'skipped', reason: 'template-error' });
    }
  });
});
