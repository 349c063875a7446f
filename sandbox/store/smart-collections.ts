import type { CollectionRule, CollectionRuleSet, SandboxProduct } from './types.ts';

/*
 * Pure: whether a product belongs in a smart collection, by its rules. Shopify compares text without regard to
 * case; a tag rule holds when one of the product's tags satisfies it.
 */

function valuesOf(product: SandboxProduct, column: CollectionRule['column']): string[] {
  switch (column) {
    case 'TAG':
      return product.tags;
    case 'TITLE':
      return [product.title];
    case 'TYPE':
      return [product.productType];
    case 'VENDOR':
      return [product.vendor];
  }
}

function holds(value: string, rule: CollectionRule): boolean {
  const text = value.toLowerCase();
  const condition = rule.condition.toLowerCase();
  switch (rule.relation) {
    case 'EQUALS':
      return text === condition;
    case 'NOT_EQUALS':
      return text !== condition;
    case 'CONTAINS':
      return text.includes(condition);
    case 'NOT_CONTAINS':
      return !text.includes(condition);
    case 'STARTS_WITH':
      return text.startsWith(condition);
    case 'ENDS_WITH':
      return text.endsWith(condition);
  }
}

function matchesRule(product: SandboxProduct, rule: CollectionRule): boolean {
  const values = valuesOf(product, rule.column);
  // "Tag is not equal to X" means no tag is X; every other rule needs one value that satisfies it.
  if (rule.relation === 'NOT_EQUALS' || rule.relation === 'NOT_CONTAINS') return values.every((value) => holds(value, rule));
  return values.some((value) => holds(value, rule));
}

export function matchesRuleSet(product: SandboxProduct, ruleSet: CollectionRuleSet): boolean {
  if (ruleSet.rules.length === 0) return false;
  return ruleSet.appliedDisjunctively
    ? ruleSet.rules.some((rule) => matchesRule(product, rule))
    : ruleSet.rules.every((rule) => matchesRule(product, rule));
}
