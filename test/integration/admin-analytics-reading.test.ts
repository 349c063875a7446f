/**
 * The Analytics page's words for the report's numbers (app/lib/analytics.ts, pure): the reading of each verdict,
 * and figures in the merchant's locale — in English, Spanish and Portuguese, from the real translation files.
 */
import { describe, expect, it } from 'vitest';
import {
  blockSettingName,
  feedbackReasonName,
  formatInterval,
  formatLift,
  formatMoney,
  formatRange,
  readComparison,
  skipReasonName,
  SUBJECTS,
  surfaceName,
} from '../../app/lib/analytics.ts';
import { daysOf, lastDays, rangeLength } from '../../app/lib/date-range.ts';
import { COMPARISONS } from './admin-analytics-fixtures.ts';
import { adminI18n } from './admin-analytics-i18n.ts';

const en = adminI18n('en');
const es = adminI18n('es');
const pt = adminI18n('pt-BR');

describe('the lift in plain words', () => {
  const block = SUBJECTS.conversion('block');
  it('states the direction, size and 95 % interval only when the interval excludes no effect', () => {
    expect(readComparison(COMPARISONS.helps, block, en)).toBe('Shoppers who saw Tacto bought 12% more often (95 % interval: from +3% to +21%).');
    expect(readComparison(COMPARISONS.hurts, block, en)).toBe('Shoppers who saw Tacto bought 10% less often (95 % interval: from -18% to -2%).');
    expect(readComparison(COMPARISONS.inconclusive, block, en)).toBe(
      'Not enough evidence either way yet. With the current traffic, only a lift of 15% or more could be detected.',
    );
  });

  it('says what is missing when there is no conclusion to draw', () => {
    expect(readComparison(COMPARISONS.collecting, block, en)).toBe('Collecting data: each group needs at least 30 shoppers and 5 buyers.');
    expect(readComparison(COMPARISONS['no-experiment'], block, en)).toBe('No holdout is running. Set a holdout above 0 % to measure what Tacto adds.');
  });

  it('never invents figures: a "helps" without an interval reads as not proven', () => {
    expect(readComparison({ ...COMPARISONS.helps, interval: null, minimumDetectableLift: null }, block, en)).toBe('Not enough evidence either way yet.');
  });

  it('names what the holdout lacked for the personalization question', () => {
    expect(readComparison(COMPARISONS.helps, SUBJECTS.revenuePerShopper('personalization'), en)).toMatch(/^Shoppers who saw personalized picks spent 12% more per shopper/);
  });
});

describe('figures in the merchant\'s locale', () => {
  it('writes lifts, intervals and money as the locale does', () => {
    expect(formatLift(0.034, 'fr-FR')).toBe('+3,4\u00a0%');
    expect(formatInterval([-0.05, 0.13], en)).toBe('from -5% to +13%');
    expect(formatMoney(1234.5, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatMoney(12, null, 'en-US')).toBe('12');
  });
});

describe('the lift in Spanish and Portuguese', () => {
  it('reads each verdict as a whole sentence, with the figures written as the language writes them', () => {
    expect(readComparison(COMPARISONS.helps, SUBJECTS.conversion('block'), es)).toBe(
      'Los clientes que vieron Tacto compraron un 12\u00a0% más a menudo (intervalo de confianza del 95 %: de +3\u00a0% a +21\u00a0%).',
    );
    expect(readComparison(COMPARISONS.hurts, SUBJECTS.revenuePerShopper('personalization'), pt)).toBe(
      'Os clientes que viram sugestões personalizadas gastaram 10% a menos por cliente (intervalo de confiança de 95%: de -18% a -2%).',
    );
    expect(readComparison(COMPARISONS.inconclusive, SUBJECTS.repeat(), es)).toBe(
      'Todavía no hay datos suficientes para saber si ayuda o perjudica. Con el tráfico actual, solo se podría detectar un incremento de 15\u00a0% o más.',
    );
    expect(readComparison(COMPARISONS.collecting, SUBJECTS.conversion('block'), pt)).toBe('Coletando dados: cada grupo precisa de pelo menos 30 clientes e 5 compradores.');
    expect(readComparison(COMPARISONS['no-experiment'], SUBJECTS.conversion('block'), es)).toMatch(/^No hay un grupo de control activo\./);
  });
});

describe('the codes of the report in words', () => {
  it('names surfaces, block settings, feedback and skip reasons in the admin language, and an unknown code readably', () => {
    expect(surfaceName('product-page', es)).toBe('Página de producto');
    expect(surfaceName('search-results', pt)).toBe('search results');
    expect(blockSettingName('4-grid-g-q', en)).toBe('4 picks, grid, with guides, quick add');
    expect(blockSettingName('2-row-n-n', es)).toBe('2 sugerencias, fila, sin guías, sin agregar rápido');
    expect(blockSettingName('link', pt)).toBe('Adicionado na página de produto depois de uma sugestão');
    expect(feedbackReasonName('too-personal', pt)).toBe('Pessoal demais');
    expect(skipReasonName('holdout', es)).toBe('En el grupo de control: no se envía, para medir lo que suman los seguimientos');
    expect(skipReasonName('interrupted: SMTP closed', en)).toBe('Interrupted while sending; not sent again to avoid a duplicate');
    // The Follow-ups page's own words for the same fate: one wording wherever the merchant reads it.
    expect(skipReasonName('unknown', es)).toBe(es.t('followups:reasons.interrupted'));
    expect(skipReasonName('cap', pt)).toBe(pt.t('followups:reasons.cap'));
    expect(skipReasonName('cap', pt)).not.toBe(en.t('followups:reasons.cap'));
    expect(skipReasonName('new-reason', en)).toBe('Other reason (new reason)');
  });

  it('writes a date range as the locale does', () => {
    const range = { from: '2026-11-01', to: '2026-11-10' };
    expect(formatRange(range, 'en')).toBe('Nov 1\u2009–\u200910, 2026');
    expect(formatRange(range, 'es')).toBe('1–10 nov 2026');
    expect(formatRange(range, 'pt-BR')).toMatch(/^1.+10 de nov\.? de 2026$/);
  });
});

describe('date ranges in UTC days', () => {
  it('counts the last n days up to today, both ends included', () => {
    const now = new Date('2026-03-01T23:30:00Z');
    expect(lastDays(7, now)).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(rangeLength(lastDays(90, now))).toBe(90);
    expect(daysOf({ from: '2026-02-27', to: '2026-03-01' })).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
});
