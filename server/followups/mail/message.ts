import type { SendMailOptions } from 'nodemailer';

/** One post-purchase follow-up, fully written: this module only checks it and maps it onto nodemailer. */
export interface FollowupMessage {
  from: { name: string; address: string };
  replyTo: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** https URL: shown in the body by the caller and sent as List-Unsubscribe. */
  unsubscribeUrl: string;
  /** Optional second List-Unsubscribe target. */
  unsubscribeMailto?: string;
  /** Stable per follow-up, e.g. `<followup.123.shop@tacto.app>`: the same order always gets the same id. */
  messageId: string;
  inlineImages?: { cid: string; filename: string; contentType: string; content: Buffer }[];
}

/** RFC 8058: the one body a one-click unsubscribe POST carries; mail providers look for this exact value. */
export const LIST_UNSUBSCRIBE_POST = 'List-Unsubscribe=One-Click';

/**
 * A deliberately plain address: one mailbox, no display name, no list. The follow-up goes to exactly one
 * shopper, so a comma or angle bracket here is a bug upstream that would otherwise add recipients.
 */
const BARE_ADDRESS = /^[^\s@<>,;:"()\\[\]]+@[^\s@<>,;:"()\\[\]]+\.[^\s@<>,;:"()\\[\]]+$/;
const MESSAGE_ID = /^<[^\s<>@]+@[^\s<>@]+>$/;
const CID = /^[^\s<>"']+$/;

/**
 * Maps a follow-up onto nodemailer's options, refusing anything that would break the promises the follow-up
 * makes: one working unsubscribe (RFC 2369 + RFC 8058 one-click), a visible unsubscribe link in both parts,
 * and no remote content — a remote image is how tracking pixels work, so the persona's photo must travel as
 * an inline CID attachment. Throws an Error naming the problem; pure otherwise.
 */
export function mailOptions(message: FollowupMessage): SendMailOptions {
  const unsubscribeUrl = httpsUrl(message.unsubscribeUrl);
  const unsubscribeMailto = message.unsubscribeMailto === undefined ? undefined : mailtoUrl(message.unsubscribeMailto);
  for (const [field, value] of [['from.address', message.from.address], ['replyTo', message.replyTo], ['to', message.to]] as const) {
    if (!BARE_ADDRESS.test(value)) throw new Error(`Follow-up ${field} must be one plain e-mail address, got "${value}"`);
  }
  if (!message.from.name.trim()) throw new Error('Follow-up from.name must name the person writing');
  if (/[\r\n]/.test(message.from.name) || /[\r\n]/.test(message.subject)) {
    throw new Error('Follow-up from.name and subject must be single lines');
  }
  if (!message.subject.trim()) throw new Error('Follow-up subject must not be empty');
  if (!MESSAGE_ID.test(message.messageId)) {
    throw new Error(`Follow-up messageId must look like <id@domain>, got "${message.messageId}"`);
  }
  if (!message.text.trim()) throw new Error('Follow-up needs a plain-text part');
  checkHtml(message.html, message.inlineImages ?? []);
  checkVisibleUnsubscribe(message, unsubscribeUrl);

  return {
    from: { name: message.from.name, address: message.from.address },
    replyTo: message.replyTo,
    to: message.to,
    subject: message.subject,
    messageId: message.messageId,
    text: message.text,
    html: message.html,
    // The inner array makes nodemailer join both targets into ONE header: a flat array would give two
    // List-Unsubscribe headers, which RFC 8058 receivers may treat as no valid one-click header at all.
    list: { unsubscribe: [unsubscribeMailto ? [unsubscribeUrl, unsubscribeMailto] : [unsubscribeUrl]] },
    headers: { 'List-Unsubscribe-Post': LIST_UNSUBSCRIBE_POST },
    attachments: (message.inlineImages ?? []).map((image) => ({
      cid: image.cid,
      filename: image.filename,
      contentType: image.contentType,
      content: image.content,
      contentDisposition: 'inline' as const,
    })),
  };
}

/**
 * RFC 8058 one-click needs https. The one exception is a loopback host (the sandbox runs the app on
 * http://localhost:3456 and its mail goes to a local sink): such a link cannot work outside this machine
 * anyway, so allowing it weakens nothing a real recipient could see.
 */
function httpsUrl(text: string): string {
  const url = parseUrl(text);
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname)))) {
    throw new Error(`Follow-up unsubscribeUrl must be an https URL, got "${text}"`);
  }
  // The header wraps URLs in <>; WHATWG serialisation percent-encodes spaces and brackets, so href is safe there.
  return url.href;
}

function mailtoUrl(text: string): string {
  const url = parseUrl(text);
  if (url?.protocol !== 'mailto:' || !BARE_ADDRESS.test(decodeURIComponent(url.pathname))) {
    throw new Error(`Follow-up unsubscribeMailto must be a mailto: URL for one address, got "${text}"`);
  }
  return url.href;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * A guard, not a sanitiser: the caller renders the html from its own template, so anything remote here is a
 * template bug. Every <img> must point at an attached cid:, and no other way of loading a remote resource
 * (srcset, CSS url(), background=, <link>, <iframe>, <object>…) may appear at all.
 */
function checkHtml(html: string, images: NonNullable<FollowupMessage['inlineImages']>): void {
  const cids = new Set<string>();
  for (const image of images) {
    if (!CID.test(image.cid)) throw new Error(`Follow-up inline image cid "${image.cid}" must be a plain token`);
    if (cids.has(image.cid)) throw new Error(`Follow-up inline image cid "${image.cid}" is used twice`);
    cids.add(image.cid);
  }
  for (const tag of html.match(/<img\b[^>]*>/gi) ?? []) {
    const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = (src?.[1] ?? src?.[2] ?? src?.[3] ?? '').trim();
    if (/^(https?:)?\/\//i.test(value)) {
      throw new Error(`Follow-up html must not load remote images (tracking pixels): ${tag}`);
    }
    if (!/^cid:/i.test(value)) throw new Error(`Follow-up html images must use an inline cid: source: ${tag}`);
    if (!cids.has(value.slice(4))) throw new Error(`Follow-up html refers to ${value}, which is not attached`);
  }
  const remote = /\ssrcset\s*=|url\(\s*['"]?\s*(https?:)?\/\/|\sbackground\s*=\s*['"]?\s*(https?:)?\/\/|<(link|iframe|object|embed|script|video|audio)\b/i.exec(html);
  if (remote) throw new Error(`Follow-up html must not load remote content (tracking): found "${remote[0].trim()}"`);
}

/** The List-Unsubscribe header is not enough: people look for the link in the mail itself. */
function checkVisibleUnsubscribe(message: FollowupMessage, url: string): void {
  const inHtml = [url, message.unsubscribeUrl, url.replaceAll('&', '&amp;'), message.unsubscribeUrl.replaceAll('&', '&amp;')];
  if (!inHtml.some((candidate) => message.html.includes(candidate))) {
    throw new Error('Follow-up html must show the unsubscribe link (unsubscribeUrl)');
  }
  if (!message.text.includes(url) && !message.text.includes(message.unsubscribeUrl)) {
    throw new Error('Follow-up text must show the unsubscribe link (unsubscribeUrl)');
  }
}
