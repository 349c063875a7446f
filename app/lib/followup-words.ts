/**
 * A job's state and the server's reason codes in words. The page words them in the admin's language
 * (`useFollowupWords`, from app/locales/<locale>/followups.json); `reasonText` and STATUS_BADGE are the English
 * ones, kept for code that has no translation at hand (tests compare them with the page in English).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../server/db/followup-records.ts';

const REASONS: Record<string, string> = {
  'flow-off': 'Follow-ups were turned off',
  'persona-unverified': 'Waiting for the Reply-To address to be confirmed',
  'not-subscribed': 'The buyer is not subscribed to your emails',
  'no-email': 'No email address for the buyer',
  'no-customer': 'The order has no known customer',
  cancelled: 'The order was cancelled',
  refunded: 'The order was refunded',
  cap: 'The buyer already got a follow-up recently (frequency cap)',
  stale: 'Too long after fulfillment to still be helpful',
  'sensitive-only': 'Only sensitive items in the order: no email is sent about them',
  'nothing-kept': 'Every item was refunded',
  'order-gone': 'The order is no longer available',
  'not-due': 'Not due yet',
  'outside-window': 'Waiting for the send window in the buyer’s time zone',
  'avoided-day': 'Waiting: today is a day you avoid',
  'smtp-error': 'The mail server failed; Tacto will try again',
  'smtp-uncertain': 'The mail server did not confirm; not sent again to avoid a duplicate',
  'rejected-by-smtp': 'The mail server refused the message',
  error: 'Something went wrong; Tacto will try again',
  'template-error': 'The template could not be written for this buyer (a Liquid error or a limit): check the preview and edit it',
  interrupted: 'Interrupted while sending; not sent again to avoid a duplicate',
};

/** A job's reason in plain words; unknown codes are shown readably rather than hidden. */
export function reasonText(reason: string | null): string {
  if (!reason) return '';
  if (REASONS[reason]) return REASONS[reason];
  if (/^interrupted\b/.test(reason)) return REASONS.interrupted!;
  return /\s/.test(reason) ? reason.charAt(0).toUpperCase() + reason.slice(1) : reason.replace(/-/g, ' ');
}

export const STATUS_BADGE: Record<JobStatus, { label: string; tone?: 'info' | 'success' | 'attention' | 'warning' | 'critical' }> = {
  scheduled: { label: 'Scheduled', tone: 'info' },
  sending: { label: 'Sending', tone: 'attention' },
  sent: { label: 'Sent', tone: 'success' },
  skipped: { label: 'Skipped' },
  unknown: { label: 'Interrupted', tone: 'warning' },
};

/** A status badge's tone (its words: `followups:status.<status>`). */
export const STATUS_TONE: Record<JobStatus, 'info' | 'success' | 'attention' | 'warning' | undefined> = {
  scheduled: 'info',
  sending: 'attention',
  sent: 'success',
  skipped: undefined,
  unknown: 'warning',
};

/**
 * The same words in the admin's language (`followups:reasons.<code>`, `followups:status.<status>`), for the
 * Follow-ups page and any other page that shows a follow-up's fate (Analytics).
 */
export function useFollowupWords(): { reason(code: string | null): string; status(status: JobStatus): string } {
  const { t, i18n } = useTranslation('followups');
  return useMemo(
    () => ({
      reason(code) {
        if (!code) return '';
        const key = /^interrupted\b/.test(code) ? 'interrupted' : code;
        // Codes come from the server: checked at run time, with a readable fallback for one added later.
        if (i18n.exists(`followups:reasons.${key}`)) return String(t(`reasons.${key}` as never));
        return t('reasons.unknown', { code: /\s/.test(code) ? code : code.replace(/-/g, ' ') });
      },
      status: (status) => t(`status.${status}`),
    }),
    [t, i18n],
  );
}
