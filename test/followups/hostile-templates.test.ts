/**
 * A merchant's template is untrusted input run on the app's one thread for every mail of their shop. A corpus of
 * hostile templates — tags that load files, loops, nested loops, doubling strings, deep nesting, huge literals,
 * filters that fail — against the library (refused or rendered within bounds, quickly, reading no file) and over
 * HTTP with a real session token (save, preview, test and lint answer 422 naming the problem, never 200 with a
 * file's content, never 500; nothing is saved; /healthz keeps answering throughout).
 */
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Liquid } from 'liquidjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  renderTemplate,
  TemplateError,
  templateProblem,
  type TemplateLimit,
  type TemplateProblem,
  type TemplateVariables,
} from '../../server/followups/compose/render-template.ts';
import { engine } from '../../server/followups/compose/template-engine.ts';
import { CostlyTemplates } from '../../server/followups/costly-templates.ts';
import { DEFAULT_FLOW_SETTINGS } from '../../server/followups/scheduler/index.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';
import { adminApi, confirmedPersona } from './support.ts';

/**
 * A file in the working directory, where liquidjs's default file system is rooted: the engine before this fix
 * rendered it through {% include %} (the control test below shows it still can be read that way). Its content
 * is a random marker that must never appear in any answer. package.json sits there too.
 */
const SECRET = `tacto-secret-${randomBytes(12).toString('hex')}`;
const SECRET_FILE = `.hostile-template-${process.pid}-${randomBytes(4).toString('hex')}.txt`;
const PACKAGE_JSON_NAME = '"name": "tacto"';

/**
 * One check (save or preview) renders two samples, each within TEMPLATE_LIMITS' steps and memory (a few tens of ms
 * at most here). The bound is many times that, for a machine shared with other test processes.
 */
const CHECK_BOUND_MS = 1_000;
/** /healthz during a hostile request: the request's own few hundred ms at worst, plus the same margin. */
const HEALTHZ_BOUND_MS = 2_000;

type Expected =
  | { error: 'template_tag_forbidden'; tag: string }
  | { error: 'template_filter_forbidden'; filter: string }
  | { error: 'template_too_costly'; limit?: TemplateLimit }
  | { error: 'template_render_error'; message: RegExp }
  | { error: 'template_invalid' };

const tag = (name: string): Expected => ({ error: 'template_tag_forbidden', tag: name });
const filter = (name: string): Expected => ({ error: 'template_filter_forbidden', filter: name });
const costly = (limit?: TemplateLimit): Expected => ({ error: 'template_too_costly', ...(limit ? { limit } : {}) });

