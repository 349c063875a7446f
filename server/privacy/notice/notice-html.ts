/**
 * Pure steps from the notice block's Liquid output to what a shopper reads once tacto.js has run: the numbers
 * filled into each `data-template` text, the dialog open, no script; and the same reduced to plain text blocks
 * for the privacy report.
 */
import { escapeHtml } from '../../text/escape-html.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}


/** `historyDays` → `HISTORY_DAYS`: how tacto.js's placeholders name the values of GET /proxy/preferences. */
const placeholderName = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/**
 * The placeholders tacto.js fills, from the values GET /proxy/preferences answers: its own short names
 * (`%DAYS%` is `historyDays`, `%RATIO%` is `deniabilityRatio`) and, for any other number, the value's name in
 * capitals (`impressionDays` → `%IMPRESSION_DAYS%`), so a number added to the notice later fills in here too.
 */
export function noticePlaceholders(values: Readonly<Record<string, unknown>>): Record<string, number> {
  const numbers: Record<string, number> = {};
  for (const [key, value] of Object.entries(values)) if (typeof value === 'number') numbers[placeholderName(key)] = value;
  if (typeof values.historyDays === 'number') numbers.DAYS = values.historyDays;
  if (typeof values.deniabilityRatio === 'number') numbers.RATIO = values.deniabilityRatio;
  return numbers;
}

/**
 * What tacto.js does to each element carrying `data-template`: its text becomes the template with every
 * `%NAME%` replaced by the number, written as the page's language writes it (2.5 → "2,5" in es). An element whose
 * template needs a number not given keeps its placeholder wording, as in the storefront: nothing is guessed.
 */
export function fillTemplates(html: string, placeholders: Readonly<Record<string, number>>, locale: string): string {
  const format = new Intl.NumberFormat(locale).format;
  return html.replace(/<([a-z][a-z0-9-]*)(\s[^>]*?\sdata-template="([^"]*)"[^>]*)>([\s\S]*?)<\/\1>/gi, (whole, tag: string, attributes: string, template: string) => {
    const text = decodeEntities(template);
    const names = [...text.matchAll(/%([A-Z0-9_]+)%/g)].map((match) => match[1]!);
    if (names.some((name) => typeof placeholders[name] !== 'number')) return whole;
    const filled = text.replace(/%([A-Z0-9_]+)%/g, (_match, name: string) => format(placeholders[name]!));
    return `<${tag}${attributes}>${escapeHtml(filled)}</${tag}>`;
  });
}

/**
 * The notice as a page shows it once opened, for a frame that runs no script: scripts removed, the dialog open
 * (and kept open: no command closes it, nothing takes focus from the admin around the frame).
 */
export function openNotice(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<dialog\b/gi, '<dialog open')
    // Inside tags only: the same words in the notice's text stay.
    .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/\s(?:command|commandfor|autofocus)(?:="[^"]*")?(?=[\s>])/gi, ''));
}

export interface NoticeBlock {
  kind: 'heading' | 'text' | 'item';
  text: string;
}

/** The notice's words in reading order (headings, paragraphs, list items), as plain text; hidden ones left out. */
export function noticeOutline(html: string): NoticeBlock[] {
  const blocks: NoticeBlock[] = [];
  for (const match of html.matchAll(/<(h[1-6]|p|li)\b([^>]*)>([\s\S]*?)<\/\1>/gi)) {
    const [, tag, attributes, inner] = match as unknown as [string, string, string, string];
    if (/\shidden(?=[\s=>]|$)/i.test(attributes)) continue;
    const text = decodeEntities(inner.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    blocks.push({ kind: tag.toLowerCase().startsWith('h') ? 'heading' : tag.toLowerCase() === 'li' ? 'item' : 'text', text });
  }
  return blocks;
}

/**
 * The lines the shop's settings turn on or off, as tacto.js turns them once GET /proxy/preferences answers: "Your
 * orders" (not at a share of 0 %), the restock-reminder and Strict lines, and the "same for everyone" wording of
 * the bound and retention paragraphs. Values absent from `facts` leave the line as the Liquid rendered it.
 */
export function applyNoticeFacts(html: string, facts: Readonly<Record<string, number | string | boolean>>): string {
  const lines: [string, unknown][] = [
    ['data-tacto-used-orders', facts.ordersUsed],
    ['data-tacto-used-reorder', facts.reorderReminders],
    ['data-tacto-strict', facts.explicitConsentOnly],
  ];
  let out = html;
  for (const [attribute, shown] of lines) {
    if (typeof shown !== 'boolean') continue;
    out = out.replace(new RegExp(`<([a-z][a-z0-9-]*)([^>]*\\s${attribute}(?=[\\s=>])[^>]*)>`, 'gi'), (_tag, name: string, attributes: string) => {
      const visible = attributes.replace(/\shidden(?:="[^"]*")?(?=[\s>]|$)/gi, '');
      return `<${name}${shown ? visible : `${visible} hidden`}>`;
    });
  }
  if (facts.sameForEveryone !== true) return out;
  // Nothing personal to bound or keep: the two paragraphs read their "same for everyone" wording.
  return out.replace(/<([a-z][a-z0-9-]*)(\s[^>]*?\sdata-same="([^"]*)"[^>]*)>([\s\S]*?)<\/\1>/gi, (_whole, tag: string, attributes: string, same: string) => `<${tag}${attributes}>${same}</${tag}>`);
}
