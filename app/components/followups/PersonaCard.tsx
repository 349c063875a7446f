import { Banner, BlockStack, Button, Card, DropZone, FormLayout, InlineStack, Text, TextField, Thumbnail } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text.ts';
import { ApiError } from '../../lib/api.ts';
import { fieldErrors, followupsApi, photoForUpload, type PersonaForm, type PersonaRecord } from '../../lib/followups.ts';
import { isNoReplyAddress } from '../../../server/followups/personas/noreply.ts';
import { VerificationPanel } from './VerificationPanel.tsx';

const EMPTY: PersonaForm = { fullName: '', role: '', signature: '', fromAddress: '', replyTo: '' };

const formOf = (persona: PersonaRecord | null): PersonaForm =>
  persona ? { fullName: persona.fullName, role: persona.role, signature: persona.signature, fromAddress: persona.fromAddress, replyTo: persona.replyTo } : EMPTY;

/**
 * Which form fields a refused save names (the server's 400 lists them, in English for logs): each gets "check
 * this value" in the admin's language; anything else goes in a banner ('' key).
 */
function byField(message: string, check: string, form: string): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const field of Object.keys(fieldErrors(message))) shown[field in EMPTY ? field : ''] = field in EMPTY ? check : form;
  return shown;
}

export interface PersonaCardProps {
  persona: PersonaRecord | null;
  photo: string | null;
  verificationPending: boolean;
  mailConfigured: boolean;
  /** After a save or a confirmation: the page reloads what depends on the persona. */
  onChanged(): Promise<void> | void;
  onPhoto(photo: string): void;
}

/**
 * The sender persona: the real person follow-ups come from, their photo, and the Reply-To mailbox that must be
 * confirmed with a mailed code before anything is sent in their name. Every refusal is shown beside its field.
 */
export function PersonaCard({ persona, photo, verificationPending, mailConfigured, onChanged, onPhoto }: PersonaCardProps) {
  const { t, i18n } = useTranslation('followups');
  const errorText = useErrorText('followups');
  const [form, setForm] = useState<PersonaForm>(() => formOf(persona));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  // A persona saved (or first loaded) replaces the form.
  const personaKey = persona ? JSON.stringify(formOf(persona)) : '';
  // Keyed on the persona's fields, not its identity: a reload that changes nothing keeps what is being typed.
  useEffect(() => setForm(formOf(persona)), [personaKey]);

  const set = (field: keyof PersonaForm) => (value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _, ...rest }) => rest);
  };

  const save = async () => {
    setSaving(true);
    setErrors({});
    try {
      const saved = await followupsApi.savePersona(form, i18n.language);
      window.shopify?.toast.show(saved.verificationSent ? t('persona.savedCodeSent', { address: saved.persona.replyTo }) : t('persona.saved'));
      await onChanged();
    } catch (failure) {
      const error = failure instanceof ApiError ? failure : new ApiError(0, 'network', String(failure));
      // 400: the message names each field. 409 after a save: the persona was stored, but the code could not go out.
      if (error.status === 400) {
        const shown = byField(error.message, t('invalid.field'), t('invalid.form'));
        // The refusal the server words for logs, in the admin's words: an address that reads as "no reply".
        for (const field of ['fromAddress', 'replyTo'] as const) if (shown[field] && isNoReplyAddress(form[field])) shown[field] = t('lint.codes.noreply_sender');
        setErrors(shown);
      } else setErrors({ '': errorText(failure) });
      if (error.status === 409) await onChanged();
    } finally {
      setSaving(false);
    }
  };

  const upload = async (files: File[]) => {
    const file = files[0];
    if (!file) return;
    setUploading(true);
    setPhotoError(null);
    try {
      onPhoto((await followupsApi.savePhoto(await photoForUpload(file))).photo);
      window.shopify?.toast.show(t('persona.photoSaved'));
    } catch (failure) {
      setPhotoError(errorText(failure));
    } finally {
      setUploading(false);
    }
  };

  const name = persona?.fullName ?? form.fullName;
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t('persona.title')}
          </Text>
          <Text as="p" tone="subdued">
            {t('persona.intro')}
          </Text>
        </BlockStack>
        {errors[''] && <Banner tone="critical">{errors['']}</Banner>}
        <FormLayout>
          <FormLayout.Group>
            <TextField label={t('persona.fullName')} value={form.fullName} onChange={set('fullName')} autoComplete="name" error={errors.fullName} />
            <TextField label={t('persona.role')} value={form.role} onChange={set('role')} autoComplete="organization-title" placeholder={t('persona.rolePlaceholder')} error={errors.role} />
          </FormLayout.Group>
          <FormLayout.Group>
            <TextField
              label={t('persona.fromAddress')}
              type="email"
              value={form.fromAddress}
              onChange={set('fromAddress')}
              autoComplete="email"
              helpText={t('persona.fromHelp')}
              error={errors.fromAddress}
            />
            <TextField
              label={t('persona.replyTo')}
              type="email"
              value={form.replyTo}
              onChange={set('replyTo')}
              autoComplete="email"
              helpText={t('persona.replyToHelp')}
              error={errors.replyTo}
            />
          </FormLayout.Group>
          <TextField label={t('persona.signature')} value={form.signature} onChange={set('signature')} autoComplete="off" multiline={3} helpText={t('persona.signatureHelp')} error={errors.signature} />
        </FormLayout>
        <InlineStack>
          <Button variant="primary" onClick={() => void save()} loading={saving}>
            {t('persona.save')}
          </Button>
        </InlineStack>

        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t('persona.photo')}
          </Text>
          <InlineStack gap="400" blockAlign="center" wrap={false}>
            {photo ? <Thumbnail source={photo} alt={t('persona.photoAlt', { name })} size="large" /> : null}
            <div style={{ width: 160 }}>
              <DropZone
                label={photo ? t('persona.replacePhoto') : t('persona.uploadPhoto')}
                accept="image/jpeg,image/png,image/webp"
                type="image"
                allowMultiple={false}
                disabled={!persona || uploading}
                error={photoError !== null}
                onDrop={(_all, accepted) => void upload(accepted)}
              >
                <DropZone.FileUpload actionHint={persona ? t('persona.photoTypes') : t('persona.saveSenderFirst')} />
              </DropZone>
            </div>
          </InlineStack>
          <Text as="p" tone="subdued">
            {t('persona.photoNote')}
          </Text>
          {photoError && <Banner tone="critical">{photoError}</Banner>}
        </BlockStack>

        {persona && <VerificationPanel persona={persona} pending={verificationPending} mailConfigured={mailConfigured} onVerified={onChanged} onSent={onChanged} />}
      </BlockStack>
    </Card>
  );
}
