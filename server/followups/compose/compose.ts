import type { FollowupLocale } from '../../db/followup-repository.ts';
import { fill } from '../../text/fill.ts';
import { RenderBudget } from './render-budget.ts';
import { inField, renderTemplate, type TemplateField } from './render-template.ts';
import { MAIL_WORDS } from './words.ts';
import type { FollowupDuty } from '../regional/regional-duties.ts';
import { dutyBlocks } from '../regional/regional-words.ts';
import { escapeHtml } from '../../text/escape-html.ts';

export const PERSONA_PHOTO_CID = 'persona-photo@tacto';

export interface ComposeInput {
  /** The buyer's language (templates.ts followupLocale): the template is the one written in it, and so are the guide, the fixed words and the footer. */
  locale: FollowupLocale;
  /** The merchant's template (Liquid). */
  subject: string;
  body: string;
  shopName: string;
  customerFirstName: string | null;
  persona: { fullName: string; role: string; signature: string; hasPhoto: boolean };
  /** The purchase the note is about (never a sensitive one: such orders get no follow-up). */
  product: { title: string };
  guide: { title: string; body: string } | null;
  /**
   * At most three, from the engine; links to the store, with the price already written in the shop's currency and
   * the mail's language, and the picture's Content-ID when it is attached.
   */
  complements: readonly Complement[];
  unsubscribeUrl: string;
  /**
   * Duties of the buyer's country (regional/regional-duties.ts), printed after the signature by Tacto itself:
   * outside the merchant's template, so no template can leave them out.
   */
  regionalDuties?: readonly FollowupDuty[];
}

export interface Complement {
  title: string;
  url: string;
  price?: string | null;
  imageCid?: string | null;
}

export interface ComposedMail {
  subject: string;
  html: string;
  text: string;
}

/** A first name worth greeting: Shopify may hold an empty or blank one. */
export const usableFirstName = (name: string | null): string | null => (name && name.trim() !== '' ? name.trim() : null);

/**
 * Mends a greeting whose name came out empty ("Hi {{ customer.first_name }}," for a buyer with none): no space
 * before a comma or a mark ("Hi ," → "Hi,"), and no comma left before one ("Olá, !" → "Olá!"). Only run when
 * the buyer has no first name, so the merchant's own punctuation is otherwise left exactly as written.
 */
export function mendEmptyName(text: string): string {
  return text
    .replace(/[ \t]+([,.!?:;])/g, '$1')
    .replace(/,([!?.:;])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ');
}

/** Paragraphs on blank lines, line breaks kept: plain text as a person wrote it. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p style="margin:0 0 16px">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/**
 * The complements as a table (mail clients lay tables out alike): picture, linked title, price. The picture is
 * decorative (the title beside it says what it is), so its alt is empty, and one link per product is enough.
 */
function complementTable(complements: readonly Complement[]): string {
  const rows = complements.map((c) => {
    const link = `<a href="${escapeHtml(c.url)}" style="color:#1a1a1a">${escapeHtml(c.title)}</a>`;
    const picture = c.imageCid
      ? `<img src="cid:${escapeHtml(c.imageCid)}" width="80" height="80" alt="" style="display:block;border-radius:8px;border:0">`
      : '';
    const price = c.price ? `<br><span style="color:#555">${escapeHtml(c.price)}</span>` : '';
    return `<tr><td style="width:80px;padding:0 12px 12px 0;vertical-align:top">${picture}</td><td style="padding:0 0 12px;vertical-align:middle">${link}${price}</td></tr>`;
  });
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 16px">${rows.join('')}</table>`;
}

/** A price in the shop's currency, written the mail's way ("€49.00", "49,00 €", "R$ 49,00"); null without one. */
export function formatPrice(amount: string | null, currency: string | undefined, locale: FollowupLocale): string | null {
  const value = amount === null ? NaN : Number(amount);
  if (!currency || !Number.isFinite(value)) return null;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
  } catch {
    return null; // a currency code Intl does not know
  }
}

/**
 * A follow-up as it is sent: the merchant's note, the care guide, up to three complements, the persona's
 * signature (photo inline by Content-ID, never a remote image), and a visible unsubscribe link. Pure: the same
 * input always gives the same mail, so the admin's preview is exactly what goes out. Throws a TemplateError for a
 * template that cannot be rendered (render-template.ts).
 */
