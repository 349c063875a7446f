import { Badge, Banner, BlockStack, Button, InlineStack, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
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
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const confirmed = persona.replyToVerifiedAt !== null;

  const confirm = async () => {
    if (!/^\d{6}$/.test(code.trim())) {
      setError('Enter the six digits from the email.');
      return;
    }
    setConfirming(true);
    setError(null);
    try {
      await followupsApi.verify(code.trim());
      setCode('');
      window.shopify?.toast.show(`${persona.replyTo} confirmed`);
      await onVerified();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setConfirming(false);
    }
  };

  const resend = async () => {
    setSending(true);
    setSendError(null);
    try {
      await followupsApi.sendCode();
      window.shopify?.toast.show(`A new code is on its way to ${persona.replyTo}`);
      await onSent();
    } catch (failure) {
      setSendError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSending(false);
    }
  };

  return (
    <BlockStack gap="200">
      <InlineStack gap="200" blockAlign="center">
        <Text as="h3" variant="headingSm">
          Reply-To confirmation
        </Text>
        {confirmed ? (
          <Badge tone="success">Confirmed</Badge>
        ) : pending ? (
          <Badge tone="attention">Waiting for the code</Badge>
        ) : (
          <Badge tone="warning">Not confirmed</Badge>
        )}
      </InlineStack>
      {confirmed ? (
        <Text as="p" tone="subdued">
          {persona.replyTo} receives mail: follow-ups can be sent in {persona.fullName}’s name.
        </Text>
      ) : (
        <BlockStack gap="200">
          <Text as="p">
            {pending
              ? `Tacto mailed a six-digit code to ${persona.replyTo}. Enter it here to confirm that the mailbox receives replies; nothing is sent in this person’s name until then.`
              : `Confirm ${persona.replyTo} before anything is sent in this person’s name: Tacto mails a six-digit code to it.`}
          </Text>
          {!mailConfigured && <Banner tone="warning">No SMTP server is configured (SMTP_URL), so Tacto cannot mail the code yet.</Banner>}
          <InlineStack gap="200" blockAlign="end">
            <div style={{ maxWidth: 200 }}>
              <TextField
                label="Code from the email"
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
              Confirm
            </Button>
            <Button onClick={() => void resend()} loading={sending} disabled={!mailConfigured}>
              Send a new code
            </Button>
          </InlineStack>
          {sendError && <Banner tone="critical">{sendError}</Banner>}
        </BlockStack>
      )}
    </BlockStack>
  );
}