const HOSTILE: { name: string; text: string; expected: Expected }[] = [
  // Tags that load another template from a file, alone and nested in every block tag.
  { name: 'include of the database WAL', text: "{% include 'data/tacto.sqlite-wal' %}", expected: tag('include') },
  { name: 'render of ../../.env', text: "{% render '../../.env' %}", expected: tag('render') },
  { name: 'layout', text: "{% layout 'theme' %}Hello", expected: tag('layout') },
  { name: 'include of a file on disk', text: `{% include '${SECRET_FILE}' %}`, expected: tag('include') },
  { name: 'include of package.json', text: "{% include 'package.json' %}", expected: tag('include') },
  { name: 'include by a variable’s value', text: `{% assign f = '${SECRET_FILE}' %}{% include f %}`, expected: tag('include') },
  { name: 'include nested in if and for', text: `{% if true %}{% for i in (1..2) %}{% include '${SECRET_FILE}' %}{% endfor %}{% endif %}`, expected: tag('include') },
  {
    name: 'render nested in capture, unless and case',
    text: `{% capture c %}{% unless false %}{% case 1 %}{% when 1 %}{% render '${SECRET_FILE}' %}{% endcase %}{% endunless %}{% endcapture %}{{ c }}`,
    expected: tag('render'),
  },
  { name: 'include in a for loop’s else', text: `{% for i in (1..0) %}x{% else %}{% include '${SECRET_FILE}' %}{% endfor %}`, expected: tag('include') },
  { name: 'include in an elsif branch', text: `{% if false %}x{% elsif true %}{% include '${SECRET_FILE}' %}{% endif %}`, expected: tag('include') },
  { name: 'render in a tablerow', text: `{% tablerow i in (1..1) %}{% render '${SECRET_FILE}' %}{% endtablerow %}`, expected: tag('render') },
  { name: 'include inside {% liquid %}', text: `{% liquid\nif true\n  include '${SECRET_FILE}'\nendif\n%}`, expected: tag('include') },
  { name: 'layout with a block', text: `{% layout '${SECRET_FILE}' %}{% block main %}Hi{% endblock %}`, expected: tag('layout') },
  { name: 'block (meaningful only under a layout)', text: '{% block main %}Hi{% endblock %}', expected: tag('block') },
  // Loops.
  { name: 'a million-step loop (41 bytes)', text: '{% for i in (1..1000000) %}x{% endfor %}', expected: costly('memory') },
  { name: 'a million-step tablerow', text: '{% tablerow i in (1..1000000) %}x{% endtablerow %}', expected: costly('memory') },
  { name: 'a loop down from minus a million', text: '{% for i in (-1000000..0) %}{% endfor %}', expected: costly('memory') },
  { name: 'a loop bound from a variable, with a small limit', text: '{% assign n = 99999999 %}{% for i in (1..n) limit: 2 %}x{% endfor %}', expected: costly('memory') },
  { name: 'nested loops, a thousand by a thousand', text: '{% for i in (1..1000) %}{% for j in (1..1000) %}x{% endfor %}{% endfor %}', expected: costly('render steps') },
  {
    name: 'four nested loops over one assigned range (13 million steps, no allocation)',
    text: '{% assign a = (1..60) %}{% for i in a %}{% for j in a %}{% for k in a %}{% for l in a %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}',
    expected: costly('render steps'),
  },
  { name: 'ten thousand turns of an empty loop', text: '{% for i in (1..10000) %}{% endfor %}', expected: costly('render steps') },
  { name: 'increment in a long loop', text: '{% for i in (1..99999) %}{% increment c %}{% endfor %}', expected: costly('memory') },
  // Growth.
  { name: 'a doubling string (106 bytes)', text: "{% assign s = 'xx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}", expected: costly('memory') },
  { name: 'a doubling capture (no filter at all)', text: '{% capture s %}xx{% endcapture %}{% for i in (1..40) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s | size }}', expected: costly('memory') },
  { name: 'split and join growth', text: "{% assign s = 'abcdefghij' %}{% for i in (1..30) %}{% assign s = s | split: '' | join: s %}{% endfor %}{{ s | size }}", expected: costly('memory') },
  { name: 'a 4,900-character literal written 99,000 times', text: `{% for i in (1..99000) %}${'x'.repeat(4_900)}{% endfor %}`, expected: costly('memory') },
  // Filters liquidjs does not charge itself (chargeFilterResults charges every result).
  {
    name: 'url_encode chained 300 times in one output, each pass adding two characters per %',
    text: `{% assign s = '%%%%%%%%%%' %}{% for i in (1..12) %}{% assign s = s | append: s %}{% endfor %}{{ s${' | url_encode'.repeat(300)} | size }}`,
    expected: costly('memory'),
  },
  {
    name: 'slugify of a 40,000-character text in a loop',
    text: "{% assign s = 'xxxxxxxxxxxxxxxxxxxx' %}{% for i in (1..11) %}{% assign s = s | append: s %}{% endfor %}{% for i in (1..9000) %}{% assign t = s | slugify %}{% endfor %}",
    expected: costly('memory'),
  },
  { name: 'output over 20,000 characters', text: `{% for i in (1..30) %}${'x'.repeat(900)}{% endfor %}`, expected: costly('output length') },
  // Collection filters: microseconds per item inside one output, one step however long the list.
  { name: 'sort_natural on a long range', text: '{% assign a = (1..49000) %}{{ a | sort_natural | size }}', expected: filter('sort_natural') },
  { name: 'sort and where on a big array', text: "{% assign a = (1..99990) %}{{ a | sort | where: 'x' | size }}", expected: filter('sort') },
  { name: 'where_exp over a range', text: "{% assign a = (1..40000) | where_exp: 'x', 'x > 0' %}{{ a | size }}", expected: filter('where_exp') },
  { name: 'group_by in a loop', text: "{% for i in (1..100) %}{% assign g = (1..900) | group_by: 'x' %}{% endfor %}", expected: filter('group_by') },
  { name: 'join of a big range', text: "{% assign a = (1..99999) | join: ',' %}{{ a | size }}", expected: costly('memory') },
  { name: 'a date padded to a billion characters', text: "{{ 'now' | date: '%999999999d' }}", expected: costly('memory') },
  // Errors.
  { name: 'a filter that fails while rendering', text: "Hi {{ '%' | url_decode }}", expected: { error: 'template_render_error', message: /URI malformed/ } },
  { name: 'a tag that does not parse', text: '{% if %}x{% endif %}', expected: { error: 'template_invalid' } },
  { name: 'a filter that does not exist', text: "{{ product.title | exec: 'ls' }}", expected: { error: 'template_invalid' } },
];

