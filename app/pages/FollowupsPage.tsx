import { Banner, BlockStack, Card, Page, Text } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FlowSettingsCard } from '../components/followups/FlowSettingsCard.tsx';
import { PersonaCard } from '../components/followups/PersonaCard.tsx';
import { RecentFollowupsCard } from '../components/followups/RecentFollowupsCard.tsx';
import { isTemplateProblem, templateIssueText } from '../components/followups/template-issue.ts';
import { TemplateEditor } from '../components/followups/TemplateEditor.tsx';
import { useErrorText } from '../i18n/error-text.ts';
import { useFormat } from '../i18n/format.ts';
import { ApiError } from '../lib/api.ts';
import {
  fieldErrors,
  FOLLOWUP_LOCALES,
  followupsApi,
  type FlowSettings,
  type FollowupLocale,
  type FollowupsState,
  type LanguageTemplate,
} from '../lib/followups.ts';

/** Refusals of turning the flow on: shown beside the on/off switch. */
const ENABLE_REFUSALS = new Set(['mail_not_configured', 'no_persona', 'persona_unverified']);

type Texts = Record<FollowupLocale, { subject: string; body: string }>;

interface SaveErrors {
  /** Keyed by setting ('enabled', 'delayDays', 'sendWindow.end'…), '' for the settings as a whole. */
  settings: Record<string, string>;
  /** 'subject', 'body', and '' for the rest, of the language `locale` (the one the refusal names). */
  template: Record<string, string>;
  locale: FollowupLocale | null;
}
const NO_ERRORS: SaveErrors = { settings: {}, template: {}, locale: null };

const textsOf = (templates: readonly LanguageTemplate[]): Texts =>
  Object.fromEntries(templates.map((t) => [t.locale, { subject: t.subject, body: t.body }])) as Texts;

/**
 * Follow-ups: one helpful email after a purchase, from a named person whose Reply-To is confirmed, written once per
 * language (each buyer gets theirs). The page holds the drafts (settings and every language's text) so one Save
 * stores the settings and the languages edited; each card does one job.
 */
