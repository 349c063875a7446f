import { simpleParser, type ParsedMail } from 'mailparser';
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from '../../sandbox/credentials.ts';
import type { ReceivedMail } from '../../sandbox/mail/smtp-sink.ts';
import { signSessionToken } from '../../sandbox/oauth/signing.ts';
import type { AppAndSandbox } from '../support/sandbox.ts';

/** The admin API of the installed sandbox shop, as the embedded admin calls it (session token). */
export function adminApi(env: () => AppAndSandbox) {
  return async (method: string, path: string, body?: unknown) => {
    const { app, sandbox } = env();
    const token = await signSessionToken({ shop: sandbox.shop.myshopifyDomain, apiKey: SANDBOX_API_KEY, apiSecret: SANDBOX_API_SECRET, userId: '1' });
    const response = await fetch(new URL(`/api${path}`, app.url), {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { message?: string } };
  };
}

export const PERSONA = {
  fullName: 'Marta Ruiz',
  role: 'Head of customer care',
  signature: 'Marta — here on weekdays, 9 to 5',
  fromAddress: 'marta@tacto-demo.example',
  replyTo: 'marta.ruiz@tacto-demo.example',
};

/** The six-digit code in the newest verification mail to `to`. */
export async function verificationCode(env: AppAndSandbox, to: string): Promise<string> {
  const mail = await env.sandbox.smtp!.waitFor((m) => m.envelope.to.includes(to) && /code/i.test(m.subject ?? ''), 20_000);
  return /\b(\d{6})\b/.exec(mail.text ?? '')![1]!;
}

export const parse = (mail: ReceivedMail): Promise<ParsedMail> => simpleParser(mail.raw);

/** Every header line named `name` (case-insensitive), as sent. */
export const headerLines = (mail: ReceivedMail, name: string) => mail.headers.filter((h) => h.key.toLowerCase() === name.toLowerCase()).map((h) => h.line);

/** Saves PERSONA (or `persona`) through the admin API and confirms its Reply-To with the mailed code. */
export async function confirmedPersona(env: AppAndSandbox, persona: typeof PERSONA = PERSONA): Promise<void> {
  const api = adminApi(() => env);
  const saved = await api('PUT', '/followups/persona', persona);
  if (saved.status !== 200) throw new Error(`persona not saved: ${JSON.stringify(saved.body)}`);
  const verified = await api('POST', '/followups/persona/verify', { code: await verificationCode(env, persona.replyTo) });
  if (verified.status !== 200) throw new Error(`persona not verified: ${JSON.stringify(verified.body)}`);
}
