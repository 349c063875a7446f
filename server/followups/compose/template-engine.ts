import { Liquid, toValue, type Context, type Emitter, type FilterImplOptions, type FS, type Template } from 'liquidjs';
import type { RenderBudget } from './render-budget.ts';

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
   * Steps for the renders of one mail: its subject and body together (at save and preview, each worst-case sample
   * gets the same). A step is a tag, an output or a piece of text about to be rendered, counted again each time a
   * loop or a block renders it: the measure of a render's work, counted rather than timed, so a template's verdict
   * is the same on an idle machine and a busy one, at save and at send. A step costs about 0.3–12 µs on these
   * machines (the memory limit bounds what one step's filters can do), so a mail spends at most a few tens of
   * milliseconds of main thread on its template; the default templates take 12 steps.
   */
  renderSteps: 10_000,
  /**
   * A wall-clock backstop in milliseconds for the same renders (liquidjs `renderLimit`, checked before every step),
   * for whatever work the step count and the memory limit might not see. No template within the other limits comes
   * near it; a render it stops while the process got little CPU (a busy machine, not a costly template) is run
   * again: retryIfStarved.
   */
  renderMs: 500,
  /**
   * liquidjs `memoryLimit` units per template render: characters and list items created by filters (`append`,
   * `split`, `join`…) and ranges (`(1..n)` costs n), plus — Tacto's addition, see ChargedEmitter — every character
   * written to the output or to a `capture`, and every filter's result (chargeFilterResults). A million-step loop or a
   * doubling string stops here in milliseconds.
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

/** The budget of the render under way: set only while renderWithin runs, which is synchronous (see below). */
let charging: RenderBudget | null = null;

// Every block of templates is rendered through `engine.renderer` — the top level, each loop iteration's body, each
// branch of an `if` or `case`, a capture, the `liquid` tag's lines — so replacing the method on this instance sees
// them all: it charges the block's steps (one for the block, one per template in it, as liquidjs checks its own
// render limit) and opens a charged buffer wherever the renderer would open a plain one.
// test/followups/hostile-templates.test.ts has a capture-doubling case and an allocation-free loop that fail without it.
const renderTemplates = engine.renderer.renderTemplates.bind(engine.renderer);
engine.renderer.renderTemplates = (templates, ctx, emitter) => {
  charging?.step(1 + templates.length);
  return renderTemplates(templates, ctx, emitter ?? new ChargedEmitter(ctx.memoryLimit));
};

type FilterHandler = Extract<FilterImplOptions, (...args: never[]) => unknown>;

/** What a filter's result costs: its characters, or its items for a list. */
const resultSize = (value: unknown) => (typeof value === 'string' || Array.isArray(value) ? value.length : 0);

/**
 * liquidjs charges most filters' results to the memory limit but not all: `url_encode`, `cgi_escape`,
 * `uri_escape`, `url_decode` and `slugify` create text uncharged, so a chain of them inside one output could grow a
 * string step after step, where no step is counted. Every allowed filter's result is charged here (some twice: a
 * legitimate template uses a few hundred units of the 100,000), so the memory limit bounds all the text a render
 * creates, and with it what one step can do.
 */
function chargeFilterResults(filters: Record<string, FilterImplOptions>): void {
  for (const [name, filter] of Object.entries(filters)) {
    const handler: FilterHandler = typeof filter === 'function' ? filter : filter.handler;
    const charged: FilterHandler = function (value, ...args) {
      const result: unknown = handler.call(this, value, ...args);
      this.context.memoryLimit.use(resultSize(result));
      return result;
    };
    filters[name] = typeof filter === 'function' ? charged : { ...filter, handler: charged };
  }
}
chargeFilterResults(engine.filters);

/**
 * Parsed templates rendered with `variables`, charging `budget` for every step and stopping at its wall-clock
 * backstop. Throws liquidjs's errors (a limit's message names it: "render steps limit exceeded"…).
 */
export function renderWithin(templates: Template[], variables: object, budget: RenderBudget): string {
  // A sync render runs to its end without yielding, so no other render can start while `charging` is this one's.
  charging = budget;
  try {
    return engine.renderSync(templates, variables, { renderLimit: budget.msLeft() }) as string;
  } finally {
    charging = null;
  }
}