export function FollowupsPage() {
  const { t, i18n } = useTranslation('followups');
  const errorText = useErrorText('followups');
  const format = useFormat();
  const [state, setState] = useState<FollowupsState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [settings, setSettings] = useState<FlowSettings | null>(null);
  const [drafts, setDrafts] = useState<Texts | null>(null);
  // The editor opens on the merchant's own language: the email they most likely write first.
  const [locale, setLocale] = useState<FollowupLocale>(() => FOLLOWUP_LOCALES.find((l) => l === i18n.language) ?? 'en');
  const [savedEnabled, setSavedEnabled] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveErrors, setSaveErrors] = useState<SaveErrors>(NO_ERRORS);
  const [photoVersion, setPhotoVersion] = useState(0);

  useEffect(() => {
    followupsApi.load().then(
      (loaded) => {
        setState(loaded);
        setSettings(loaded.flow.settings);
        setDrafts(textsOf(loaded.templates));
        setSavedEnabled(loaded.flow.settings.enabled);
      },
      (failure: unknown) => setLoadError(errorText(failure)),
    );
  }, [errorText]);

  /** Everything but the drafts, which stay as the merchant left them. */
  const refresh = useCallback(async () => {
    try {
      setState(await followupsApi.load());
    } catch (failure) {
      setLoadError(errorText(failure));
    }
  }, [errorText]);

  /** Sorts a refused save onto the cards, languages and fields it concerns, in the admin's language. */
  const saveErrorsOf = (failure: unknown): SaveErrors => {
    const errors: SaveErrors = { settings: {}, template: {}, locale: null };
    if (!(failure instanceof ApiError)) {
      errors.template[''] = errorText(failure);
      return errors;
    }
    const named = FOLLOWUP_LOCALES.find((l) => l === failure.params.locale) ?? null;
    if (ENABLE_REFUSALS.has(failure.code)) {
      errors.settings.enabled = errorText(failure);
    } else if (failure.code === 'copy_rejected') {
      errors.locale = named;
      errors.template[''] = t('errors.copy_rejected', { language: t(`languages.${named ?? locale}`) });
    } else if (isTemplateProblem(failure.code)) {
      errors.locale = named;
      errors.template[failure.field ?? 'body'] = templateIssueText(t, format, { error: failure.code, field: (failure.field ?? 'body') as 'subject' | 'body', params: failure.params });
    } else if (failure.status === 400) {
      // The server names the fields (in English, for logs); each gets the admin's own words.
      for (const path of Object.keys(fieldErrors(failure.message))) {
        const [head, second, field] = path.split('.');
        if (head === 'settings') errors.settings[path.slice('settings.'.length)] = t('invalid.field');
        else if (head === 'templates' && (field === 'subject' || field === 'body')) {
          errors.locale = FOLLOWUP_LOCALES.find((l) => l === second) ?? null;
          errors.template[field] = t(`invalid.${field}`);
        } else errors.template[''] = t('invalid.form');
      }
    } else {
      errors.template[''] = errorText(failure);
    }
    return errors;
  };

  const changeSettings = (next: FlowSettings) => {
    setSettings(next);
    setSaveErrors(NO_ERRORS);
  };
  const changeText = (next: { subject: string; body: string }) => {
    setDrafts((current) => (current ? { ...current, [locale]: next } : current));
    setSaveErrors(NO_ERRORS);
  };

  const save = async () => {
    if (!drafts || !settings || !state) return;
    setSaving(true);
    setSaveErrors(NO_ERRORS);
    // Only the languages edited: a starter left as it is stays a starter (and follows Tacto's improvements).
    const edited = Object.fromEntries(
      state.templates.filter((saved) => drafts[saved.locale].subject !== saved.subject || drafts[saved.locale].body !== saved.body).map((saved) => [saved.locale, drafts[saved.locale]]),
    );
    try {
      const { flow, templates } = await followupsApi.saveFlow(settings, edited);
      setSettings(flow.settings);
      setSavedEnabled(flow.settings.enabled);
      setState((current) => (current ? { ...current, templates } : current));
      window.shopify?.toast.show(flow.settings.enabled ? t('page.savedOn') : t('page.savedOff'));
      await refresh();
    } catch (failure) {
      const errors = saveErrorsOf(failure);
      if (errors.locale) setLocale(errors.locale);
      setSaveErrors(errors);
    } finally {
      setSaving(false);
    }
  };

  if (!state || !settings || !drafts) {
    return (
      <Page title={t('page.title')}>
        <Card>{loadError ? <Banner tone="critical">{loadError}</Banner> : <Text as="p">{t('page.loading')}</Text>}</Card>
      </Page>
    );
  }

  const { persona, mailConfigured } = state;
  const verified = persona?.replyToVerifiedAt != null;
  const enableHint = !mailConfigured
    ? t('page.enableNoMail')
    : !persona
      ? t('page.enableNoPersona')
      : !verified
        ? t('page.enableUnverified', { address: persona.replyTo })
        : null;
  const testBlocked = !persona ? t('page.testNoPersona') : !verified ? t('page.testUnverified') : !mailConfigured ? t('page.testNoMail') : null;

  return (
    <Page title={t('page.title')} subtitle={t('page.subtitle')}>
      <BlockStack gap="400">
        {loadError && <Banner tone="critical">{loadError}</Banner>}
        {!mailConfigured && (
          <Banner tone="warning" title={t('page.noMailTitle')}>
            <p>{t('page.noMailBody')}</p>
          </Banner>
        )}
        <PersonaCard
          persona={persona}
          photo={state.photo}
          verificationPending={state.verificationPending}
          mailConfigured={mailConfigured}
          onChanged={refresh}
          onPhoto={(photo) => {
            setState((current) => (current ? { ...current, photo, persona: current.persona && { ...current.persona, hasPhoto: true } } : current));
            setPhotoVersion((v) => v + 1);
          }}
        />
        <FlowSettingsCard settings={settings} savedEnabled={savedEnabled} onChange={changeSettings} errors={saveErrors.settings} enableHint={enableHint} />
        <TemplateEditor
          locale={locale}
          onLocaleChange={setLocale}
          drafts={drafts}
          saved={state.templates}
          defaults={state.defaults}
          onChange={changeText}
          personaKey={`${JSON.stringify(persona)}#${photoVersion}`}
          hasPersona={persona !== null}
          testBlocked={testBlocked}
          onSave={save}
          saving={saving}
          saveErrors={saveErrors.locale === null || saveErrors.locale === locale ? saveErrors.template : {}}
        />
        <RecentFollowupsCard jobs={state.jobs} />
      </BlockStack>
    </Page>
  );
}