export function composeFollowup(input: ComposeInput): ComposedMail {
  const words = MAIL_WORDS[input.locale];
  const firstName = usableFirstName(input.customerFirstName);
  const variables = {
    customer: { first_name: firstName },
    shop: { name: input.shopName },
    persona: { name: input.persona.fullName, role: input.persona.role },
    product: { title: input.product.title },
    guide: { title: input.guide?.title ?? '' },
  };
  // Subject and body share one budget (TEMPLATE_LIMITS.renderSteps, renderMs): one mail, one bound.
  const budget = new RenderBudget();
  const render = (field: TemplateField) => {
    const rendered = inField(field, () => renderTemplate(input[field], variables, budget));
    return firstName === null ? mendEmptyName(rendered) : rendered;
  };
  // A subject is one line; whatever the template did with spaces and line breaks.
  const subject = render('subject').replace(/\s+/g, ' ').trim();
  const note = render('body').trim();
  const why = fill(words.why, { shop: input.shopName });
  const complements = input.complements.slice(0, 3);
  const regional = (input.regionalDuties ?? []).flatMap((duty) =>
    dutyBlocks(duty, input.locale).map(({ lang, words: block }) => ({
      duty,
      lang,
      heading: fill(block.heading, { shop: input.shopName }),
      paragraphs: block.paragraphs.map((p) => fill(p, { shop: input.shopName })),
    })),
  );

  const text = [
    note,
    input.guide ? `${input.guide.title}\n\n${input.guide.body.trim()}` : '',
    complements.length > 0
      ? `${words.complementsHeading}\n${complements.map((c) => `- ${c.title}${c.price ? ` (${c.price})` : ''}: ${c.url}`).join('\n')}`
      : '',
    `${input.persona.fullName}\n${input.persona.role}${input.persona.signature.trim() ? `\n${input.persona.signature.trim()}` : ''}`,
    ...regional.map((block) => [block.heading, ...block.paragraphs].join('\n\n')),
    `--\n${why}\n${words.unsubscribe}: ${input.unsubscribeUrl}`,
  ]
    .filter(Boolean)
    .join('\n\n');

  const photo = input.persona.hasPhoto
    ? `<img src="cid:${PERSONA_PHOTO_CID}" width="64" height="64" alt="${escapeHtml(fill(words.photoAlt, { name: input.persona.fullName }))}" style="border-radius:32px;display:block;margin:0 0 8px">`
    : '';
  const html = [
    '<!doctype html>',
    `<html lang="${input.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font:16px/1.5 Georgia,serif;color:#1a1a1a;background:#ffffff">',
    '<div style="max-width:560px;margin:0 auto">',
    paragraphs(note),
    input.guide
      ? `<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(input.guide.title)}</h2>\n${paragraphs(input.guide.body)}`
      : '',
    complements.length > 0
      ? `<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(words.complementsHeading)}</h2>\n${complementTable(complements)}`
      : '',
    `<div style="margin:32px 0 0">${photo}<strong>${escapeHtml(input.persona.fullName)}</strong><br>${escapeHtml(input.persona.role)}${
      input.persona.signature.trim() ? `<br>${escapeHtml(input.persona.signature.trim()).replace(/\n/g, '<br>')}` : ''
    }</div>`,
    regionalHtml(regional),
    `<p style="margin:32px 0 0;font-size:13px;color:#555">${escapeHtml(why)} <a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#555">${escapeHtml(words.unsubscribe)}</a></p>`,
    '</div></body></html>',
  ]
    .filter(Boolean)
    .join('\n');
  return { subject, html, text };
}

/**
 * The regional duties, each in a framed box in the mail's body type (Argentina's rule asks for the notice to be
 * "expresa y destacada", so never the footer's small grey print); a translation is marked with its own language.
 */
function regionalHtml(blocks: readonly { duty: FollowupDuty; lang: string; heading: string; paragraphs: string[] }[]): string {
  const byDuty = new Map<FollowupDuty, typeof blocks[number][]>();
  for (const block of blocks) byDuty.set(block.duty, [...(byDuty.get(block.duty) ?? []), block]);
  return [...byDuty].map(([duty, parts]) =>
    `<div data-tacto-duty="${duty}" style="margin:32px 0 0;padding:12px 16px;border:1px solid #1a1a1a;border-radius:6px;font-size:15px;line-height:1.5">` +
    parts.map((part) =>
      `<div lang="${part.lang}"><p style="margin:0 0 8px"><strong>${escapeHtml(part.heading)}</strong></p>` +
      part.paragraphs.map((p) => `<p style="margin:0 0 8px">${escapeHtml(p)}</p>`).join('') + '</div>',
    ).join('') +
    '</div>',
  ).join('\n');
}
