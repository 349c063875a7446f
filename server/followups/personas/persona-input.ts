import { z } from 'zod';
import { isNoReplyAddress, noReplyMessage } from './noreply.ts';
import { isPlainLines, isSingleLine, normalizeLineEnds } from './plain-text.ts';

/**
 * Words that make a sender a department rather than a person ("Support", "The Team", "Atención al cliente"):
 * follow-ups come from someone a buyer can answer, so the name must be a person's.
 */
const NOT_A_PERSON = /\b(team|support|customer (care|service)|help ?desk|info|admin|store|shop|equipo|soporte|atenci[oó]n al cliente|tienda|equipe|suporte|atendimento|loja)\b/i;

/** Checked before trimming: a line break at either end is refused too, not quietly dropped. */
const oneLine = (what: string) => z.string().refine(isSingleLine, { error: `${what} must be one line, without line breaks or control characters` });

const address = (field: 'From' | 'Reply-To') =>
  oneLine(field).pipe(
    z
      .email({ error: `${field} must be an email address` })
      .max(254)
      .refine((value) => !isNoReplyAddress(value), { error: noReplyMessage(field) }),
  );

/** What the admin sends for a sender persona; every message is shown next to its field. */
export const personaInput = z
  .object({
    fullName: oneLine('The name')
      .trim()
      .min(2, 'Enter the full name of the person who signs')
      .max(80)
      .refine((name) => !NOT_A_PERSON.test(name), { error: 'Use the name of a real person at the store, not a team or department' }),
    role: oneLine('The role').trim().min(2, 'Enter their role, e.g. "Head of customer care"').max(80),
    signature: z
      .string()
      .overwrite(normalizeLineEnds)
      .refine(isPlainLines, { error: 'The signature may have line breaks but no other control characters' })
      .trim()
      .max(500)
      .default(''),
    fromAddress: address('From'),
    replyTo: address('Reply-To'),
  })
  .strict();

export type PersonaInputBody = z.infer<typeof personaInput>;