/** Big or deep, but harmless: passed and rendered, on an idle machine or a busy one (steps are counted, not timed). */
const HEAVY_BUT_FINE: { name: string; text: string; output: string }[] = [
  { name: '294 nested ifs (as deep as 5,000 characters allow)', text: `${'{%if 1%}'.repeat(294)}deep${'{%endif%}'.repeat(294)}`, output: 'deep' },
  { name: '454 nested ifs in {% liquid %}', text: `{% liquid\n${'if 1\n'.repeat(454)}echo 'deep'\n${'endif\n'.repeat(454)}%}`, output: 'deep' },
  { name: 'a 5,000-character literal', text: 'y'.repeat(5_000), output: 'y'.repeat(5_000) },
  { name: '250 cycles', text: "{% cycle 'a', 'b' %}".repeat(250), output: 'ab'.repeat(125) },
  { name: '9,900 turns of an empty loop', text: '{% for i in (1..9900) %}{% endfor %}done', output: 'done' },
  { name: 'a 3,000-turn loop writing its number', text: "{% for i in (1..3000) %}{% if i == 3000 %}{{ i }}{% endif %}{% endfor %}", output: '3000' },
];

const VARIABLES: TemplateVariables = {
  customer: { first_name: 'Olivia' },
  shop: { name: 'Demo' },
  persona: { name: 'Marta Ruiz', role: 'Head of customer care' },
  product: { title: 'Merino scarf' },
  guide: { title: 'Caring for merino' },
};

/** What an answer or a rendering must never contain: the file's marker, package.json's content. */
function expectNoFileContent(text: string) {
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(PACKAGE_JSON_NAME);
}

function expectProblem(problem: TemplateProblem | null, expected: Expected) {
  expect(problem).not.toBeNull();
  const { message, ...fields } = expected as Expected & { message?: RegExp };
  expect(problem).toMatchObject(fields);
  if (message) expect(problem!.detail).toMatch(message);
  if (expected.error === 'template_tag_forbidden') expect(problem!.detail).toContain(`{% ${expected.tag} %}`);
}

beforeAll(() => {
  writeFileSync(join(process.cwd(), SECRET_FILE), SECRET);
});
afterAll(() => {
  rmSync(join(process.cwd(), SECRET_FILE), { force: true });
});

