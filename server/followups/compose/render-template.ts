import { filters as LIQUID_FILTERS, type Template } from 'liquidjs';
import { RenderBudget } from './render-budget.ts';
import { engine, renderWithin, TEMPLATE_LIMITS } from './template-engine.ts';
import { FILE_TAGS, forbiddenTag } from './template-tags.ts';

export { TEMPLATE_LIMITS } from './template-engine.ts';

/** What a template may use. Anything else renders empty. */
export interface TemplateVariables {
  /** null when the buyer gave none: Liquid's `if` treats nil as false, but an empty string as true. */
  customer: { first_name: string | null };
  shop: { name: string };
  persona: { name: string; role: string };
  product: { title: string };
  guide: { title: string };
}

export type TemplateLimit = 'parse length' | 'render steps' | 'render time' | 'memory' | 'output length';

/**
 * Why a template cannot be used, as the API reports it: `error` is the response's code and the other fields its
 * params, which the admin words in the merchant's language (`liquid` is Liquid's own technical message, quoted as
 * is; `max` the limit's value). `detail` is English for logs: it completes a sentence, "The body " + detail.
 */
export type TemplateProblem =
  | { error: 'template_invalid'; liquid: string; detail: string }
  | { error: 'template_tag_forbidden'; tag: string; kind: 'loads-file' | 'not-allowed'; detail: string }
  | { error: 'template_filter_forbidden'; filter: string; detail: string }
  | { error: 'template_too_costly'; limit: TemplateLimit; max: number; detail: string }
  | { error: 'template_render_error'; liquid: string; detail: string };

export type TemplateField = 'subject' | 'body';

/** A template that could not be parsed or rendered; `problem` says why, `field` which one when known. */
export class TemplateError extends Error {
  constructor(
    readonly problem: TemplateProblem,
    readonly field?: TemplateField,
  ) {
    super(`The ${field ?? 'template'} ${problem.detail}`);
    this.name = 'TemplateError';
  }
}

/** Each limit's value, in its unit (characters, steps, milliseconds, characters or items, characters). */
const LIMIT_MAX: Record<TemplateLimit, number> = {
  'parse length': TEMPLATE_LIMITS.parseChars,
  'render steps': TEMPLATE_LIMITS.renderSteps,
  'render time': TEMPLATE_LIMITS.renderMs,
  memory: TEMPLATE_LIMITS.memory,
  'output length': TEMPLATE_LIMITS.outputChars,
};

const LIMIT_DETAIL: Record<TemplateLimit, string> = {
  'parse length': `is longer than ${TEMPLATE_LIMITS.parseChars.toLocaleString('en')} characters.`,
  'render steps': `does too much work to render (a loop too many?): a follow-up's subject and body may render at most ${TEMPLATE_LIMITS.renderSteps.toLocaleString('en')} tags, variables and pieces of text together, counting every turn of a loop.`,
  'render time': `takes too long to render (a loop too many?): a follow-up's subject and body must render within ${TEMPLATE_LIMITS.renderMs} ms together.`,
  memory: `builds too much text or too long a list while rendering (a loop or a growing string?): a follow-up template may create at most ${TEMPLATE_LIMITS.memory.toLocaleString('en')} characters or items.`,
  'output length': `renders more than ${TEMPLATE_LIMITS.outputChars.toLocaleString('en')} characters: a follow-up is a short note.`,
};

/**
 * liquidjs reports an exceeded limit as an ordinary error whose message names its limiter ("memory alloc limit
 * exceeded", util/limiter); there is no error class to tell them apart, so the limiter's name is read.
 */
const LIMITERS: Record<string, TemplateLimit> = {
  'parse length': 'parse length',
  'render steps': 'render steps',
  'template render': 'render time',
  'memory alloc': 'memory',
};
const LIMITER_MESSAGE = /^(parse length|render steps|template render|memory alloc) limit exceeded/;

/** Liquid's own words for an error: its first line (the rest is a code frame of the template). */
const liquidMessage = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

function limitProblem(error: unknown): TemplateProblem | null {
  const match = LIMITER_MESSAGE.exec(liquidMessage(error));
  if (!match) return null;
  const limit = LIMITERS[match[1]!]!;
  return { error: 'template_too_costly', limit, max: LIMIT_MAX[limit], detail: LIMIT_DETAIL[limit] };
}

/** A liquidjs filter the engine was built without (template-engine.ts's ALLOWED_FILTERS) is refused by name. */
function filterProblem(error: unknown): TemplateProblem | null {
  const filter = /^undefined filter: (\w+)/.exec(liquidMessage(error))?.[1];
  if (!filter || !Object.hasOwn(LIQUID_FILTERS, filter)) return null;
  return { error: 'template_filter_forbidden', filter, detail: `uses the filter "${filter}", which follow-up templates do not allow: they may use text, number and date filters.` };
}

