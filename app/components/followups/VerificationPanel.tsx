import { Badge, Banner, BlockStack, Button, InlineStack, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text.ts';
import { followupsApi, type PersonaRecord } from '../../lib/followups.ts';

export interface VerificationPanelProps {
  persona: PersonaRecord;
  /** A code was mailed and not entered yet. */
  pending: boolean;
  mailConfigured: boolean;
  onVerified(): Promise<void> | void;
  onSent(): Promise<void> | void;
}

/**
 * Whether the Reply-To mailbox is confirmed, and the six-digit code that confirms it. The persona sends nothing
 * until then.
 */
export function VerificationPanel({ persona, pending, mailConfigured, onVerified, onSent }: VerificationPanelProps) {
  const { t, i18n } = useTranslation('followups');
  const errorText = useErrorText('followups');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const confirmed = persona.replyToVerifiedAt !== null;

  const confirm = async () => {
    if (!/^\d{6}$/.test(code.trim())) {
      setError(t('verification.sixDigits'));
      return;
    }
    setConfirming(true);
    setError(null);
    try {
      await followupsApi.verify(code.trim());
      setCode('');
      window.shopify?.toast.show(t('verification.confirmedToast', { address: persona.replyTo }));
      await onVerified();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setConfirming(false);
    }
  };

  const resend = async () => {
    setSending(true);
    setSendError(null);
    try {
      await followupsApi.sendCode(i18n.language);
      window.shopify?.toast.show(t('verification.resentToast', { address: persona.replyTo }));
      await onSent();
    } catch (failure) {
      setSendError(errorText(failure));
    } finally {
      setSending(false);
    }
  };

  return (
    <BlockStack gap="200">
      <InlineStack gap="200" blockAlign="center">
        <Text as="h3" variant="headingSm">
          {t('verification.title')}
        </Text>
        {confirmed ? (
          <Badge tone="success">{t('verification.confirmed')}</Badge>
        ) : pending ? (
          <Badge tone="attention">{t('verification.waiting')}</Badge>
        ) : (
          <Badge tone="warning">{t('verification.notConfirmed')}</Badge>
        )}
      </InlineStack>
      {confirmed ? (
        <Text as="p" tone="subdued">
          {t('verification.receivesMail', { address: persona.replyTo, name: persona.fullName })}
        </Text>
      ) : (
        <BlockStack gap="200">
          <Text as="p">
            {pending ? t('verification.pending', { address: persona.replyTo }) : t('verification.notPending', { address: persona.replyTo })}
          </Text>
          {!mailConfigured && <Banner tone="warning">{t('verification.noMail')}</Banner>}
          <InlineStack gap="200" blockAlign="end">
            <div style={{ maxWidth: 200 }}>
              <TextField
                label={t('verification.code')}
                value={code}
                onChange={(value) => {
                  setCode(value.replace(/\D/g, '').slice(0, 6));
                  setError(null);
                }}
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={6}
                error={error ?? undefined}
                disabled={!pending}
              />
            </div>
            <Button variant="primary" onClick={() => void confirm()} loading={confirming} disabled={!pending}>
              {t('verification.confirm')}
            </Button>
            <Button onClick={() => void resend()} loading={sending} disabled={!mailConfigured}>
              {t('verification.resend')}
            </Button>
          </InlineStack>
          {sendError && <Banner tone="critical">{sendError}</Banner>}
        </BlockStack>
      )}
    </BlockStack>
  );
}
