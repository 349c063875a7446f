/**
 * Pure: the two marks the storefront script puts on Shopify's cart, read back from an order (README, "Analytics").
 * Both come from the shopper's browser, so both are untrusted: anything that is not exactly a mark Tacto writes is
 * ignored (the order then counts as unmarked), and nothing else of the attributes or properties is kept.
 */

/** Where a pick was shown: one vocabulary for the storefront, the cart's line property and the reports. */
export const SURFACES = ['product-page', 'cart', 'home', 'collection', 'email'] as const;
export type AnalyticsSurface = (typeof SURFACES)[number];

/** The line-item property a pick's quick add (or a product form reached from a pick) sets. */
export const SURFACE_PROPERTY = '_tacto';
/** The cart attribute carrying the shopper's experiment arm. */
export const EXPERIMENT_ATTRIBUTE = '_tacto_exp';

export type Arm = 'treatment' | 'holdout';

export interface ExperimentMark {
  experimentId: number;
  arm: Arm;
  /** The UTC day the shopper entered the experiment, `YYYY-MM-DD`. */
  enrolledOn: string;
}

const MARK = /^(\d{1,9})\.([th])\.(\d{4})(\d{2})(\d{2})$/;

export function isSurface(value: unknown): value is AnalyticsSurface {
  return typeof value === 'string' && (SURFACES as readonly string[]).includes(value);
}

/** `3.h.20261203` → experiment 3, holdout, enrolled 2026-12-03; null for anything else. */
export function parseExperimentMark(value: unknown): ExperimentMark | null {
  if (typeof value !== 'string') return null;
  const match = MARK.exec(value);
  if (!match) return null;
  const [, id, arm, year, month, day] = match;
  const enrolledOn = `${year}-${month}-${day}`;
  const date = new Date(`${enrolledOn}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== enrolledOn) return null;
  const experimentId = Number(id);
  if (experimentId < 1) return null;
  return { experimentId, arm: arm === 'h' ? 'holdout' : 'treatment', enrolledOn };
}

export function formatExperimentMark(mark: ExperimentMark): string {
  return `${mark.experimentId}.${mark.arm === 'holdout' ? 'h' : 't'}.${mark.enrolledOn.replaceAll('-', '')}`;
}

/** A name/value list as REST sends it (`[{ name, value }]`) or GraphQL (`[{ key, value }]`): the value of `name`. */
export function attributeValue(list: readonly { name?: string; key?: string; value?: unknown }[] | null | undefined, name: string): unknown {
  return list?.find((entry) => (entry.name ?? entry.key) === name)?.value;
}

/** The stored experiment mark of an order (its canonical text), or null. */
export function experimentOf(attributes: Parameters<typeof attributeValue>[0]): string | null {
  const mark = parseExperimentMark(attributeValue(attributes, EXPERIMENT_ATTRIBUTE));
  return mark ? formatExperimentMark(mark) : null;
}

/** The surface of an order line added from a pick, or null. */
export function surfaceOf(properties: Parameters<typeof attributeValue>[0]): AnalyticsSurface | null {
  const value = attributeValue(properties, SURFACE_PROPERTY);
  return isSurface(value) ? value : null;
}

/** A money amount as Shopify writes it ("12.50"), as a number; null when it is not one. */
export function amountOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) return null;
  return Number(value);
}
