import { Banner, BlockStack, Card, Page, Text } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import { FlowSettingsCard } from '../components/followups/FlowSettingsCard.tsx';
import { PersonaCard } from '../components/followups/PersonaCard.tsx';
import { RecentFollowupsCard } from '../components/followups/RecentFollowupsCard.tsx';
import { TemplateEditor } from '../components/followups/TemplateEditor.tsx';
import { ApiError } from '../lib/api.ts';
import { fieldErrors, followupsApi, type FlowSettings, type FollowupLocale, type FollowupsState, type TemplateDraft } from '../lib/followups.ts';

/** Refusals of turning the flow on: shown beside the on/off switch. */
const ENABLE_REFUSALS = new Set(['mail_not_configured', 'no_persona', 'persona_unverified']);

interface SaveErrors {
  /** Keyed by setting ('enabled', 'delayDays', 'sendWindow.end'…), '' for the settings as a whole. */
  settings: Record<string, string>;
  /** 'subject', 'body', and '' for the rest. */
  template: Record<string, string>;
}
const NO_ERRORS: SaveErrors = { settings: {}, template: {} };

/** Sorts a refused save's message onto the cards and fields it concerns. */
function saveErrorsOf(failure: unknown): SaveErrors {
  const errors: SaveErrors = { settings: {}, template: {} };
  if (!(failure instanceof ApiError)) {
    errors.template[''] = failure instanceof Error ? failure.message : String(failure);
    return errors;
  }
  if (ENABLE_REFUSALS.has(failure.code)) {
    errors.settings.enabled = failure.message;
  } else if (failure.status === 400) {
    for (const [path, text] of Object.entries(fieldErrors(failure.message))) {
      if (path === 'settings' || path.startsWith('settings.')) errors.settings[path.slice('settings.'.length)] = text;
      else if (path === 'subject' || path === 'body') errors.template[path] = text;
      else errors.template[''] = [errors.template[''], path ? `${path}: ${text}` : text].filter(Boolean).join(' ');
    }
  } else {
    errors.template[''] = failure.message;
  }
  return errors;
}

/**
 * Follow-ups: one helpful email after a purchase, from a named person whose Reply-To is confirmed. The page
 * holds the drafts (settings and template) so one Save stores both; each card does one job.
 */
export function FollowupsPage() {
  const [state, setState] = useState<FollowupsState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [settings, setSettings] = useState<FlowSettings | null>(null);
  const [draft, setDraft] = useState<TemplateDraft | null>(null);
  const [savedEnabled, setSavedEnabled] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveErrors, setSaveErrors] = useState<SaveErrors>(NO_ERRORS);
  const [photoVersion, setPhotoVersion] = useState(0);

  useEffect(() => {
    followupsApi.load().then(
      (loaded) => {
        setState(loaded);
        setSettings(loaded.flow.settings);
        setDraft({ locale: loaded.flow.locale, subject: loaded.flow.subject, body: loaded.flow.body });
        setSavedEnabled(loaded.flow.settings.enabled);
      },
      (failure: Error) => setLoadError(failure.message),
    );
  }, []);

  /** Everything but the drafts, which stay as the merchant left them. */
  const refresh = useCallback(async () => {
    try {
      setState(await followupsApi.load());
    } catch (failure) {
      setLoadError(failure instanceof Error ? failure.message : String(failure));
    }
  }, []);

  const changeSettings = (next: FlowSettings) => {
    setSettings(next);
    setSaveErrors(NO_ERRORS);
  };
  const changeDraft = (next: TemplateDraft) => {
    setDraft(next);
    setSaveErrors(NO_ERRORS);
  };
  const changeLocale = (locale: FollowupLocale) => {
    if (!draft || !state) return;
    // A starting template still untouched follows the language; the merchant's own words never are replaced.
    const untouched = draft.subject === state.defaults[draft.locale].subject && draft.body === state.defaults[draft.locale].body;
    changeDraft(untouched ? { locale, ...state.defaults[locale] } : { ...draft, locale });
  };

  const save = async () => {
    if (!draft || !settings) return;
    setSaving(true);
    setSaveErrors(NO_ERRORS);
    try {
      const { flow } = await followupsApi.saveFlow(draft, settings);
      setSettings(flow.settings);
      setSavedEnabled(flow.settings.enabled);
      window.shopify?.toast.show(flow.settings.enabled ? 'Saved: follow-ups are on' : 'Saved: follow-ups are off');
      await refresh();
    } catch (failure) {
      setSaveErrors(saveErrorsOf(failure));
    } finally {
      setSaving(false);
    }
  };

  if (!state || !settings || !draft) {
    return (
      <Page title="Follow-ups">
        <Card>{loadError ? <Banner tone="critical">{loadError}</Banner> : <Text as="p">Loading…</Text>}</Card>
      </Page>
    );
  }

  const { persona, mailConfigured } = state;
  const verified = persona?.replyToVerifiedAt != null;
  const enableHint = !mailConfigured
    ? 'Follow-ups cannot be turned on: no SMTP server is configured (SMTP_URL).'
    : !persona
      ? 'Save a sender above before turning follow-ups on.'
      : !verified
        ? `Confirm ${persona.replyTo} with the emailed code before turning follow-ups on.`
        : null;
  const testBlocked = !persona
    ? 'Save the sender first.'
    : !verified
      ? 'Confirm the Reply-To address first: the test goes there.'
      : !mailConfigured
        ? 'No SMTP server is configured (SMTP_URL).'
        : null;

  return (
    <Page title="Follow-ups" subtitle="One helpful email after a purchase, from a real person at your store.">
      <BlockStack gap="400">
        {loadError && <Banner tone="critical">{loadError}</Banner>}
        {!mailConfigured && (
          <Banner tone="warning" title="No mail server configured">
            <p>Set SMTP_URL on the app server: without it Tacto cannot mail confirmation codes, tests or follow-ups.</p>
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
        <FlowSettingsCard
          settings={settings}
          savedEnabled={savedEnabled}
          locale={draft.locale}
          onChange={changeSettings}
          onLocaleChange={changeLocale}
          errors={saveErrors.settings}
          enableHint={enableHint}
        />
        <TemplateEditor
          draft={draft}
          onChange={changeDraft}
          initialFindings={state.findings}
          personaKey={`${JSON.stringify(persona)}#${photoVersion}`}
          hasPersona={persona !== null}
          testBlocked={testBlocked}
          onSave={save}
          saving={saving}
          saveErrors={saveErrors.template}
        />
        <RecentFollowupsCard jobs={state.jobs} />
      </BlockStack>
    </Page>
  );
}