/** Parses a template and refuses tags it may not use. Throws a TemplateError. */
function parse(text: string): Template[] {
  let templates: Template[];
  try {
    templates = engine.parse(text);
  } catch (error) {
    throw new TemplateError(limitProblem(error) ?? filterProblem(error) ?? { error: 'template_invalid', liquid: liquidMessage(error), detail: `does not parse: ${liquidMessage(error)}` });
  }
  const tag = forbiddenTag(templates);
  if (tag) {
    throw new TemplateError({
      error: 'template_tag_forbidden',
      tag,
      kind: FILE_TAGS.has(tag) ? 'loads-file' : 'not-allowed',
      detail: FILE_TAGS.has(tag)
        ? `uses {% ${tag} %}, which loads another file: follow-up templates cannot read files. Write the words into the template itself.`
        : `uses {% ${tag} %}, which follow-up templates do not allow.`,
    });
  }
  return templates;
}

/**
 * The template rendered with `variables`, within TEMPLATE_LIMITS; `budget` is what it may still spend (shared with
 * the other render of a mail: RenderBudget). Throws a TemplateError for a template that does not parse, uses a
 * forbidden tag, exceeds a limit or fails while rendering (a filter's error).
 */
export function renderTemplate(text: string, variables: TemplateVariables, budget: RenderBudget = new RenderBudget()): string {
  return renderParsed(parse(text), variables, budget);
}

function renderParsed(templates: Template[], variables: TemplateVariables, budget: RenderBudget): string {
  let output: string;
  try {
    output = renderWithin(templates, variables, budget);
  } catch (error) {
    throw new TemplateError(limitProblem(error) ?? { error: 'template_render_error', liquid: liquidMessage(error), detail: `fails to render: ${liquidMessage(error)}` });
  }
  if (output.length > TEMPLATE_LIMITS.outputChars) {
    throw new TemplateError({ error: 'template_too_costly', limit: 'output length', max: LIMIT_MAX['output length'], detail: LIMIT_DETAIL['output length'] });
  }
  return output;
}

/** `work` on one field of a mail; a TemplateError it throws names that field. */
export function inField<T>(field: TemplateField, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof TemplateError ? new TemplateError(error.problem, field) : error;
  }
}

/** Longer than any value a mail fills in (Shopify caps titles and names at 255 characters). */
const LONG = 'W'.repeat(255);
/**
 * What a template is tried against before it is stored: the longest values a mail can bring, then empty ones
 * (a buyer without a first name). A template that is costly only for particular values still passes; at send
 * such a mail is skipped ('template-error'), never retried.
 */
const SAMPLE_VARIABLES: readonly TemplateVariables[] = [LONG, ''].map((value) => ({
  customer: { first_name: value || null },
  shop: { name: value },
  persona: { name: value, role: value },
  product: { title: value },
  guide: { title: value },
}));
const FIELDS: readonly TemplateField[] = ['subject', 'body'];

/** Process CPU time so far, in milliseconds (user and system). */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
};
/** How many times work the wall-clock backstop stopped may run again when the machine, not the template, was slow. */
const STARVED_RETRIES = 2;

/**
 * `work` (renders sharing a RenderBudget), run again — at most STARVED_RETRIES times — when the wall-clock backstop
 * (TEMPLATE_LIMITS.renderMs) stopped it while the process used less than half that time in CPU: a machine too busy
 * to give a short render a core, not a costly template, which uses the CPU it is given and is stopped at the first
 * try. The step count and the memory limit, the limits templates meet, are counted and need no retry.
 */
export function retryIfStarved<T>(work: () => T): T {
  for (let attempt = 0; ; attempt++) {
    const cpuBefore = cpuMs();
    try {
      return work();
    } catch (error) {
      const timedOut = error instanceof TemplateError && error.problem.error === 'template_too_costly' && error.problem.limit === 'render time';
      if (!timedOut || attempt >= STARVED_RETRIES || cpuMs() - cpuBefore >= TEMPLATE_LIMITS.renderMs / 2) throw error;
    }
  }
}

/**
 * Why a subject and body cannot be stored or previewed, and which field: both parsed (every parse, tag and filter
 * problem first), then both rendered against each sample with one mail's budget, as a mail would be. Steps and
 * memory are counted, so a template that passes here passes at send with values no longer than the samples'.
 * Null when both are fine.
 */
export function draftProblem(draft: Record<TemplateField, string>): { problem: TemplateProblem; field: TemplateField } | null {
  try {
    const parsed = FIELDS.map((field) => ({ field, templates: inField(field, () => parse(draft[field])) }));
    for (const variables of SAMPLE_VARIABLES) {
      retryIfStarved(() => {
        const budget = new RenderBudget();
        for (const { field, templates } of parsed) inField(field, () => renderParsed(templates, variables, budget));
      });
    }
    return null;
  } catch (error) {
    if (error instanceof TemplateError) return { problem: error.problem, field: error.field ?? 'body' };
    throw error;
  }
}

/** One template alone, checked as a body with an empty subject: its problem, or null. */
export function templateProblem(text: string): TemplateProblem | null {
  return draftProblem({ subject: '', body: text })?.problem ?? null;
}
