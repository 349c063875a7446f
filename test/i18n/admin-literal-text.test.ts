import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const APP_DIR = join(import.meta.dirname, '../../app');
/** Props and object fields Polaris shows as words (`title`, `content` of an action, `label` of a field…). */
const WORDED = new Set(['title', 'subtitle', 'label', 'helpText', 'placeholder', 'content', 'accessibilityLabel', 'description', 'alt', 'aria-label', 'heading', 'error', 'tooltip', 'prefix', 'suffix', 'emptyState', 'labelHidden', 'message', 'caption']);
/** Words that are the same in every language: the brand, units and codes. */
const SAME_IN_EVERY_LANGUAGE = new Set(['Tacto', 'CSV', 'HTML', 'ID', 'SMTP', 'DNS', 'DKIM', 'SPF', 'Liquid']);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? tsxFiles(join(dir, entry.name)) : entry.name.endsWith('.tsx') ? [join(dir, entry.name)] : [],
  );
}

/** Words a merchant would read: two letters in a row, not only a brand or a code. */
function isProse(text: string): boolean {
  const trimmed = text.trim();
  return /\p{L}{2}/u.test(trimmed) && !SAME_IN_EVERY_LANGUAGE.has(trimmed);
}

/** The English written straight into the admin's components, as `file:line "text"`. */
function literalText(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push(`${relative(APP_DIR, file)}:${line} ${JSON.stringify(text.trim())}`);
  };
  const stringIn = (node: ts.Node | undefined): string | null => {
    if (!node) return null;
    if (ts.isJsxExpression(node)) return stringIn(node.expression);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
    return null;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isProse(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && WORDED.has(node.name.getText(source))) {
      const text = stringIn(node.initializer);
      if (text !== null && isProse(text)) report(node, text);
    }
    if (ts.isPropertyAssignment(node) && WORDED.has(node.name.getText(source).replace(/['"]/g, ''))) {
      const text = stringIn(node.initializer);
      if (text !== null && isProse(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the admin writes no words of its own', () => {
  it('every text in a component comes from the translation files', () => {
    expect(tsxFiles(APP_DIR).flatMap(literalText)).toEqual([]);
  });
});
