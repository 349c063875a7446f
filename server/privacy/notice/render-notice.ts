import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createNoticeEngine, EXTENSION_DIR, renderBlock } from './notice-engine.ts';
import { NOTICE_LOCALES, type NoticeLocale } from './notice-locales.ts';
import { applyNoticeFacts, fillTemplates, noticeOutline, noticePlaceholders, openNotice, type NoticeBlock } from './notice-html.ts';
import type { NoticeValues } from './notice-values.ts';
import { escapeHtml } from '../../text/escape-html.ts';

export { NOTICE_LOCALES, type NoticeLocale };
export const noticeLocale = z.enum(NOTICE_LOCALES);
/** A buyer's country as Shopify's `localization.country.iso_code` gives it. */
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'Two capital letters (ISO 3166-1), such as AR.');

export interface RenderedNotice {
  locale: NoticeLocale;
  country: string | null;
  /** A whole HTML document: the open notice with the extension's stylesheet inlined, for a frame without scripts. */
  document: string;
  /** The same words as plain text, in reading order. */
  outline: NoticeBlock[];
}

/**
 * Renders the notice app embed (blocks/tacto-notice.liquid) as a shopper in `locale` (and, when given, `country`)
 * sees it once opened: the extension's own file and locale texts, with the numbers tacto.js would fill in from
 * GET /proxy/preferences. Files are read on each call, so the admin always shows the notice as it ships.
 */
export function noticeRenderer(extensionDir = EXTENSION_DIR) {
  const { engine } = createNoticeEngine(extensionDir);
  return async function renderNotice(input: { locale: NoticeLocale; country: string | null; values: NoticeValues }): Promise<RenderedNotice> {
    const language = { iso_code: input.locale, primary: input.locale === 'en', root_url: '/' };
    const country = input.country ? { iso_code: input.country, name: countryName(input.country, input.locale) } : null;
    const scope = {
      request: { locale: language, page_type: 'index', design_mode: false, visual_preview_mode: false },
      localization: { language, ...(country ? { country } : {}) },
      block: { id: 'tacto-notice', settings: {}, shopify_attributes: '' },
      app: { metafields: {} },
    };
    const raw = await renderBlock(engine, extensionDir, 'tacto-notice', scope);
    const fragment = openNotice(applyNoticeFacts(fillTemplates(raw, noticePlaceholders(input.values), input.locale), input.values));
    const css = readFileSync(join(extensionDir, 'assets', 'tacto.css'), 'utf8');
    const document = [
      '<!doctype html>',
      `<html lang="${escapeHtml(input.locale)}">`,
      '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
      // The shopper's theme sets the page's font; a plain system font stands in for it here.
      // Links keep their look but lead nowhere from the admin: their targets are the storefront's.
      '<style>body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; } .tacto-notice__dialog { position: static; margin: 0 auto; } a { pointer-events: none; }</style>',
      `<style>${css.replace(/<\//g, '<\\/')}</style>`,
      '</head>',
      `<body>${fragment}</body>`,
      '</html>',
    ].join('\n');
    return { locale: input.locale, country: input.country, document, outline: noticeOutline(fragment) };
  };
}

export type NoticeRenderer = ReturnType<typeof noticeRenderer>;

function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