describe('the template library', () => {
  it('control: the file on disk is readable by a default liquidjs engine, so the tests below can fail', () => {
    expect(new Liquid().parseAndRenderSync(`{% include '${SECRET_FILE}' %}`)).toBe(SECRET);
  });

  it.each(HOSTILE)('refuses $name, quickly, rendering no file', ({ text, expected }) => {
    const started = performance.now();
    const problem = templateProblem(text);
    expect(performance.now() - started).toBeLessThan(CHECK_BOUND_MS);
    expectProblem(problem, expected);
    // At send, with a buyer's values, the same template throws rather than renders.
    const sending = performance.now();
    let thrown: unknown;
    try {
      expectNoFileContent(renderTemplate(text, VARIABLES));
    } catch (error) {
      thrown = error;
    }
    expect(performance.now() - sending).toBeLessThan(CHECK_BOUND_MS);
    expect(thrown).toBeInstanceOf(TemplateError);
    expect((thrown as TemplateError).problem.error).toBe(expected.error);
  });

  it.each(HEAVY_BUT_FINE)('renders $name within bounds', ({ text, output }) => {
    const started = performance.now();
    expect(templateProblem(text)).toBeNull();
    expect(renderTemplate(text, VARIABLES)).toBe(output);
    expect(performance.now() - started).toBeLessThan(CHECK_BOUND_MS);
  });

  it('has no file system: with the tag check bypassed, the engine itself reads nothing, sync or async', async () => {
    for (const file of [SECRET_FILE, 'package.json', join(process.cwd(), SECRET_FILE)]) {
      for (const text of [`{% include '${file}' %}`, `{% render '${file}' %}`, `{% layout '${file}' %}x`]) {
        let rendered: unknown;
        try {
          rendered = engine.parseAndRenderSync(text, {});
        } catch (error) {
          rendered = error instanceof Error ? error.message : String(error);
        }
        expectNoFileContent(String(rendered));
        expect(String(rendered)).toMatch(/cannot read files|failed to lookup|ENOENT/i);
        const later = await engine.parseAndRender(text, {}).then(String, (error: unknown) => String(error));
        expectNoFileContent(later);
      }
    }
  });

  it('keeps the variables it is given and nothing else (no prototype reached through them)', () => {
    expect(renderTemplate('{{ customer.first_name }}|{{ customer.constructor }}|{{ shop.__proto__ }}|{{ process }}', VARIABLES)).toBe('Olivia|||');
  });
});

describe('a template that reached a limit at send', () => {
  it('is not rendered again after three strikes, for that shop and that text only', () => {
    const costlyTemplates = new CostlyTemplates();
    const template = { subject: 'Hi', body: '{% for i in a %}{% endfor %}' };
    costlyTemplates.record('a.myshopify.com', template);
    costlyTemplates.record('a.myshopify.com', template);
    expect(costlyTemplates.blocked('a.myshopify.com', template)).toBe(false);
    costlyTemplates.record('a.myshopify.com', template);
    expect(costlyTemplates.blocked('a.myshopify.com', template)).toBe(true);
    expect(costlyTemplates.blocked('b.myshopify.com', template)).toBe(false);
    expect(costlyTemplates.blocked('a.myshopify.com', { ...template, body: 'Hi {{ customer.first_name }}' })).toBe(false);
  });
});

