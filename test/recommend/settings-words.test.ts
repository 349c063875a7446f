/**
 * The settings card's words (app/lib/recommendation-settings.ts): each consequence follows the values in the form,
 * and the form refuses what the server would, by field.
 */
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import * as settingsWords from '../../app/lib/recommendation-settings.ts';
import { DEFAULT_SETTINGS, presetValues, type RecommendationSettings } from '../../app/lib/recommendation-settings.ts';
import { adminWords } from '../support/admin-words.ts';

let en: TFunction<'recommendations'>;
let es: TFunction<'recommendations'>;
let pt: TFunction<'recommendations'>;
beforeAll(async () => {
  [en, es, pt] = await Promise.all([adminWords('en', 'recommendations'), adminWords('es', 'recommendations'), adminWords('pt-BR', 'recommendations')]);
});
// In English unless a test says otherwise.
const consequenceWords = (settings: RecommendationSettings, t = en) => settingsWords.consequenceWords(settings, t);
const settingsErrors = (settings: RecommendationSettings, t = en) => settingsWords.settingsErrors(settings, t);

describe('consequences beside each control', () => {
  it('state what the saved numbers do', () => {
    const words = consequenceWords(DEFAULT_SETTINGS);
    expect(words.frequencyCapViews).toBe('A product a shopper saw 6 times within 14 days rests until the oldest of those views is 14 days old; another related product takes its place.');
    expect(words.historyWindowDays).toBe('Orders older than 180 days stop shaping picks; they still keep what was bought away.');
    expect(words.personalShare).toContain('at most 2× as likely to appear');
    expect(words.reorderReminders).toBe('Nothing a shopper bought comes back, not even in a follow-up email.');
  });

  it('follow the values as the merchant changes them', () => {
    const words = consequenceWords({ ...DEFAULT_SETTINGS, personalShare: 50, frequencyCapViews: 1, frequencyCapDays: 1, eventWindowDays: 20, reorderReminders: true });
    expect(words.personalShare).toBe(
      'At 50 %: for a shopper, a product is at most 1.5× as likely to appear — and at most 1.5× as likely to be missing — as for a visitor. A block needs 3 related products per pick, so a page with few of them shows fewer picks.',
    );
    expect(words.personalShare).toContain('1.5×');
    expect(words.frequencyCapViews).toContain('saw once within 1 day');
    expect(words.frequencyCapDays).toContain('kept 1 day');
    expect(words.eventWindowDays).toContain('for 20 days');
    expect(words.reorderReminders).toContain('follow-up email may suggest');
    expect(consequenceWords({ ...DEFAULT_SETTINGS, personalShare: 75 }).personalShare).toContain('1.75×');
    const none = consequenceWords({ ...DEFAULT_SETTINGS, personalShare: 0, reorderReminders: true });
    expect(none.personalShare).toContain('every shopper sees exactly what a visitor sees');
    expect(none.reorderReminders).toContain('No effect at 0 %');
    expect(consequenceWords(presetValues('strict')).preset).toContain('said yes to preference cookies');
  });
});

describe('what the form refuses', () => {
  it('values out of range, by field', () => {
    expect(settingsErrors(DEFAULT_SETTINGS)).toEqual({});
    expect(settingsErrors({ ...DEFAULT_SETTINGS, frequencyCapViews: 0, historyWindowDays: Number.NaN, eventWindowDays: 7.5 })).toEqual({
      frequencyCapViews: 'Enter a whole number from 1 to 20.',
      historyWindowDays: 'Enter a whole number from 30 to 365.',
      eventWindowDays: 'Enter a whole number from 7 to 180.',
    });
  });

  it('anything above a Strict ceiling while Strict is chosen, and not under Standard', () => {
    const over = { ...presetValues('strict'), historyWindowDays: 91, frequencyCapViews: 4, personalShare: 75 as const };
    expect(settingsErrors(over)).toEqual({
      historyWindowDays: 'Strict allows at most 90 days. Lower it, or choose Standard.',
      frequencyCapViews: 'Strict allows at most 3 views. Lower it, or choose Standard.',
      personalShare: 'Strict allows at most 50 %. Lower it, or choose Standard.',
    });
    expect(settingsErrors({ ...over, preset: 'standard' })).toEqual({});
  });
});

describe('in Spanish and Portuguese', () => {
  it('the same consequences and refusals, with numbers written the local way', () => {
    const settings = { ...DEFAULT_SETTINGS, personalShare: 50 as const, frequencyCapViews: 1, frequencyCapDays: 1 };
    for (const t of [es, pt]) {
      const words = consequenceWords(settings, t);
      expect(words.personalShare).toContain('1,5×');
      expect(words.personalShare).not.toContain('as likely');
      expect(words.frequencyCapDays).toMatch(/1 día|1 dia/);
      expect(settingsErrors({ ...DEFAULT_SETTINGS, frequencyCapViews: 0 }, t).frequencyCapViews).toMatch(/1.*20/);
      expect(settingsErrors({ ...DEFAULT_SETTINGS, frequencyCapViews: 0 }, t).frequencyCapViews).not.toContain('Enter');
    }
    expect(consequenceWords({ ...DEFAULT_SETTINGS, historyWindowDays: 365 }, es).historyWindowDays).toContain('365 días');
    expect(consequenceWords({ ...DEFAULT_SETTINGS, historyWindowDays: 365 }, pt).historyWindowDays).toContain('365 dias');
  });
});
