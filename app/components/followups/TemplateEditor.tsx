import { Badge, Banner, BlockStack, Button, Card, FormLayout, InlineStack, Select, Tabs, Text, TextField } from '@shopify/polaris';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text.ts';
import { useFormat } from '../../i18n/format.ts';
import { ApiError } from '../../lib/api.ts';
import {
  fieldErrors,
  FOLLOWUP_LOCALES,
  followupsApi,
  sampleLabel,
  TEMPLATE_VARIABLES,
  useDebounced,
  useFollowupWords,
  type FollowupLocale,
  type LanguageTemplate,
  type LintFinding,
  type MailPreview as Preview,
  type SampleOrder,
  type TemplateDraft,
} from '../../lib/followups.ts';
import { LintFindings } from './LintFindings.tsx';
import { MailPreview } from './MailPreview.tsx';
import { isTemplateProblem, templateIssueText } from './template-issue.ts';

type Words = { subject: string; body: string };

export interface TemplateEditorProps {
  /** The language being edited, and every language's draft. */
  locale: FollowupLocale;
  onLocaleChange(locale: FollowupLocale): void;
  drafts: Record<FollowupLocale, Words>;
  /** Every language's template as saved (or its starter), with its findings. */
  saved: readonly LanguageTemplate[];
  /** Tacto's starting text of each language. */
  defaults: Record<FollowupLocale, Words>;
  /** The edited language's new text. */
  onChange(text: Words): void;
  /** Changes whenever the persona does: the preview is signed by them, and the linter reads their addresses. */
  personaKey: string;
  hasPersona: boolean;
  /** Why "Send a test to me" cannot work yet; null when it can. */
  testBlocked: string | null;
  /** Saves the template with the settings (the page holds both). */
  onSave(): Promise<void>;
  saving: boolean;
  /** The last save's refusal: per field ('subject', 'body') and '' for the rest. */
  saveErrors: Record<string, string>;
}

/**
 * The follow-up's words, one tab per language (each buyer gets theirs; a language not edited yet sends Tacto's
 * starter): subject and body with the variables they may use, the copy linter's findings in that language as the
 * merchant types, the mail exactly as a buyer of that language gets it, Save (blocked while an error stands) and a
 * test mail.
 */
