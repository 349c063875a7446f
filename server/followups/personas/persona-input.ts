import { z } from 'zod';
import { isNoReplyAddress, noReplyMessage } from './noreply.ts';

/**
 * Words that make a sender a department rather than a person ("Support", "The Team", "Atención al cliente"):
 * follow-ups come from someone a buyer can answer, so the name must be a person's.
 */
const NOT_A_PERSON = /\b(team|support|customer (care|service)|help ?desk|info|admin|store|shop|equipo|soporte|atenci[oó]n al cliente|tienda|equipe|suporte|atendimento|loja)\b/i;

const address = (field: 'From' | 'Reply-To') =>
  z
    .email({ error: `${field} must be an email address` })
    .max(254)
    .refine((value) => !isNoReplyAddress(value), { error: noReplyMessage(field) });

/** What the admin sends for a sender persona; every message is shown next to its field. */
export const personaInput = z
  .object({
    fullName: z
      .string()
      .trim()
      .min(2, 'Enter the full name of the person who signs')
      .max(80)
      .refine((name) => !NOT_A_PERSON.test(name), { error: 'Use the name of a real person at the store, not a team or department' }),
    role: z.string().trim().min(2, 'Enter their role, e.g. "Head of customer care"').max(80),
    signature: z.string().trim().max(500).default(''),
    fromAddress: address('From'),
    replyTo: address('Reply-To'),
  })
  .strict();

export type PersonaInputBody = z.infer<typeof personaInput>;
