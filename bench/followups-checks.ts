/**
 * The follow-up benchmark's correctness checks. Each throws on failure (the run then exits 1); the text it
 * returns is what passed.
 */
import Database from 'better-sqlite3';
import { dkimVerify } from 'mailauth';
import { simpleParser } from 'mailparser';
import { DKIM_DOMAIN, DKIM_SELECTOR, PERSONA } from './followups-seed.ts';
import type { SinkTake } from './followups-sink.ts';

/** The sink got exactly `expected` messages, each with a Message-ID of its own. */
export function checkReceived(take: SinkTake, expected: number, label: string): void {
  if (take.messages !== expected) throw new Error(`${label}: the sink received ${take.messages} messages, expected ${expected}`);
  if (take.withoutMessageId > 0) throw new Error(`${label}: ${take.withoutMessageId} messages without a Message-ID`);
  if (take.distinctMessageIds !== expected) {
    throw new Error(`${label}: ${expected - take.distinctMessageIds} duplicate Message-IDs among ${expected} messages`);
  }
}

/**
 * Every job of the run ended `sent`, each with its own Message-ID; returns how many of those mails carried
 * complements (the engine recorded an 'email' impression for the buyer).
 */
export function checkJobs(dbFile: string, expected: number, label: string): { withComplements: number } {
  const db = new Database(dbFile, { readonly: true });
  try {
    const statuses = db.prepare('select status, count(*) as n from followup_jobs group by status').all() as { status: string; n: number }[];
    const sent = statuses.find((s) => s.status === 'sent')?.n ?? 0;
    if (sent !== expected || statuses.length !== 1) {
      throw new Error(`${label}: jobs ended ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}; expected ${expected} sent and nothing else`);
    }
    const { ids } = db.prepare('select count(distinct message_id) as ids from followup_jobs').get() as { ids: number };
    if (ids !== expected) throw new Error(`${label}: ${expected} jobs recorded only ${ids} distinct Message-IDs`);
    const { buyers } = db.prepare(`select count(distinct customer_id) as buyers from recommendation_impressions where surface = 'email'`).get() as { buyers: number };
    return { withComplements: buyers };
  } finally {
    db.close();
  }
}

/**
 * One received follow-up, parsed: from the persona, replying to the persona's verified mailbox, one one-click
 * unsubscribe, the photo inline and no remote image; with `publicKey`, a DKIM signature that verifies.
 */
export async function checkSample(raw: string, label: string, publicKeyBase64?: string): Promise<void> {
  const fail = (what: string) => {
    throw new Error(`${label}, sample mail: ${what}`);
  };
  const parsed = await simpleParser(raw, { skipImageLinks: true });
  const from = parsed.from?.value[0];
  if (from?.name !== PERSONA.fullName || from.address !== PERSONA.fromAddress) fail(`From is ${parsed.from?.text}`);
  if (parsed.replyTo?.value.length !== 1 || parsed.replyTo.value[0]?.address !== PERSONA.replyTo) fail(`Reply-To is ${parsed.replyTo?.text}`);
  const lines = (name: string) => parsed.headerLines.filter((h) => h.key === name).map((h) => h.line);
  const unsubscribe = lines('list-unsubscribe');
  if (unsubscribe.length !== 1 || !/<https:\/\/[^>]+>/.test(unsubscribe[0]!)) fail(`List-Unsubscribe: ${JSON.stringify(unsubscribe)}`);
  const post = lines('list-unsubscribe-post');
  if (post.length !== 1 || !post[0]!.includes('List-Unsubscribe=One-Click')) fail(`List-Unsubscribe-Post: ${JSON.stringify(post)}`);
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  const images = html.match(/<img\b[^>]*>/gi) ?? [];
  if (images.length === 0) fail('no persona photo in the html');
  for (const tag of images) if (!/\ssrc="cid:[^"]+"/i.test(tag)) fail(`an image that is not inline: ${tag}`);
  if (/url\(\s*['"]?\s*(https?:)?\/\/|\ssrcset\s*=/i.test(html)) fail('remote content in the html');
  if (!parsed.attachments.some((a) => a.contentType === 'image/jpeg' && a.contentDisposition === 'inline' && a.cid)) fail('the photo is not attached inline');
  if (publicKeyBase64 !== undefined) {
    const record = `v=DKIM1; k=rsa; p=${publicKeyBase64}`;
    // Stands in for DNS: only the selector's TXT record exists.
    const resolver = async (name: string, type: string) => {
      if (type === 'TXT' && name === `${DKIM_SELECTOR}._domainkey.${DKIM_DOMAIN}`) return [record.match(/.{1,255}/g)!];
      throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    };
    const verdict = (await dkimVerify(Buffer.from(raw), { resolver })).results[0]?.status.result;
    if (verdict !== 'pass') fail(`DKIM verification: ${verdict ?? 'no signature'}`);
  }
}
