import { escapeHtml } from '../../text/escape-html.ts';
import type { RenderedNotice } from '../notice/render-notice.ts';
import { describeTable, type TableCount } from '../stored-tables.ts';

/** Everything the privacy report states, gathered by the route; no shopper is named in any of it. */
export interface PrivacyReportInput {
  shop: string;
  generatedAt: Date;
  tables: readonly TableCount[];
  notices: readonly RenderedNotice[];
  /** The merchant's settings documents in force, by name (shop_settings). */
  settings: Readonly<Record<string, unknown>>;
  /** When each customers/data_request arrived (times only: the report names no customer). */
  dataRequestTimes: readonly string[];
  /** The host follow-ups are sent through, or null when no mail server is configured. */
  mailHost: string | null;
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Spanish', 'pt-BR': 'Portuguese (Brazil)' };

export const reportFilename = (shop: string, at: Date) => `tacto-privacy-report-${shop.replace(/[^a-z0-9.-]/gi, '-')}-${at.toISOString().slice(0, 10)}.html`;

/**
 * Pure: the privacy report as one self-contained, printable HTML document (no script, no remote resource) a
 * merchant can hand to a customer or an auditor. Every value is escaped, the merchant's settings included.
 */
export function privacyReportHtml(input: PrivacyReportInput): string {
  const e = escapeHtml;
  const day = input.generatedAt.toISOString().slice(0, 10);
  const number = new Intl.NumberFormat('en').format;
  const tableRows = input.tables
    .map(({ table, rows }) => {
      const about = describeTable(table);
      return `<tr><th scope="row"><code>${e(table)}</code></th><td>${e(about.holds)}</td><td>${e(about.why)}</td><td>${about.aboutShoppers ? 'Yes' : 'No'}</td><td>${e(about.kept)}</td><td class="n">${e(number(rows))}</td></tr>`;
    })
    .join('\n');
  const notices = input.notices
    .map((notice) => {
      const blocks = notice.outline
        .map((block) => (block.kind === 'heading' ? `<h4>${e(block.text)}</h4>` : block.kind === 'item' ? `<li>${e(block.text)}</li>` : `<p>${e(block.text)}</p>`))
        .join('\n')
        // Consecutive items form one list.
        .replace(/(?:<li>[\s\S]*?<\/li>\n?)+/g, (items) => `<ul>\n${items.trim()}\n</ul>\n`);
      const where = notice.country ? ` — a buyer in ${e(notice.country)}` : '';
      return `<section lang="${e(notice.locale)}" aria-labelledby="notice-${e(notice.locale)}"><h3 id="notice-${e(notice.locale)}">${e(LANGUAGE_NAMES[notice.locale] ?? notice.locale)} (${e(notice.locale)})${where}</h3>\n${blocks}</section>`;
    })
    .join('\n');
  const settingNames = Object.keys(input.settings).sort();
  const settings =
    settingNames.length === 0
      ? '<p>None saved: Tacto runs with its defaults.</p>'
      : settingNames.map((name) => `<h3><code>${e(name)}</code></h3>\n<pre>${e(JSON.stringify(input.settings[name], null, 2) ?? 'null')}</pre>`).join('\n');
  const requests =
    input.dataRequestTimes.length === 0
      ? '<p>No customer data request received so far.</p>'
      : `<p>${e(number(input.dataRequestTimes.length))} received, each answered with an export the merchant downloads and sends to the customer:</p>\n<ul>${input.dataRequestTimes.map((at) => `<li>${e(at)}</li>`).join('')}</ul>`;
  const mail = input.mailHost
    ? `<li><strong>The store's mail server</strong> (<code>${e(input.mailHost)}</code>), chosen by the merchant, sends follow-up emails: it receives the buyer's email address, first name and the email's text.</li>`
    : '<li><strong>No mail server</strong> is configured, so no follow-up email is sent.</li>';

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Tacto privacy report — ${e(input.shop)} — ${e(day)}</title>
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
<h1>Privacy report: Tacto on ${e(input.shop)}</h1>
<p>Generated on <time datetime="${e(input.generatedAt.toISOString())}">${e(day)}</time> (${e(input.generatedAt.toISOString())}). Tacto is the app that suggests products on this store and may send one follow-up email after an order. This report states what it uses, what it keeps and for how long, as of that moment. It names no customer.</p>

<h2>What Tacto uses, and what it never uses</h2>
<p>Uses: the store's own orders, read through Shopify's Admin API; the product a shopper is looking at; topics a logged-in shopper chose to tell the store; a customer's email-marketing consent, and, only while subscribed, their email, first name and language (and their country, to guess a time zone for follow-ups).</p>
<p>Never uses or stores: browsing on other websites, data from other companies, location, microphone or audio, sensitive topics guessed from behaviour, addresses, phone numbers, order notes, payment data. The storefront's daily counters name no shopper, page view or product.</p>

<h2>The notice shoppers read</h2>
<p>The transparency notice ("Why am I seeing this?") on the storefront, in each language, with the values in force on this day.</p>
${notices}

<h2>What is stored, and for how long</h2>
<table>
<caption>Rows held for ${e(input.shop)} on ${e(day)}</caption>
<thead><tr><th scope="col">Table</th><th scope="col">What a row holds</th><th scope="col">Why</th><th scope="col">Can name a shopper</th><th scope="col">Kept</th><th scope="col">Rows</th></tr></thead>
<tbody>
${tableRows}
</tbody>
</table>

<h2>Settings in force</h2>
${settings}

<h2>Data requests</h2>
${requests}
<p>When a customer asks the store to erase their data, Shopify sends <code>customers/redact</code>: Tacto deletes every row that identifies them in every table, keeping only an opaque code so that no later import writes them again. When the store uninstalls Tacto, Shopify sends <code>shop/redact</code> 48 hours later: every row of the shop is deleted.</p>

<h2>Who processes the data</h2>
<ul>
<li><strong>Shopify</strong> hosts the store and its customer data; Tacto reads orders, products and customers through Shopify's Admin API and receives Shopify's webhooks.</li>
${mail}
<li><strong>Tacto</strong> keeps what is listed above in its own database, on the server it runs on; no other company receives it.</li>
</ul>
</main>
</body>
</html>
`;
}
