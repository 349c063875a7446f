import type { Template } from 'liquidjs';
import { engine, TEMPLATE_LIMITS } from './template-engine.ts';
import { FILE_TAGS, forbiddenTag } from './template-tags.ts';

export { TEMPLATE_LIMITS } from './template-engine.ts';

/** What a template may use. Anything else renders empty. */
export interface TemplateVariables {
  customer: { first_name: string };
  shop: { name: string };
  persona: { name: string; role: string };
  product: { title: string };
  guide: { title: string };
}

export type TemplateLimit = 'parse length' | 'render time' | 'memory' | 'output length';

/**
 * Why a template cannot be used, as the API reports it (`error` is the response's code). `detail` completes a
 * sentence about the template: "The body " + detail.
 */
export type TemplateProblem =
  | { error: 'template_invalid'; detail: string }
  | { error: 'template_tag_forbidden'; tag: string; detail: string }
  | { error: 'template_too_costly'; limit: TemplateLimit; detail: string }
  | { error: 'template_render_error'; detail: string };

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

const LIMIT_DETAIL: Record<TemplateLimit, string> = {
  'parse length': `is longer than ${TEMPLATE_LIMITS.parseChars.toLocaleString('en')} characters.`,
  'render time': `takes too long to render (a loop too many?): a follow-up template must render within ${TEMPLATE_LIMITS.checkRenderMs} ms.`,
  memory: `builds too much text or too long a list while rendering (a loop or a growing string?): a follow-up template may create at most ${TEMPLATE_LIMITS.memory.toLocaleString('en')} characters or items.`,
  'output length': `renders more than ${TEMPLATE_LIMITS.outputChars.toLocaleString('en')} characters: a follow-up is a short note.`,
};

/**
 * liquidjs reports an exceeded limit as an ordinary error whose message names its limiter ("memory alloc limit
 * exceeded", util/limiter); there is no error class to tell them apart, so the limiter's name is read.
 */
const LIMITERS: Record<string, TemplateLimit> = { 'parse length': 'parse length', 'template render': 'render time', 'memory alloc': 'memory' };
const LIMITER_MESSAGE = /^(parse length|template render|memory alloc) limit exceeded/;

/** Liquid's own words for an error: its first line (the rest is a code frame of the template). */
const liquidMessage = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

function limitProblem(error: unknown): TemplateProblem | null {
  const match = LIMITER_MESSAGE.exec(liquidMessage(error));
  if (!match) return null;
  const limit = LIMITERS[match[1]!]!;
  return { error: 'template_too_costly', limit, detail: LIMIT_DETAIL[limit] };
}

/** Parses a template and refuses tags it may not use. Throws a TemplateError. */
function parse(text: string): Template[] {
  let templates: Template[];
  try {
    templates = engine.parse(text);
  } catch (error) {
    throw new TemplateError(limitProblem(error) ?? { error: 'template_invalid', detail: `does not parse: ${liquidMessage(error)}` });
  }
  const tag = forbiddenTag(templates);
  if (tag) {
    throw new TemplateError({
      error: 'template_tag_forbidden',
      tag,
      detail: FILE_TAGS.has(tag)
        ? `uses {% ${tag} %}, which loads another file: follow-up templates cannot read files. Write the words into the template itself.`
        : `uses {% ${tag} %}, which follow-up templates do not allow.`,
    });
  }
  return templates;
}

/**
 * The template rendered with `variables`, within TEMPLATE_LIMITS: the admin's render-time limit by default, the
 * sender's when `renderLimitMs` says so. Throws a TemplateError for a template that does not parse, uses a
 * forbidden tag, exceeds a limit or fails while rendering (e.g. a filter's error).
 */
export function renderTemplate(text: string, variables: TemplateVariables, options: { renderLimitMs?: number } = {}): string {
  const templates = parse(text);
  let output: string;
  try {
    output = engine.renderSync(templates, variables, { renderLimit: options.renderLimitMs ?? TEMPLATE_LIMITS.checkRenderMs }) as string;
  } catch (error) {
    throw new TemplateError(limitProblem(error) ?? { error: 'template_render_error', detail: `fails to render: ${liquidMessage(error)}` });
  }
  if (output.length > TEMPLATE_LIMITS.outputChars) {
    throw new TemplateError({ error: 'template_too_costly', limit: 'output length', detail: LIMIT_DETAIL['output length'] });
  }
  return output;
}

/** Longer than any value a mail fills in (Shopify caps titles and names at 255 characters). */
const LONG = 'W'.repeat(255);
/**
 * What a template is tried against before it is stored: the longest values a mail can bring, then empty ones
 * (a buyer without a first name). A template that is costly only for particular values still passes; at send
 * such a mail is skipped ('template-error'), never retried.
 */
const SAMPLE_VARIABLES: readonly TemplateVariables[] = [LONG, ''].map((value) => ({
  customer: { first_name: value },
  shop: { name: value },
  persona: { name: value, role: value },
  product: { title: value },
  guide: { title: value },
}));

/**
 * Why a template cannot be stored or previewed, or null: parsed, its tags checked, rendered against samples within
 * the admin's limits. The render-time limit is a wall clock, so a render it stops is tried once more before the
 * template is refused: a moment the machine spent elsewhere must not refuse a merchant's one-line greeting.
 */
export function templateProblem(text: string): TemplateProblem | null {
  try {
    for (const variables of SAMPLE_VARIABLES) {
      try {
        renderTemplate(text, variables);
      } catch (error) {
        if (!(error instanceof TemplateError && error.problem.error === 'template_too_costly' && error.problem.limit === 'render time')) throw error;
        renderTemplate(text, variables);
      }
    }
    return null;
  } catch (error) {
    if (error instanceof TemplateError) return error.problem;
    throw error;
  }
}
