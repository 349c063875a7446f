/**
 * What a persona's words may contain. Its name goes into the From header and its name, role and signature into
 * every mail: a line break there would end a header line, and control or direction-override characters show one
 * thing to the merchant and another to the buyer. Pure.
 */

/**
 * C0 controls (U+0000–U+001F, line feed and carriage return among them), DEL, C1 controls (U+0080–U+009F), the
 * Unicode line and paragraph separators (U+2028, U+2029), and the bidirectional embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) that reorder the text around them.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/** The same without line feed (U+000A): a signature keeps its lines. */
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const runsOf = (character: RegExp) => new RegExp(`${character.source}+`, 'gu');
const CONTROLS = runsOf(CONTROL);
const CONTROLS_BUT_NEWLINE = runsOf(CONTROL_BUT_NEWLINE);

/** One line of text: a name, a role, an address. */
export const isSingleLine = (text: string): boolean => !CONTROL.test(text);

/** Lines of text (a signature): line feeds allowed, no other control character. */
export const isPlainLines = (text: string): boolean => !CONTROL_BUT_NEWLINE.test(text);

/** Windows and old Mac line ends as line feeds: what a textarea may send for "a new line". */
export const normalizeLineEnds = (text: string): string => text.replace(/\r\n?/g, '\n');

/** The text with each run of control characters turned into one space: a name that fits in a header. */
export const toSingleLine = (text: string): string => text.replace(CONTROLS, ' ').replace(/ {2,}/g, ' ').trim();

/** The text with line feeds kept and any other run of control characters turned into one space. */
export const toPlainLines = (text: string): string => normalizeLineEnds(text).replace(CONTROLS_BUT_NEWLINE, ' ').trim();

/** The persona fields that must be one line, and the one that may have several. */
export const SINGLE_LINE_FIELDS = ['fullName', 'role', 'fromAddress', 'replyTo'] as const;
export type PersonaTextField = (typeof SINGLE_LINE_FIELDS)[number] | 'signature';

/** The first persona field with a character it may not hold, or null: for personas stored before the check. */
export function personaTextProblem(persona: Record<PersonaTextField, string>): PersonaTextField | null {
  for (const field of SINGLE_LINE_FIELDS) if (!isSingleLine(persona[field])) return field;
  return isPlainLines(normalizeLineEnds(persona.signature)) ? null : 'signature';
}

/**
 * A stored persona as a mail may show it. A persona saved before these checks existed can hold a line break in
 * its name: its follow-ups still go out, with each run of control characters written as a space, rather than
 * failing for every buyer (the admin asks the merchant to fix it: preview and test answer 422).
 */
export function mailSafePersona<P extends { fullName: string; role: string; signature: string }>(persona: P): P {
  return { ...persona, fullName: toSingleLine(persona.fullName), role: toSingleLine(persona.role), signature: toPlainLines(persona.signature) };
}
