import 'i18next';
import type analytics from '../locales/en/analytics.json';
import type common from '../locales/en/common.json';
import type followups from '../locales/en/followups.json';
import type home from '../locales/en/home.json';
import type privacy from '../locales/en/privacy.json';
import type recommendations from '../locales/en/recommendations.json';

// Keys are checked at compile time against the English files (the parity test checks the other languages).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      home: typeof home;
      recommendations: typeof recommendations;
      followups: typeof followups;
      analytics: typeof analytics;
      privacy: typeof privacy;
    };
  }
}
