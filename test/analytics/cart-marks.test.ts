/**
 * The marks on Shopify's cart come from the shopper's browser: only Tacto's exact shapes count, anything else leaves
 * the order unmarked (and stores nothing of it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { experimentOf, formatExperimentMark, parseExperimentMark, surfaceOf } from '../../server/analytics/cart-marks.ts';

describe('cart marks', () => {
  it('reads an experiment mark from REST note attributes and GraphQL custom attributes alike', () => {
    expect(experimentOf([{ name: 'gift', value: 'yes' }, { name: '_tacto_exp', value: '3.h.20261203' }])).toBe('3.h.20261203');
    expect(experimentOf([{ key: '_tacto_exp', value: '12.t.20260101' }])).toBe('12.t.20260101');
    expect(parseExperimentMark('3.h.20261203')).toEqual({ experimentId: 3, arm: 'holdout', enrolledOn: '2026-12-03' });
  });

  it.each(['', '3.x.20261203', '3.h.20261332', '0.h.20261203', '3.h.2026120', ' 3.h.20261203', '3.h.20261203\n', '1e3.t.20261203', '3.h.20260230', null, 42])(
    'ignores a forged or broken mark %j',
    (value) => {
      expect(experimentOf([{ name: '_tacto_exp', value }])).toBeNull();
    },
  );

  it('reads only known surfaces from the line property', () => {
    expect(surfaceOf([{ name: '_tacto', value: 'product-page' }])).toBe('product-page');
    expect(surfaceOf([{ key: '_tacto', value: 'email' }])).toBe('email');
    for (const value of ['Product-page', 'product-page ', '<script>', 'search', '', null]) expect(surfaceOf([{ name: '_tacto', value }])).toBeNull();
    expect(surfaceOf(null)).toBeNull();
  });

  it('writes back exactly what it reads', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999_999 }),
        fc.constantFrom('treatment' as const, 'holdout' as const),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (experimentId, arm, date) => {
          const mark = { experimentId, arm, enrolledOn: date.toISOString().slice(0, 10) };
          expect(parseExperimentMark(formatExperimentMark(mark))).toEqual(mark);
        },
      ),
      { seed: 20261203, numRuns: 300 },
    );
  });
});
