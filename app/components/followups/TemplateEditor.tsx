import { Banner, BlockStack, Button, Card, FormLayout, InlineStack, Select, Text, TextField } from '@shopify/polaris';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import {
  fieldErrors,
  followupsApi,
  reasonText,
  sampleLabel,
  TEMPLATE_VARIABLES,
  useDebounced,
  type LintFinding,
  type MailPreview as Preview,
  type SampleOrder,
  type TemplateDraft,
} from '../../lib/followups.ts';
import { LintFindings } from './LintFindings.tsx';
import { MailPreview } from './MailPreview.tsx';

export interface TemplateEditorProps {
  draft: TemplateDraft;
  onChange(draft: TemplateDraft): void;
  /** The linter's findings for the stored template, until the first check of the draft. */
  initialFindings: LintFinding[];
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
 * The follow-up's words: subject and body with the variables they may use, the copy linter's findings as the
 * merchant types, the mail exactly as it will be sent, Save (blocked while an error stands) and a test mail.
 */
export function TemplateEditor({ draft, onChange, initialFindings, personaKey, hasPersona, testBlocked, onSave, saving, saveErrors }: TemplateEditorProps) {
  const [findings, setFindings] = useState<LintFinding[]>(initialFindings);
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
        setInputErrors(result.template ? { [result.template.field ?? 'body']: result.template.message } : {});
        setChecking(false);
      },
      (failure: unknown) => {
        if (seq !== lintSeq.current) return;
        setInputErrors(failure instanceof ApiError && failure.status === 400 ? fieldErrors(failure.message) : {});
        setChecking(false);
      },
    );
  }, [linted, personaKey]);

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
        setPreviewError(failure instanceof Error ? failure.message : String(failure));
      },
    );
  }, [previewed, personaKey, hasPersona, sampleId]);

  const typing = draft !== linted;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const blocked = errors > 0 || Object.keys(inputErrors).length > 0;
  // A test of words that cannot be saved would mail exactly what the check refuses.
  const testWhyNot = testBlocked ?? (blocked ? 'Fix the errors above first: a test is sent only of words that can be saved.' : null);

  const sendTest = async () => {
    setTesting(true);
    setTestError(null);
    try {
      const { sentTo } = await followupsApi.sendTest(draft, sampleId);
      window.shopify?.toast.show(`Test sent to ${sentTo}`);
    } catch (failure) {
      setTestError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setTesting(false);
    }
  };

  const set = (field: 'subject' | 'body') => (value: string) => onChange({ ...draft, [field]: value });
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            The email
          </Text>
          <Text as="p" tone="subdued">
            A short note in the persona’s voice. Tacto adds a care guide for what was bought, up to three things that
            go with it, the signature and an unsubscribe link.
          </Text>
        </BlockStack>
        {saveErrors[''] && <Banner tone="critical">{saveErrors['']}</Banner>}
        <FormLayout>
          <TextField label="Subject" value={draft.subject} onChange={set('subject')} autoComplete="off" error={inputErrors.subject ?? saveErrors.subject} />
          <TextField label="Body" value={draft.body} onChange={set('body')} autoComplete="off" multiline={8} error={inputErrors.body ?? saveErrors.body} />
        </FormLayout>
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            Variables you can use
          </Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {TEMPLATE_VARIABLES.map((variable) => (
              <li key={variable.name}>
                <Text as="span">
                  <code>{variable.name}</code> — {variable.meaning}
                </Text>
              </li>
            ))}
          </ul>
        </BlockStack>
        <LintFindings findings={findings} checking={checking || typing} />
        <InlineStack gap="200" blockAlign="center">
          <Button variant="primary" onClick={() => void onSave()} loading={saving} disabled={blocked}>
            Save
          </Button>
          <Button onClick={() => void sendTest()} loading={testing} disabled={testWhyNot !== null}>
            Send a test to me
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
            Preview
          </Text>
          {!hasPersona ? (
            <Text as="p" tone="subdued">
              Save the sender above to see the preview: the email is signed by them.
            </Text>
          ) : (
            <>
              {samples.length > 0 && (
                <Select
                  label="Sample order and buyer"
                  helpText="The preview and the test are written for this order, with this buyer’s first name and its complements."
                  options={[{ label: 'The latest order that gets a follow-up', value: '' }, ...samples.map((s) => ({ label: sampleLabel(s), value: String(s.orderId) }))]}
                  value={sample}
                  onChange={setSample}
                />
              )}
              {previewError && <Banner tone="warning">{previewError}</Banner>}
              {preview === undefined ? (
                <Text as="p" tone="subdued">
                  Preparing the preview…
                </Text>
              ) : preview === null && skipped ? (
                <Text as="p" tone="subdued">
                  This order gets no follow-up: {reasonText(skipped).toLowerCase()}. Pick another sample.
                </Text>
              ) : preview === null ? (
                <Text as="p" tone="subdued">
                  No fulfilled order to build the preview from yet: it appears once a subscribed customer’s order is fulfilled.
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
