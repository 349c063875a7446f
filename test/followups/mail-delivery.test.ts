import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dkimVerify } from 'mailauth';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../../sandbox/mail/smtp-sink.ts';
import { mailOptions, type FollowupMessage } from '../../server/followups/mail/message.ts';
import { createMailer, DKIM_SIGNED_HEADERS, type Mailer } from '../../server/followups/mail/transport.ts';
import { unsubscribeToken } from '../../server/followups/mail/unsubscribe-token.ts';

const DOMAIN = 'tacto-demo.example';
const SELECTOR = 'tacto2026';
// A fresh key per run: nothing about the test depends on a key checked into the repository.
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const DKIM_TXT = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;

/** Stands in for DNS: only the selector record exists, as a TXT record split into 255-byte strings. */
async function resolver(name: string, type: string): Promise<string[][]> {
  if (type === 'TXT' && name === `${SELECTOR}._domainkey.${DOMAIN}`) return [DKIM_TXT.match(/.{1,255}/g)!];
  throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
}

const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const TOKEN = unsubscribeToken('test-secret', 'tacto-demo.myshopify.com', 4242);
const UNSUBSCRIBE_URL = `https://tacto.example/proxy/unsubscribe?token=${TOKEN}&shop=tacto-demo.myshopify.com`;

function followup(overrides: Partial<FollowupMessage> = {}): FollowupMessage {
  return {
    from: { name: 'Inês Souza', address: `ines@${DOMAIN}` },
    replyTo: `ines.souza@${DOMAIN}`,
    to: 'olivia.bennett@example.com',
    subject: 'Your coat is on its way — a note from Inês',
    html:
      '<p><img src="cid:persona-photo" alt="Inês" width="48" height="48"></p><p>Hi Olivia, thank you for your order.</p>' +
      `<p><a href="${UNSUBSCRIBE_URL.replaceAll('&', '&amp;')}">Unsubscribe</a></p>`,
    text: `Hi Olivia, thank you for your order.\n\nUnsubscribe: ${UNSUBSCRIBE_URL}\n`,
    unsubscribeUrl: UNSUBSCRIBE_URL,
    unsubscribeMailto: `mailto:unsubscribe@${DOMAIN}?subject=unsubscribe-4242`,
    messageId: `<followup.1001.tacto-demo.myshopify.com@${DOMAIN}>`,
    inlineImages: [{ cid: 'persona-photo', filename: 'ines.png', contentType: 'image/png', content: PHOTO }],
    ...overrides,
  };
}

let sink: SmtpSink;
let mailer: Mailer | undefined;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterEach(() => {
  mailer?.close();
  mailer = undefined;
  sink.clear();
});
afterAll(async () => {
  await sink.close();
});

function signingMailer(): Mailer {
  return createMailer({
    smtpUrl: `smtp://127.0.0.1:${sink.port}`,
    dkim: { domainName: DOMAIN, keySelector: SELECTOR, privateKey: PRIVATE_PEM },
  });
}

async function sendAndReceive(message: FollowupMessage, through: Mailer): Promise<{ mail: ReceivedMail; parsed: ParsedMail }> {
  const info = await through.send(message);
  expect(info).toEqual({ messageId: message.messageId, accepted: [message.to], rejected: [] });
  const mail = await sink.waitFor((m) => m.raw.includes(message.messageId), 20_000);
  // skipImageLinks keeps cid: references as sent instead of inlining them as data: URLs.
  return { mail, parsed: await simpleParser(mail.raw, { skipImageLinks: true }) };
}

