/**
 * The privacy report's words in each language Tacto speaks, in one place: the report's own sentences
 * (./words/<locale>.json) and the table descriptions the admin's Privacy page shows (app/locales/<locale>/privacy.json,
 * namespace `privacy`), so the page and the report a merchant hands on say the same. Worded by i18next, as in the
 * admin: the same plural rules and `{{value}}` interpolation. test/server/privacy-report-words.test.ts keeps the
 * languages aligned.
 */
import i18next, { type i18n } from 'i18next';
import enPrivacy from '../../../app/locales/en/privacy.json' with { type: 'json' };
import esPrivacy from '../../../app/locales/es/privacy.json' with { type: 'json' };
import ptPrivacy from '../../../app/locales/pt-BR/privacy.json' with { type: 'json' };
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locales.ts';
import en from './words/en.json' with { type: 'json' };
import es from './words/es.json' with { type: 'json' };
import pt from './words/pt-BR.json' with { type: 'json' };

/** The report's own words per language; typed by the English file, so a language missing a text does not compile. */
export const REPORT_WORDS: Readonly<Record<Locale, typeof en>> = { en, es, 'pt-BR': pt };
const PRIVACY_WORDS: Readonly<Record<Locale, typeof enPrivacy>> = { en: enPrivacy, es: esPrivacy, 'pt-BR': ptPrivacy };

const instances = new Map<Locale, i18n>();

/** The report's `t` in `locale` (`report:` keys by default, `privacy:` for the admin's shared words). */
export function reportTranslator(locale: Locale): i18n['t'] {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18next.createInstance();
    const resources = (code: Locale) => ({ report: REPORT_WORDS[code], privacy: PRIVACY_WORDS[code] });
    // Inline resources: `initAsync: false` makes the instance ready when `init` returns.
    void instance.init({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      ns: ['report', 'privacy'],
      defaultNS: 'report',
      resources: locale === DEFAULT_LOCALE ? { en: resources('en') } : { [locale]: resources(locale), en: resources('en') },
      // The report escapes every text itself (server/text/escape-html.ts), after wording it.
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
    instances.set(locale, instance);
  }
  return instance.t;
}
