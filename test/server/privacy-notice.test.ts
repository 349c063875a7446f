/**
 * The storefront notice rendered for the admin from the extension's own files: each language's texts, the numbers
 * tacto.js fills in (written as the language writes them), open, without script; and Liquid the admin cannot know
 * (objects only a real storefront has, filters only Shopify has) renders instead of failing.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillTemplates, noticeOutline, noticePlaceholders, openNotice } from '../../server/privacy/notice/notice-html.ts';
import { EXTENSION_DIR } from '../../server/privacy/notice/notice-engine.ts';
import { noticeRenderer } from '../../server/privacy/notice/render-notice.ts';
import { tempDir } from '../support/temp.ts';

const locales = (name: string) => JSON.parse(readFileSync(join(EXTENSION_DIR, 'locales', name), 'utf8')) as {
    tacto: { notice: Record<string, string>; terms: { orders: { in_store: string } } };
  };
const VALUES = { historyDays: 180, impressionDays: 14, deniabilityRatio: 2.5, loggedIn: false };

describe('the notice as shoppers read it', () => {
  const render = noticeRenderer();

  it('shows each language\'s own texts with the live numbers, the dialog open and no script', async () => {
    for (const [locale, file, ratio] of [['en', 'en.default.json', '2.5'], ['es', 'es.json', '2,5'], ['pt-BR', 'pt-BR.json', '2,5']] as const) {
      const notice = await render({ locale, country: null, values: VALUES });
      const words = locales(file).tacto.notice;
      const text = notice.outline.map((block) => block.text);
      expect(text[0]).toBe(words.title);
      expect(text).toContain(locales(file).tacto.terms.orders.in_store);
      expect(text).toContain(words.bound!.replaceAll('{{ ratio }}', ratio));
      expect(text).toContain(words.retention!.replace('{{ days }}', '180').replace('{{ impression_days }}', '14'));
      expect(text).not.toContain(words.consent_off);
      expect(notice.document).toMatch(/<dialog open /);
      expect(notice.document).not.toMatch(/<script|command=|autofocus/);
      expect(notice.document).toContain('.tacto-notice__dialog');
      expect(notice.document).toContain(`<html lang="${locale}">`);
    }
  });

  it('follows the shop\'s settings as tacto.js does: orders not used at 0 %, the reminder and Strict lines', async () => {
    const words: Record<string, string> = { ...locales('en.default.json').tacto.notice, used_orders: locales('en.default.json').tacto.terms.orders.in_store };
    const standard = (await render({ locale: 'en', country: null, values: { ...VALUES, ordersUsed: true, sameForEveryone: false, reorderReminders: false, explicitConsentOnly: false } })).outline.map((b) => b.text);
    expect(standard).toContain(words.used_orders);
    expect(standard).not.toContain(words.used_reorder);
    expect(standard).not.toContain(words.strict_consent);

    const none = { ...VALUES, deniabilityRatio: 1, ordersUsed: false, sameForEveryone: true, reorderReminders: true, explicitConsentOnly: true };
    const text = (await render({ locale: 'en', country: null, values: none })).outline.map((b) => b.text);
    expect(text).not.toContain(words.used_orders);
    expect(text).toContain(words.used_reorder);
    expect(text).toContain(words.strict_consent);
    expect(text).toContain(words.bound_same_for_everyone);
    expect(text).toContain(words.retention_same_for_everyone);
  });

  it('keeps the placeholder wording where a number is missing, as tacto.js does', async () => {
    const notice = await render({ locale: 'en', country: null, values: { historyDays: 180 } });
    const text = notice.outline.map((block) => block.text);
    expect(text).toContain(locales('en.default.json').tacto.notice.retention_pending);
    expect(text).toContain(locales('en.default.json').tacto.notice.bound_pending);
  });

  it('renders Liquid only a real storefront fills in, a filter only Shopify has, and the buyer\'s country', async () => {
    const dir = tempDir();
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    const block = join(dir, 'blocks', 'tacto-notice.liquid');
    const extra = [
      '{% if shop.metafields.tacto.duties.value %}<p>never</p>{% endif %}',
      '{{ customer.first_name | default: "" }}{{ "x" | some_future_filter: 3 }}',
      '{% if localization.country.iso_code == "AR" %}<p data-duty>Ley 25.326 — {{ localization.country.name }}</p>{% endif %}',
      '<p data-new data-template="{{ \'Share %PERSONAL_SHARE%\' | escape }}">pending</p>',
    ].join('\n');
    writeFileSync(block, readFileSync(block, 'utf8').replace('</dialog>', `${extra}</dialog>`));
    const render = noticeRenderer(dir);
    const argentina = await render({ locale: 'es', country: 'AR', values: { ...VALUES, personalShare: 0.25 } });
    const text = argentina.outline.map((b) => b.text);
    expect(text).toContain('Ley 25.326 — Argentina');
    expect(text).toContain('Share 0,25');
    expect(text).not.toContain('never');
    const elsewhere = await render({ locale: 'es', country: null, values: VALUES });
    expect(elsewhere.outline.map((b) => b.text).join(' ')).not.toContain('Ley 25.326');
  });
});

describe('fillTemplates and noticeOutline', () => {
  it('opens the dialog and drops scripts and commands from tags, never from the text', () => {
    const html = '<button command="close" commandfor="d">Close the command line</button><dialog id="d"><h2 autofocus>Title</h2><script>x()</script></dialog>';
    expect(openNotice(html)).toBe('<button>Close the command line</button><dialog open id="d"><h2>Title</h2></dialog>');
  });

  it('fills every %NAME% of an element\'s template and escapes the result', () => {
    const html = '<p class="x" data-template="&lt;b&gt; %DAYS% &amp; %RATIO%">wait</p><li hidden>no</li><li>yes <a href="#">link</a></li>';
    const filled = fillTemplates(html, noticePlaceholders({ historyDays: 1200, deniabilityRatio: 2 }), 'es');
    expect(filled).toContain('>&lt;b&gt; 1200 &amp; 2</p>');
    expect(noticeOutline(filled)).toEqual([
      { kind: 'text', text: '<b> 1200 & 2' },
      { kind: 'item', text: 'yes link' },
    ]);
  });
});
