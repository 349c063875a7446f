import { Liquid, toValue, type Context, type Emitter, type FS } from 'liquidjs';

/**
 * What one render of a merchant's template may cost. A template is the merchant's text, run by Tacto for every
 * mail of their shop, on the one thread that also answers every other shop: each limit keeps one shop's template
 * from freezing the app or filling its memory. A legitimate follow-up (a greeting, a product name, an `if`) uses
 * a tiny fraction of each: the default templates render in well under a millisecond, allocate a few hundred units
 * and write a few hundred characters.
 */
export const TEMPLATE_LIMITS = {
  /**
   * Characters parsed per template (liquidjs `parseLimit`). The API already refuses a subject over 200 and a
   * body over 5,000 characters; this catches any other way in.
   */
  parseChars: 10_000,
  /**
   * Wall-clock milliseconds for the renders of one mail or one check together (liquidjs `renderLimit`, checked
   * before every tag, loop iteration and output): a mail's subject and body, or at save and preview both against
   * each of two worst-case samples (four renders in the same time, so a stored template has twice the time it
   * needed when a real mail is written). So a mail spends at most about 50 ms of main thread on its template, and
   * a save or preview about 100 ms (a check, then the mail itself). Renders the limit stopped while the process got
   * less than half that time in CPU (a busy machine, not a costly template) are run again: retryIfStarved.
   */
  renderMs: 50,
  /**
   * liquidjs `memoryLimit` units per template render: characters and list items created by filters (`append`,
   * `split`, `join`…) and ranges (`(1..n)` costs n), plus — Tacto's addition, see ChargedEmitter — every character
   * written to the output or to a `capture`. A million-step loop or a doubling string stops here in milliseconds.
   */
  memory: 100_000,
  /** Characters of rendered text per template: the note of a follow-up, not a catalogue. */
  outputChars: 20_000,
} as const;

/**
 * A file system with no files. Every lookup fails, whatever the tag or the path, so no template can read the
 * database, an .env or anything else on the server's disk (the tags that load files are refused before rendering
 * too: template-tags.ts; this is what holds if one slips through).
 */
const NO_FILES: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async (file) => {
    throw noFile(file);
  },
  readFileSync: (file) => {
    throw noFile(file);
  },
  resolve: (_dir, file) => file,
  contains: async () => false,
  containsSync: () => false,
  sep: '/',
  dirname: () => '',
};
const noFile = (file: string) => new Error(`Follow-up templates cannot read files ("${file}")`);

/**
 * The filters a follow-up template may use: text, numbers and dates, and the few list steps text needs (split,
 * join, first, last…). Every one does linear work in native code, so the memory limit bounds its time too. The
 * rest of liquidjs's filters work on collections (sort, sort_natural, where, group_by, map…): a follow-up has no
 * collection to work on, and on a long range they cost microseconds per item inside a single output, where the
 * render-time limit cannot interrupt them (`(1..50000) | sort_natural` alone blocks for 100 ms and more).
 */
export const ALLOWED_FILTERS: ReadonlySet<string> = new Set([
  // text
  'append', 'prepend', 'capitalize', 'downcase', 'upcase', 'strip', 'lstrip', 'rstrip', 'strip_html', 'strip_newlines',
  'newline_to_br', 'normalize_whitespace', 'squish', 'remove', 'remove_first', 'remove_last', 'replace', 'replace_first',
  'replace_last', 'truncate', 'truncatewords', 'escape', 'escape_once', 'xml_escape', 'url_encode', 'url_decode',
  'uri_escape', 'cgi_escape', 'slugify', 'number_of_words', 'default', 'size', 'slice', 'split', 'join', 'first', 'last',
  'reverse',
  // numbers
  'abs', 'at_least', 'at_most', 'ceil', 'floor', 'round', 'plus', 'minus', 'times', 'divided_by', 'modulo', 'to_integer',
  // dates
  'date', 'date_to_long_string', 'date_to_rfc822', 'date_to_string', 'date_to_xmlschema',
]);

/**
 * Plain text in, plain text out: escaping for HTML happens once, in the layout. Strict filters (a misspelt or
 * removed filter is an error at parse, not silence); own properties only (no `constructor` or prototype reached
 * through a variable).
 */
export const engine = new Liquid({
  fs: NO_FILES,
  root: [],
  partials: [],
  layouts: [],
  relativeReference: false,
  strictFilters: true,
  ownPropertyOnly: true,
  parseLimit: TEMPLATE_LIMITS.parseChars,
  renderLimit: TEMPLATE_LIMITS.renderMs,
  memoryLimit: TEMPLATE_LIMITS.memory,
});
for (const name of Object.keys(engine.filters)) if (!ALLOWED_FILTERS.has(name)) delete engine.filters[name];

/**
 * liquidjs charges filters and ranges to `memoryLimit` but not what a template writes: `{% for %}` over a long
 * literal, or a `capture` that holds itself twice, grows a string without any filter. Every buffer the renderer
 * opens (the output and each capture) is this one, which charges each written character to the render's memory
 * limit, so written text is bounded like any other allocation.
 */
class ChargedEmitter implements Emitter {
  buffer = '';
  constructor(private readonly memory: Context['memoryLimit']) {}
  write(html: unknown): void {
    const text = stringify(html);
    this.memory.use(text.length);
    this.buffer += text;
  }
}

/** liquidjs's own stringify (not exported): how a value is written. */
function stringify(value: unknown): string {
  const plain: unknown = toValue(value);
  if (typeof plain === 'string') return plain;
  if (plain === null || plain === undefined) return '';
  if (Array.isArray(plain)) return plain.map(stringify).join('');
  return String(plain);
}

// The renderer opens a buffer wherever it is called without one (the top level, capture, the `liquid` tag's
// inner render…); every tag reaches it through `engine.renderer`, so replacing the method on this instance
// covers them all. test/followups/hostile-templates.test.ts has a capture-doubling case that fails without it.
const renderTemplates = engine.renderer.renderTemplates.bind(engine.renderer);
engine.renderer.renderTemplates = (templates, ctx, emitter) => renderTemplates(templates, ctx, emitter ?? new ChargedEmitter(ctx.memoryLimit));
