import { Tag, toValueSync, type Template } from 'liquidjs';

/** Tags that load another template from a file: a merchant's template could read the server's disk through them. */
export const FILE_TAGS: ReadonlySet<string> = new Set(['include', 'render', 'layout']);

/**
 * The tags a follow-up template may use: text, variables, conditions and loops. An allowlist rather than a
 * list of refusals, so a tag a later liquidjs adds (or `block`, which only means something under `layout`) is
 * refused until someone decides it is safe.
 */
const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  'assign',
  'capture',
  'case',
  'comment',
  '#',
  'cycle',
  'decrement',
  'echo',
  'for',
  'break',
  'continue',
  'if',
  'increment',
  'liquid',
  'raw',
  'tablerow',
  'unless',
]);

/**
 * Every tag of a parsed template in document order, nested ones included (inside if, for, case, capture,
 * `{% liquid %}`…). A loop with its own stack rather than recursion: a template nested a few hundred levels
 * deep costs one visit per node, not one per node and level.
 */
export function tagsOf(templates: readonly Template[]): Tag[] {
  const tags: Tag[] = [];
  const pending = [...templates].reverse();
  for (let template = pending.pop(); template !== undefined; template = pending.pop()) {
    if (template instanceof Tag) tags.push(template);
    pending.push(...[...childrenOf(template)].reverse());
  }
  return tags;
}

/** `children(false, …)`: the nested templates as parsed, without loading any partial or layout file. */
function childrenOf(template: Template): readonly Template[] {
  return template.children ? toValueSync(template.children(false, true)) : [];
}

/** The first tag a follow-up template may not use, in document order; null when every tag is allowed. */
export function forbiddenTag(templates: readonly Template[]): string | null {
  for (const tag of tagsOf(templates)) if (!ALLOWED_TAGS.has(tag.name)) return tag.name;
  return null;
}
