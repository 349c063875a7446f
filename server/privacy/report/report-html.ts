import { DEFAULT_LOCALE, type Locale } from '../../i18n/locales.ts';
import { escapeHtml } from '../../text/escape-html.ts';
import type { RenderedNotice } from '../notice/render-notice.ts';
import { tableText, type TableCount } from '../stored-tables.ts';
import { reportTranslator } from './report-words.ts';

/** Everything the privacy report states, gathered by the route; no shopper is named in any of it. */
export interface PrivacyReportInput {
  shop: string;
  generatedAt: Date;
  /** The language the report is written in: the merchant's admin language (the notices stay in their own). */
  locale?: Locale;
  tables: readonly TableCount[];
  notices: readonly RenderedNotice[];
  /** The merchant's settings documents in force, by name (shop_settings). */
  settings: Readonly<Record<string, unknown>>;
  /** When each customers/data_request arrived (times only: the report names no customer). */
  dataRequestTimes: readonly string[];
  /** The host follow-ups are sent through, or null when no mail server is configured. */
  mailHost: string | null;
}

export const reportFilename = (shop: string, at: Date) => `tacto-privacy-report-${shop.replace(/[^a-z0-9.-]/gi, '-')}-${at.toISOString().slice(0, 10)}.html`;

/**
 * Pure: the privacy report as one self-contained, printable HTML document (no script, no remote resource) a
 * merchant can hand to a customer or an auditor, in the merchant's language: its words from report-words.ts, numbers
 * and dates by Intl in that language. Every value is escaped, the merchant's settings included.
 */
export function privacyReportHtml(input: PrivacyReportInput): string {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = reportTranslator(locale);
  const e = escapeHtml;
  /** A text escaped, with `markup` (already HTML) put in place of its `{{name}}`s. */
  const html = (key: string, params: Record<string, unknown> = {}, markup: Record<string, string> = {}) => {
    const tokens = Object.fromEntries(Object.keys(markup).map((name) => [name, `\u0001${name}\u0001`]));
    const text = e(String(t(key as never, { ...params, ...tokens } as never)));
    return text.replace(/\u0001(\w+)\u0001/g, (_, name: string) => markup[name] ?? '');
  };
  const isoDay = input.generatedAt.toISOString().slice(0, 10);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(input.generatedAt);
  const instant = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(locale).format;
  const translate = (key: string, params?: Record<string, unknown>) => String(t(key as never, params as never));
  const tableRows = input.tables
    .map(({ table, rows }) => {
      const about = tableText(table, translate);
      const yesNo = translate(about.aboutShoppers ? 'privacy:stored.yes' : 'privacy:stored.no');
      return `<tr><th scope="row"><code>${e(table)}</code></th><td>${e(about.holds)}</td><td>${e(about.why)}</td><td>${e(yesNo)}</td><td>${e(about.kept)}</td><td class="n">${e(number(rows))}</td></tr>`;
    })
    .join('\n');
  const notices = input.notices
    .map((notice) => {
      const blocks = notice.outline
        .map((block) => (block.kind === 'heading' ? `<h4>${e(block.text)}</h4>` : block.kind === 'item' ? `<li>${e(block.text)}</li>` : `<p>${e(block.text)}</p>`))
        .join('\n')
        // Consecutive items form one list.
        .replace(/(?:<li>[\s\S]*?<\/li>\n?)+/g, (items) => `<ul>\n${items.trim()}\n</ul>\n`);
      const language = translate(`privacy:languages.${notice.locale}`);
      const section = translate('notices.section', { language, code: notice.locale });
      const title = notice.country ? translate('notices.buyerIn', { section, country: notice.country }) : section;
      return `<section lang="${e(notice.locale)}" aria-labelledby="notice-${e(notice.locale)}"><h3 id="notice-${e(notice.locale)}" lang="${e(locale)}">${e(title)}</h3>\n${blocks}</section>`;
    })
    .join('\n');
  const settingNames = Object.keys(input.settings).sort();
  const settings =
    settingNames.length === 0
      ? `<p>${html('settings.none')}</p>`
      : settingNames.map((name) => `<h3><code>${e(name)}</code></h3>\n<pre>${e(JSON.stringify(input.settings[name], null, 2) ?? 'null')}</pre>`).join('\n');
  const requests =
    input.dataRequestTimes.length === 0
      ? `<p>${html('requests.none')}</p>`
      : `<p>${html('requests.received', { count: input.dataRequestTimes.length })}</p>\n<ul>${input.dataRequestTimes
          .map((at) => `<li><time datetime="${e(at)}">${html('requests.utc', { time: instant.format(new Date(at)) })}</time></li>`)
          .join('')}</ul>`;
  const strong = (key: string) => `<strong>${html(key)}</strong>`;
  const mail = input.mailHost
    ? `<li>${html('processors.mail', {}, { name: strong('processors.mailName'), host: `<code>${e(input.mailHost)}</code>` })}</li>`
    : `<li>${html('processors.noMail', {}, { name: strong('processors.noMailName') })}</li>`;
  const tableHeadings = ['table', 'holds', 'why', 'aboutShoppers', 'kept', 'rows'].map((key) => `<th scope="col">${html(`privacy:stored.${key}`)}</th>`).join('');

  return `<!doctype html>
<html lang="${e(locale)}">
<head>
<meta charset="utf-8">
<title>${html('documentTitle', { shop: input.shop, day: isoDay })}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
pre { background: #f4f4f4; padding: 0.5rem; white-space: pre-wrap; }
section { break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } }
</style>
</head>
<body>
<main>
<h1>${html('heading', { shop: input.shop })}</h1>
<p>${html('generated', { instant: input.generatedAt.toISOString() }, { date: `<time datetime="${e(input.generatedAt.toISOString())}">${e(day)}</time>` })} ${html('about')}</p>

<h2>${html('uses.heading')}</h2>
<p>${html('uses.uses')}</p>
<p>${html('uses.never')}</p>

<h2>${html('notices.heading')}</h2>
<p>${html('notices.intro')}</p>
${notices}

<h2>${html('tables.heading')}</h2>
<table>
<caption>${html('tables.caption', { shop: input.shop, day })}</caption>
<thead><tr>${tableHeadings}</tr></thead>
<tbody>
${tableRows}
</tbody>
</table>

<h2>${html('settings.heading')}</h2>
${settings}

<h2>${html('requests.heading')}</h2>
${requests}
<p>${html('requests.erasure', {}, { customerRedact: '<code>customers/redact</code>', shopRedact: '<code>shop/redact</code>' })}</p>

<h2>${html('processors.heading')}</h2>
<ul>
<li>${html('processors.shopify', {}, { name: '<strong>Shopify</strong>' })}</li>
${mail}
<li>${html('processors.tacto', {}, { name: '<strong>Tacto</strong>' })}</li>
</ul>
</main>
</body>
</html>
`;
}