/** Header lines of one name, unfolded, as they travelled. */
function headerValues(parsed: ParsedMail, name: string): string[] {
  return parsed.headerLines
    .filter((line) => line.key === name.toLowerCase())
    .map((line) => line.line.slice(line.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
}

describe('follow-up delivery over SMTP', () => {
  it('arrives from the persona by name, replies to the verified mailbox, with one-click unsubscribe, text and inline photo', async () => {
    mailer = signingMailer();
    const { parsed, mail } = await sendAndReceive(followup(), mailer);

    expect(parsed.from?.value).toEqual([{ name: 'Inês Souza', address: `ines@${DOMAIN}` }]);
    expect(parsed.replyTo?.value).toEqual([{ name: '', address: `ines.souza@${DOMAIN}` }]);
    expect(mail.envelope).toEqual({ from: `ines@${DOMAIN}`, to: ['olivia.bennett@example.com'] });
    expect(parsed.messageId).toBe(`<followup.1001.tacto-demo.myshopify.com@${DOMAIN}>`);
    expect(parsed.subject).toBe('Your coat is on its way — a note from Inês');

    expect(headerValues(parsed, 'List-Unsubscribe')).toEqual([
      `<${UNSUBSCRIBE_URL}>, <mailto:unsubscribe@${DOMAIN}?subject=unsubscribe-4242>`,
    ]);
    expect(headerValues(parsed, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click']);

    expect(parsed.text).toContain(`Unsubscribe: ${UNSUBSCRIBE_URL}`);
    expect(parsed.html).toContain(`href="${UNSUBSCRIBE_URL.replaceAll('&', '&amp;')}"`);
    expect(parsed.html).toContain('src="cid:persona-photo"');
    expect(parsed.html).not.toMatch(/<img[^>]+src=["']?(https?:)?\/\//i);
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]).toMatchObject({
      cid: 'persona-photo',
      contentType: 'image/png',
      contentDisposition: 'inline',
      filename: 'ines.png',
    });
    expect(parsed.attachments[0]!.content.equals(PHOTO)).toBe(true);
  });

  it('sends only the https target when no mailto is given', async () => {
    mailer = signingMailer();
    const { parsed } = await sendAndReceive(followup({ unsubscribeMailto: undefined }), mailer);
    expect(headerValues(parsed, 'List-Unsubscribe')).toEqual([`<${UNSUBSCRIBE_URL}>`]);
    expect(headerValues(parsed, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click']);
  });

  it('is DKIM-signed over List-Unsubscribe and List-Unsubscribe-Post, and the signature verifies', async () => {
    mailer = signingMailer();
    const { mail, parsed } = await sendAndReceive(followup(), mailer);

    const [signature] = headerValues(parsed, 'DKIM-Signature');
    const signed = /(?:^|;)\s*h=([^;]+)/.exec(signature!)![1]!.replace(/\s+/g, '').toLowerCase().split(':');
    expect(signed).toEqual(expect.arrayContaining(['from', 'reply-to', 'subject', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post']));
    expect(signature).toMatch(new RegExp(`d=${DOMAIN};`));
    expect(signature).toMatch(new RegExp(`s=${SELECTOR};`));

    const verified = await dkimVerify(Buffer.from(mail.raw), { resolver });
    expect(verified.results).toHaveLength(1);
    expect(verified.results[0]!.status.result).toBe('pass');
    expect(verified.results[0]!.signingDomain).toBe(DOMAIN);
  });

  it('fails DKIM when List-Unsubscribe-Post or List-Unsubscribe is altered after signing, and only then', async () => {
    mailer = signingMailer();
    const { mail } = await sendAndReceive(followup(), mailer);
    const verdict = async (raw: string) => (await dkimVerify(Buffer.from(raw), { resolver })).results[0]!.status.result;

    const postTampered = mail.raw.replace('List-Unsubscribe-Post: List-Unsubscribe=One-Click', 'List-Unsubscribe-Post: List-Unsubscribe=Off');
    expect(postTampered).not.toBe(mail.raw);
    expect(await verdict(postTampered)).toBe('fail');

    const urlTampered = mail.raw.replace('https://tacto.example/', 'https://evil.example/');
    expect(urlTampered).not.toBe(mail.raw);
    expect(await verdict(urlTampered)).toBe('fail');

    // Control: a header outside the signed list may be added in transit without breaking the signature,
    // so the failures above come from those two headers being covered.
    const unsignedAdded = mail.raw.replace('\r\n\r\n', '\r\nX-Relay-Note: scanned\r\n\r\n');
    expect(await verdict(unsignedAdded)).toBe('pass');
  });

  it('sends unsigned without a DKIM key, and keeps the same Message-ID for the same follow-up', async () => {
    mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${sink.port}` });
    const first = await sendAndReceive(followup(), mailer);
    expect(headerValues(first.parsed, 'DKIM-Signature')).toEqual([]);
    sink.clear();
    const second = await sendAndReceive(followup(), mailer);
    expect(second.parsed.messageId).toBe(first.parsed.messageId);
  });

  it('delivers a concurrent batch through the pool', async () => {
    mailer = signingMailer();
    const batch = Array.from({ length: 60 }, (_, i) =>
      followup({ to: `shopper${i}@example.com`, messageId: `<followup.${2000 + i}.tacto-demo.myshopify.com@${DOMAIN}>` }),
    );
    const results = await Promise.all(batch.map((message) => mailer!.send(message)));
    expect(results.map((r) => r.accepted[0])).toEqual(batch.map((m) => m.to));
    expect(sink.messages()).toHaveLength(60);
    const sample = sink.messages()[37]!;
    expect((await dkimVerify(Buffer.from(sample.raw), { resolver })).results[0]!.status.result).toBe('pass');
  });

  it('reports an unreachable server as a connection error, the way nodemailer does (nothing was sent)', async () => {
    const closed = await startSmtpSink();
    const port = closed.port;
    await closed.close();
    mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}` });
    await expect(mailer.send(followup())).rejects.toMatchObject({ code: 'ESOCKET', command: 'CONN' });
  });
});

describe('createMailer configuration', () => {
  it('lists exactly nodemailer\'s default signed headers plus List-Unsubscribe-Post', () => {
    // Read from the installed nodemailer, so an upgrade that changes its default list fails here.
    const source = readFileSync(createRequire(import.meta.url).resolve('nodemailer/lib/dkim/sign.js'), 'utf8');
    const literal = /let defaultFieldNames =([^;]+);/.exec(source)![1]!;
    const defaults = [...literal.matchAll(/'([^']*)'/g)].map((m) => m[1]).join('');
    expect(defaults.split(':')).toContain('List-Unsubscribe');
    expect(DKIM_SIGNED_HEADERS).toBe(`${defaults}:List-Unsubscribe-Post`);
  });

  it('refuses keys nodemailer would silently fail to sign with, and URLs it would misread', () => {
    const dkim = (key: string) => ({ domainName: DOMAIN, keySelector: SELECTOR, privateKey: key });
    const smtpUrl = 'smtp://127.0.0.1:2525';
    expect(() => createMailer({ smtpUrl, dkim: dkim('not a key') })).toThrow(/cannot be read/);
    const ed25519 = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => createMailer({ smtpUrl, dkim: dkim(ed25519) })).toThrow(/must be RSA/);
    expect(() => createMailer({ smtpUrl: 'http://mail.example' })).toThrow(/smtp: or smtps:/);
    expect(() => createMailer({ smtpUrl: 'mail.example:25' })).toThrow(/smtp/);
    expect(() => createMailer({ smtpUrl: 'smtp://mail.example?pool=false' })).toThrow(/query/);
  });
});

describe('mailOptions guards', () => {
  it('maps a follow-up to exactly one List-Unsubscribe and the one-click header', () => {
    const options = mailOptions(followup());
    expect(options.list).toEqual({ unsubscribe: [[UNSUBSCRIBE_URL, `mailto:unsubscribe@${DOMAIN}?subject=unsubscribe-4242`]] });
    expect(options.headers).toEqual({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(options.from).toEqual({ name: 'Inês Souza', address: `ines@${DOMAIN}` });
    expect(options.replyTo).toBe(`ines.souza@${DOMAIN}`);
  });

  it('accepts http only for a loopback unsubscribe URL (the sandbox app runs on http://localhost)', () => {
    for (const url of ['http://localhost:3456/unsubscribe/t', 'http://127.0.0.1:3456/unsubscribe/t', 'http://[::1]:3456/unsubscribe/t']) {
      const options = mailOptions(followup({ unsubscribeUrl: url, html: `<a href="${url}">Unsubscribe</a>`, text: url, inlineImages: [] }));
      expect(options.list).toEqual({ unsubscribe: [[url, `mailto:unsubscribe@${DOMAIN}?subject=unsubscribe-4242`]] });
    }
    for (const url of ['http://tacto.example/u/t', 'http://localhost.evil.example/u/t', 'http://127.0.0.1.evil.example/u/t']) {
      expect(() => mailOptions(followup({ unsubscribeUrl: url, html: `<a href="${url}">x</a>`, text: url, inlineImages: [] }))).toThrow(/https URL/);
    }
  });

  it.each([
    ['a remote image', { html: `<img src="https://pixel.example/o.gif"><a href="${UNSUBSCRIBE_URL}">x</a>` }, /remote images/],
    ['a protocol-relative image', { html: `<img src='//pixel.example/o.gif'><a href="${UNSUBSCRIBE_URL}">x</a>` }, /remote images/],
    ['an image with no attachment', { html: `<img src="cid:missing"><a href="${UNSUBSCRIBE_URL}">x</a>` }, /not attached/],
    ['a CSS background', { html: `<div style="background:url('http://pixel.example/o.gif')"><a href="${UNSUBSCRIBE_URL}">x</a></div>` }, /remote content/],
    ['an http unsubscribe URL', { unsubscribeUrl: UNSUBSCRIBE_URL.replace('https:', 'http:') }, /https URL/],
    ['a bad mailto', { unsubscribeMailto: 'unsubscribe@example.com' }, /mailto:/],
    ['no visible link in html', { html: '<p>Hi</p>' }, /html must show the unsubscribe link/],
    ['no visible link in text', { text: 'Hi' }, /text must show the unsubscribe link/],
    ['no text part', { text: '  ' }, /plain-text part/],
    ['two recipients', { to: 'a@example.com, b@example.com' }, /one plain e-mail address/],
    ['a display name in Reply-To', { replyTo: 'Ines <ines@example.com>' }, /one plain e-mail address/],
    ['a header injection in the name', { from: { name: 'Ines\r\nBcc: x@example.com', address: `ines@${DOMAIN}` } }, /single lines/],
    ['a bare message id', { messageId: 'followup.1@tacto.app' }, /<id@domain>/],
  ] as const)('refuses %s', (_, overrides, error) => {
    expect(() => mailOptions(followup(overrides as Partial<FollowupMessage>))).toThrow(error);
  });
});