export function TemplateEditor({ locale, onLocaleChange, drafts, saved, defaults, onChange, personaKey, hasPersona, testBlocked, onSave, saving, saveErrors }: TemplateEditorProps) {
  const { t } = useTranslation('followups');
  const errorText = useErrorText('followups');
  const format = useFormat();
  const words = useFollowupWords();
  const draft: TemplateDraft = useMemo(() => ({ locale, ...drafts[locale] }), [locale, drafts]);
  const savedOf = (l: FollowupLocale) => saved.find((s) => s.locale === l)!;
  const [findings, setFindings] = useState<LintFinding[]>(savedOf(locale).findings);
  const [inputErrors, setInputErrors] = useState<Record<string, string>>({});
  const [checking, setChecking] = useState(false);
  const [preview, setPreview] = useState<Preview | null | undefined>(undefined);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const [testError, setTestError] = useState<string | null>(null);
  const [samples, setSamples] = useState<SampleOrder[]>([]);
  /** The sample order chosen; '' for the latest order that gets a follow-up. */
  const [sample, setSample] = useState('');
  const [skipped, setSkipped] = useState<string | null>(null);

  // Only the latest request's answer is shown: an earlier one may come back after it.
  const lintSeq = useRef(0);
  const previewSeq = useRef(0);
  const linted = useDebounced(draft, 300);
  const previewed = useDebounced(draft, 500);

  useEffect(() => {
    const seq = ++lintSeq.current;
    setChecking(true);
    followupsApi.lint(linted).then(
      (result) => {
        if (seq !== lintSeq.current) return;
        setFindings(result.findings);
        // Liquid's refusal (a file tag, a limit, an error) shown at the field it concerns, and Save blocked on it.
        setInputErrors(result.template ? { [result.template.field ?? 'body']: templateIssueText(t, format, result.template) } : {});
        setChecking(false);
      },
      (failure: unknown) => {
        if (seq !== lintSeq.current) return;
        setInputErrors(
          failure instanceof ApiError && failure.status === 400
            ? Object.fromEntries(Object.keys(fieldErrors(failure.message)).map((field) => [field, field === 'subject' || field === 'body' ? t(`invalid.${field}`) : t('invalid.field')]))
            : {},
        );
        setChecking(false);
      },
    );
  }, [linted, personaKey, t, format]);

  useEffect(() => {
    if (!hasPersona) return;
    followupsApi.samples().then(
      (result) => setSamples(result.samples),
      () => setSamples([]), // the select is a convenience: without it the latest order is shown
    );
  }, [hasPersona]);

  const sampleId = sample === '' ? undefined : Number(sample);
  useEffect(() => {
    if (!hasPersona) return;
    const seq = ++previewSeq.current;
    followupsApi.preview(previewed, sampleId).then(
      (result) => {
        if (seq !== previewSeq.current) return;
        setPreview(result.preview);
        setSkipped(result.skipped ?? null);
        setPreviewError(null);
      },
      (failure: unknown) => {
        if (seq !== previewSeq.current) return;
        // A draft that does not parse keeps the last good preview, with the reason above it.
        setPreviewError(
          failure instanceof ApiError && isTemplateProblem(failure.code)
            ? templateIssueText(t, format, { error: failure.code, field: (failure.field ?? 'body') as 'subject' | 'body', params: failure.params })
            : errorText(failure),
        );
      },
    );
  }, [previewed, personaKey, hasPersona, sampleId, t, format, errorText]);

  const typing = draft !== linted;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const blocked = errors > 0 || Object.keys(inputErrors).length > 0;
  // A test of words that cannot be saved would mail exactly what the check refuses.
  const testWhyNot = testBlocked ?? (blocked ? t('editor.fixFirst') : null);

  const sendTest = async () => {
    setTesting(true);
    setTestError(null);
    try {
      const { sentTo } = await followupsApi.sendTest(draft, sampleId);
      window.shopify?.toast.show(t('editor.testSent', { address: sentTo }));
    } catch (failure) {
      setTestError(
        failure instanceof ApiError && isTemplateProblem(failure.code)
          ? templateIssueText(t, format, { error: failure.code, field: (failure.field ?? 'body') as 'subject' | 'body', params: failure.params })
          : errorText(failure),
      );
    } finally {
      setTesting(false);
    }
  };

  const set = (field: 'subject' | 'body') => (value: string) => onChange({ subject: draft.subject, body: draft.body, [field]: value });
  /** Where each language stands: still Tacto's starter, edited and not saved, or the merchant's saved text. */
  const stateOf = (l: FollowupLocale): 'starter' | 'unsaved' | 'edited' => {
    const stored = savedOf(l);
    if (drafts[l].subject !== stored.subject || drafts[l].body !== stored.body) return 'unsaved';
    return stored.starter ? 'starter' : 'edited';
  };
  const tabs = FOLLOWUP_LOCALES.map((l) => ({
    id: `followup-language-${l}`,
    content: t(`languages.${l}`),
    ...(stateOf(l) === 'edited' ? {} : { badge: t(`editor.${stateOf(l) as 'starter' | 'unsaved'}`) }),
    panelID: 'followup-language-panel',
  }));
  const current = stateOf(locale);
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t('editor.title')}
          </Text>
          <Text as="p" tone="subdued">
            {t('editor.intro')}
          </Text>
        </BlockStack>
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            {t('editor.languages')}
          </Text>
          <Text as="p" tone="subdued">
            {t('editor.languagesHelp')}
          </Text>
        </BlockStack>
        <Tabs tabs={tabs} selected={FOLLOWUP_LOCALES.indexOf(locale)} onSelect={(index) => onLocaleChange(FOLLOWUP_LOCALES[index]!)} />
        <InlineStack gap="200" blockAlign="center">
          {current === 'starter' ? (
            <>
              <Badge>{t('editor.starter')}</Badge>
              <Text as="span" tone="subdued">
                {t('editor.starterHelp')}
              </Text>
            </>
          ) : (
            <>
              <Badge tone={current === 'unsaved' ? 'attention' : 'success'}>{t(`editor.${current}`)}</Badge>
              {(draft.subject !== defaults[locale].subject || draft.body !== defaults[locale].body) && (
                <Button variant="plain" onClick={() => onChange(defaults[locale])}>
                  {t('editor.restoreStarter')}
                </Button>
              )}
            </>
          )}
        </InlineStack>
        {saveErrors[''] && <Banner tone="critical">{saveErrors['']}</Banner>}
        <div lang={locale}>
          <FormLayout>
            <TextField label={t('editor.subject')} value={draft.subject} onChange={set('subject')} autoComplete="off" error={inputErrors.subject ?? saveErrors.subject} />
            <TextField label={t('editor.body')} value={draft.body} onChange={set('body')} autoComplete="off" multiline={8} error={inputErrors.body ?? saveErrors.body} />
          </FormLayout>
        </div>
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            {t('editor.variables')}
          </Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {TEMPLATE_VARIABLES.map((variable) => (
              <li key={variable.name}>
                <Text as="span">
                  <code>{variable.name}</code> — {t(`editor.variable.${variable.key}`)}
                </Text>
              </li>
            ))}
          </ul>
        </BlockStack>
        <LintFindings findings={findings} checking={checking || typing} />
        <InlineStack gap="200" blockAlign="center">
          <Button variant="primary" onClick={() => void onSave()} loading={saving} disabled={blocked}>
            {t('editor.save')}
          </Button>
          <Button onClick={() => void sendTest()} loading={testing} disabled={testWhyNot !== null}>
            {t('editor.sendTest')}
          </Button>
          {testWhyNot && (
            <Text as="span" tone="subdued">
              {testWhyNot}
            </Text>
          )}
        </InlineStack>
        {testError && <Banner tone="critical">{testError}</Banner>}
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t('editor.preview')}
          </Text>
          {!hasPersona ? (
            <Text as="p" tone="subdued">
              {t('editor.previewNeedsPersona')}
            </Text>
          ) : (
            <>
              {samples.length > 0 && (
                <Select
                  label={t('editor.sample')}
                  helpText={t('editor.sampleHelp')}
                  options={[
                    { label: t('editor.latestSample'), value: '' },
                    ...samples.map((s) => ({
                      label: `${sampleLabel(s, { order: (id) => t('editor.sampleOrder', { id }), noFirstName: t('editor.noFirstName') })} · ${t(`languages.${s.locale}`)}`,
                      value: String(s.orderId),
                    })),
                  ]}
                  value={sample}
                  onChange={setSample}
                />
              )}
              {previewError && <Banner tone="warning">{previewError}</Banner>}
              {preview === undefined ? (
                <Text as="p" tone="subdued">
                  {t('editor.preparing')}
                </Text>
              ) : preview === null && skipped ? (
                <Text as="p" tone="subdued">
                  {t('editor.skipped', { reason: words.reason(skipped).toLocaleLowerCase() })}
                </Text>
              ) : preview === null ? (
                <Text as="p" tone="subdued">
                  {t('editor.noOrders')}
                </Text>
              ) : (
                <MailPreview preview={preview} />
              )}
            </>
          )}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
