/**
 * The plain words the Follow-ups page shows for a job's state and the server's reason codes. Pure (no API
 * calls), so tests read the same words the page shows.
 */
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
