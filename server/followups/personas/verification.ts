import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** A code is good for a day and five tries: enough to find the mail, too few to guess six digits. */
export const VERIFICATION_TTL_MS = 24 * 3_600_000;
export const MAX_VERIFICATION_ATTEMPTS = 5;

export function newVerificationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Only this is stored: a database copy cannot be used to verify someone else's mailbox. */
export function verificationHash(secret: string, shop: string, replyTo: string, code: string): string {
  return createHmac('sha256', secret).update(`tacto reply-to verification v1\n${shop}\n${replyTo.toLowerCase()}\n${code}`).digest('hex');
}

export type VerificationResult = 'verified' | 'wrong-code' | 'expired' | 'too-many-attempts' | 'none-pending';

/** Pure: what a typed code does to a pending verification. */
export function checkVerificationCode(input: {
  pending: { codeHash: string; expiresAt: string; attempts: number } | null;
  typedHash: string;
  now: number;
}): VerificationResult {
  const { pending } = input;
  if (!pending) return 'none-pending';
  if (pending.attempts >= MAX_VERIFICATION_ATTEMPTS) return 'too-many-attempts';
  if (Date.parse(pending.expiresAt) <= input.now) return 'expired';
  const a = Buffer.from(pending.codeHash, 'hex');
  const b = Buffer.from(input.typedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b) ? 'verified' : 'wrong-code';
}

export const VERIFICATION_MESSAGES: Record<Exclude<VerificationResult, 'verified'>, string> = {
  'wrong-code': 'That code does not match. Check the latest email sent to the Reply-To address.',
  expired: 'That code has expired. Send a new one.',
  'too-many-attempts': 'Too many wrong codes. Send a new one.',
  'none-pending': 'No code is waiting. Send one to the Reply-To address first.',
};
