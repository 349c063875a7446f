import { NOTICE_EMBED, PICKS_BLOCK, type EmbedState, type ThemeSetup } from './theme-setup.ts';

/**
 * Pure: the "Get Tacto ready" checklist from what is known of the shop. Each step answers a code (the admin
 * words it) and, while open, where to complete it: a theme editor deep link (`shopify://admin/…`, which App
 * Bridge opens in the admin's top frame) or one of Tacto's own pages.
 */

export type ImportState = 'completed' | 'running' | 'failed' | 'not_started';
export type PersonaState = 'verified' | 'unverified' | 'missing';

export interface ChecklistInput {
  apiKey: string;
  backfill: 'completed' | 'running' | 'failed' | null;
  /** null when the theme could not be read (no live theme, or the Admin API refused). */
  theme: ThemeSetup | null;
  persona: PersonaState;
  followupsEnabled: boolean;
}

export type ChecklistStep =
  | { id: 'import'; done: boolean; state: ImportState; link: null }
  | { id: 'notice'; done: boolean; state: EmbedState | 'unknown'; link: StepLink | null }
  | { id: 'picks'; done: boolean; state: 'placed' | 'not_placed' | 'unknown'; templates: string[]; link: StepLink | null }
  | { id: 'persona'; done: boolean; state: PersonaState; link: StepLink | null }
  | { id: 'followups'; done: boolean; state: 'on' | 'off'; link: StepLink | null };

export interface StepLink {
  /** `admin`: a Shopify admin page, opened in the top frame; `app`: a page of Tacto's. */
  kind: 'admin' | 'app';
  href: string;
}

const EDITOR = 'shopify://admin/themes/current/editor';

/** The theme editor opened on App embeds with the notice selected, to be turned on and saved. */
export function activateNoticeLink(apiKey: string): string {
  return `${EDITOR}?${new URLSearchParams({ context: 'apps', activateAppId: `${apiKey}/${NOTICE_EMBED}` })}`;
}

/** The theme editor opened on the product template with the picks block added to its main section. */
export function addPicksLink(apiKey: string, template = 'product'): string {
  return `${EDITOR}?${new URLSearchParams({ template, addAppBlockId: `${apiKey}/${PICKS_BLOCK}`, target: 'mainSection' })}`;
}

const FOLLOWUPS_PAGE: StepLink = { kind: 'app', href: '/follow-ups' };

export function checklist(input: ChecklistInput): ChecklistStep[] {
  const notice = input.theme?.notice ?? 'unknown';
  const picksTemplates = input.theme?.picksTemplates ?? [];
  const picksState = input.theme === null ? 'unknown' : picksTemplates.length > 0 ? 'placed' : 'not_placed';
  return [
    { id: 'import', done: input.backfill === 'completed', state: input.backfill ?? 'not_started', link: null },
    { id: 'notice', done: notice === 'on', state: notice, link: notice === 'on' ? null : { kind: 'admin', href: activateNoticeLink(input.apiKey) } },
    {
      id: 'picks',
      done: picksState === 'placed',
      state: picksState,
      templates: picksTemplates,
      link: picksState === 'placed' ? null : { kind: 'admin', href: addPicksLink(input.apiKey) },
    },
    { id: 'persona', done: input.persona === 'verified', state: input.persona, link: input.persona === 'verified' ? null : FOLLOWUPS_PAGE },
    { id: 'followups', done: input.followupsEnabled, state: input.followupsEnabled ? 'on' : 'off', link: input.followupsEnabled ? null : FOLLOWUPS_PAGE },
  ];
}
