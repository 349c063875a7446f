/**
 * The privacy report a merchant hands on: the counts per table with what each holds and how long, the notice in
 * every language, the settings in force, data requests by date only, who processes data — and every value escaped.
 */
import { describe, expect, it } from 'vitest';
import { noticeRenderer, NOTICE_LOCALES } from '../../server/privacy/notice/render-notice.ts';
import { privacyReportHtml, reportFilename } from '../../server/privacy/report/report-html.ts';

const render = noticeRenderer();
const VALUES = { historyDays: 180, impressionDays: 14, deniabilityRatio: 2 };
const AT = new Date('2026-12-04T10:00:00.000Z');

async function report(overrides: Partial<Parameters<typeof privacyReportHtml>[0]> = {}) {
  const notices = await Promise.all(NOTICE_LOCALES.map((locale) => render({ locale, country: null, values: VALUES })));
  return privacyReportHtml({
    shop: 'report.myshopify.com',
    generatedAt: AT,
    tables: [
      { table: 'orders', rows: 1234 },
      { table: 'recommendation_impressions', rows: 7 },
      { table: 'a_table_added_later', rows: 3 },
    ],
    notices,
    settings: { recommendations: { personalShare: 0.5 }, merchandising: { excludedTags: ['</pre><script>alert(1)</script>'] } },
    dataRequestTimes: ['2026-11-02T09:00:00.000Z', '2026-11-20T17:30:00.000Z'],
    mailHost: 'smtp.example.com',
    ...overrides,
  });
}

/** The text of the table row for `table`, cells joined by " | ". */
const row = (html: string, table: string) => {
  const match = new RegExp(`<tr><th scope="row"><code>${table}</code></th>(.*?)</tr>`).exec(html);
  return match ? match[1]!.replace(/<\/td><td[^>]*>/g, ' | ').replace(/<[^>]+>/g, '') : null;
};

describe('the privacy report', () => {
  it('lists each table with what it holds, why, how long and its count', async () => {
    const html = await report();
    expect(row(html, 'orders')).toMatch(/^Order id, customer id.* \| .*follow-ups wait for fulfillment.* \| Until the customer asks .* \| 1,234$/);
    expect(row(html, 'recommendation_impressions')).toMatch(/ \| Yes \| 14 days, then deleted\. \| 7$/);
    // A table nothing describes yet is still listed with its count.
    expect(row(html, 'a_table_added_later')).toMatch(/^Not described yet\..* \| 3$/);
    expect(html).toContain('<th scope="col">Rows</th>');
  });

  it('holds the notice in each language, the settings, data request dates, processors, shop and date', async () => {
    const html = await report();
    expect(html).toContain('<h3 id="notice-en" lang="en">English (en)</h3>');
    expect(html).toContain('<h4>Qué no se usa nunca</h4>');
    expect(html).toContain('<h4>O que nunca é usado</h4>');
    expect(html).toMatch(/como mucho, 2 veces/);
    expect(html).toContain('<code>merchandising</code>');
    expect(html).toContain('&quot;personalShare&quot;: 0.5');
    expect(html).toContain('<li><time datetime="2026-11-02T09:00:00.000Z">Nov 2, 2026, 9:00 AM UTC</time></li>');
    expect(html).toContain('2 received');
    expect(html).toContain('<code>smtp.example.com</code>');
    expect(html).toContain('Privacy report: Tacto on report.myshopify.com');
    expect(html).toContain('Generated on <time datetime="2026-12-04T10:00:00.000Z">December 4, 2026</time>');
    expect(reportFilename('report.myshopify.com', AT)).toBe('tacto-privacy-report-report.myshopify.com-2026-12-04.html');
  });

  it('is written in the merchant\'s admin language, numbers and dates included, the notices each in its own', async () => {
    const es = await report({ locale: 'es' });
    expect(es).toContain('<html lang="es">');
    expect(es).toContain('<h1>Informe de privacidad: Tacto en report.myshopify.com</h1>');
    expect(es).toContain('Generado el <time datetime="2026-12-04T10:00:00.000Z">4 de diciembre de 2026</time>');
    expect(row(es, 'orders')).toMatch(/^ID del pedido, ID del cliente.* \| Sí \| Hasta que el cliente le pida a Shopify borrar sus datos .* \| 1234$/);
    expect(row(es, 'a_table_added_later')).toMatch(/^Todavía sin descripción\..* \| 3$/);
    expect(es).toContain('<th scope="col">Filas</th>');
    expect(es).toContain('2 recibidas, cada una respondida');
    expect(es).toContain('<h3 id="notice-pt-BR" lang="es">Portugués (Brasil) (pt-BR)</h3>');
    // The notices stay in their own language.
    expect(es).toContain('<h4>O que nunca é usado</h4>');

    const pt = await report({ locale: 'pt-BR', dataRequestTimes: ['2026-11-02T09:00:00.000Z'], mailHost: null });
    expect(pt).toContain('<html lang="pt-BR">');
    expect(pt).toContain('<h2>O que é guardado e por quanto tempo</h2>');
    expect(row(pt, 'orders')).toMatch(/ \| Sim \| .* \| 1\.234$/);
    expect(pt).toContain('1 recebida, respondida com uma exportação');
    expect(pt).toContain('<strong>Nenhum servidor de e-mail</strong> configurado');
    // No English sentence left: every heading of the report is Portuguese.
    const headings = [...pt.matchAll(/<h2>(.*?)<\/h2>/g)].map((match) => match[1]);
    expect(headings).toEqual([
      'O que o Tacto usa e o que nunca usa',
      'O aviso que os clientes leem',
      'O que é guardado e por quanto tempo',
      'Configurações em vigor',
      'Solicitações de dados',
      'Quem trata os dados',
    ]);
  });

  it('escapes every value, and runs and loads nothing', async () => {
    const html = await report({ shop: '<img src=x onerror=alert(1)>.myshopify.com', mailHost: null });
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>|src="http/);
    expect(html).toContain('&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.myshopify.com');
    expect(html).toContain('No mail server');
  });

  it('says so when nothing was requested or saved', async () => {
    const html = await report({ settings: {}, dataRequestTimes: [] });
    expect(html).toContain('No customer data request received so far.');
    expect(html).toContain('None saved: Tacto runs with its defaults.');
  });
});