describe('over HTTP, with a real session token', () => {
  let env: AppAndSandbox;
  const api = adminApi(() => env);
  const shop = () => env.sandbox.shop.myshopifyDomain;
  const BASELINE = { locale: 'en' as const, subject: 'A few tips for your {{ product.title }}', body: 'Hi {{ customer.first_name }},\n\nI hope it arrived well.' };

  /** Runs `work` while /healthz is asked again and again; every answer's status and time. */
  async function whileAskingHealthz<T>(work: () => Promise<T>): Promise<{ result: T; healthz: { status: number; ms: number }[] }> {
    const healthz: { status: number; ms: number }[] = [];
    let done = false;
    const asking = (async () => {
      do {
        const started = performance.now();
        const response = await fetch(new URL('/healthz', env.app.url));
        await response.text();
        healthz.push({ status: response.status, ms: performance.now() - started });
      } while (!done);
    })();
    try {
      return { result: await work(), healthz };
    } finally {
      done = true;
      await asking;
    }
  }

  beforeAll(async () => {
    env = await startInstalledApp({ smtpPort: 0 });
    await confirmedPersona(env);
    const saved = await api('PUT', '/followups/flow', { ...BASELINE, settings: DEFAULT_FLOW_SETTINGS });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });
  afterAll(() => env?.close());

  it('refuses every hostile template at save, preview, test and as typed, with 422 naming it; saves and mails nothing; /healthz answers throughout', async () => {
    const stored = await env.app.storage.followups.flow(shop());
    const mailsBefore = env.sandbox.smtp!.messages().length;
    const cases = [
      ...HOSTILE.map((entry) => ({ ...entry, field: 'body' as const, draft: { ...BASELINE, body: entry.text } })),
      // The subject is a template too (up to 200 characters).
      ...['include of package.json', 'a million-step loop (41 bytes)', 'a doubling string (106 bytes)'].map((name) => HOSTILE.find((entry) => entry.name === name)!).map((entry) => ({ ...entry, field: 'subject' as const, draft: { ...BASELINE, subject: entry.text } })),
    ];
    for (const { name, expected, field, draft } of cases) {
      const { result, healthz } = await whileAskingHealthz(async () => ({
        save: await api('PUT', '/followups/flow', { ...draft, settings: DEFAULT_FLOW_SETTINGS }),
        preview: await api('POST', '/followups/preview', draft),
        test: await api('POST', '/followups/test', draft),
        lint: await api('POST', '/followups/lint', draft),
      }));
      for (const [route, answer] of Object.entries(result)) {
        const context = `${name} (${field}), ${route}: ${JSON.stringify(answer.body).slice(0, 300)}`;
        expectNoFileContent(JSON.stringify(answer.body));
        if (route === 'lint') {
          expect(answer.status, context).toBe(200);
          expect(answer.body.template, context).toMatchObject({ error: expected.error, field });
          continue;
        }
        expect(answer.status, context).toBe(422);
        const { message, error, ...fields } = expected as Expected & { message?: RegExp };
        // The code and, as params, what the admin words it with: the field, the language, the tag, filter or limit.
        expect(answer.body, context).toMatchObject({ error, field, params: { ...fields, field, locale: draft.locale } });
        expect(answer.body.message, context).toMatch(new RegExp(`^The ${field} `));
        if (message) expect(answer.body.message, context).toMatch(message);
        if (expected.error === 'template_tag_forbidden') expect(answer.body.message, context).toContain(`{% ${expected.tag} %}`);
        if (expected.error === 'template_filter_forbidden') expect(answer.body.message, context).toContain(`"${expected.filter}"`);
      }
      expect(healthz.length, name).toBeGreaterThan(0);
      for (const answer of healthz) {
        expect(answer.status, name).toBe(200);
        expect(answer.ms, name).toBeLessThan(HEALTHZ_BOUND_MS);
      }
    }
    expect(await env.app.storage.followups.flow(shop())).toEqual(stored);
    expect(env.sandbox.smtp!.messages()).toHaveLength(mailsBefore);
  });

  it('answers 422 with Liquid’s message when a template fails only with the buyer’s own values, in the preview and the test', async () => {
    // Passes the check (the samples are empty or 255 characters long), then fails for every real first name.
    const draft = { ...BASELINE, body: "Hi{% if customer.first_name.size > 0 and customer.first_name.size < 100 %}{{ '%' | url_decode }}{% endif %}" };
    const mailsBefore = env.sandbox.smtp!.messages().length;
    for (const path of ['/followups/preview', '/followups/test']) {
      const answer = await api('POST', path, draft);
      expect(answer.status, path).toBe(422);
      expect(answer.body, path).toMatchObject({ error: 'template_render_error', field: 'body' });
      expect(answer.body.message, path).toMatch(/^The body fails to render: URI malformed/);
    }
    expect(env.sandbox.smtp!.messages()).toHaveLength(mailsBefore);
  });

  it('saves and previews a deeply nested but harmless template', async () => {
    const body = `Hi {{ customer.first_name }},\n\n${'{% if true %}'.repeat(50)}I hope it arrived well.${'{% endif %}'.repeat(50)}`;
    const saved = await api('PUT', '/followups/flow', { ...BASELINE, body, settings: DEFAULT_FLOW_SETTINGS });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const preview = await api('POST', '/followups/preview', { ...BASELINE, body });
    expect(preview.status).toBe(200);
    expect((preview.body.preview as { text: string }).text).toContain('I hope it arrived well.');
  });
});
