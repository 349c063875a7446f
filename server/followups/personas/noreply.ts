/**
 * Follow-ups come from a real person at the store, and the buyer must be able to answer them (README). An
 * address that reads as "no reply" says the opposite, so the persona form refuses it in the From and Reply-To.
 */

/** The local parts refused, as words run together: "no-reply", "Do.Not.Reply", "MAILER_DAEMON"… */
const NO_REPLY = ['noreply', 'donotreply', 'dontreply', 'mailerdaemon'];
const LONGEST = Math.max(...NO_REPLY.map((refused) => refused.length));

/** The local part of an address, without a `+tag` and without a display name around it. */
function localPartOf(address: string): string {
  const trimmed = address.trim();
  const bare = /<([^<>]*)>\s*$/.exec(trimmed)?.[1] ?? trimmed; // "Anna <anna@shop.com>"
  const at = bare.lastIndexOf('@');
  const local = at === -1 ? bare : bare.slice(0, at);
  const plus = local.indexOf('+');
  return plus === -1 ? local : local.slice(0, plus);
}

/**
 * The words of a local part, lower-cased and without accents. Punctuation, a change of case and a change
 * between letters and digits all separate words: "OrdersNoReply2" → orders, no, reply, 2.
 */
function wordsOf(local: string): string[] {
  const plain = local.normalize('NFD').replace(/\p{M}/gu, '');
  return [...plain.matchAll(/\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lo}+|\p{N}+/gu)].map((m) => m[0].toLowerCase());
}

/**
 * True when the address's local part reads as "no reply": alone ("no_reply"), as words among others
 * ("orders-noreply", "noreply.orders"), or glued to the front or end of one word ("shopnoreply"). Words that
 * only share letters pass: "norbert", "replies", "anna.noriega", "juno.reply" (the "no" there ends "juno").
 */
export function isNoReplyAddress(address: string): boolean {
  const words = wordsOf(localPartOf(address));
  for (let first = 0; first < words.length; first++) {
    const word = words[first]!;
    if (NO_REPLY.some((refused) => word.startsWith(refused) || word.endsWith(refused))) return true;
    let joined = word;
    for (let last = first + 1; last < words.length && joined.length < LONGEST; last++) {
      joined += words[last]!;
      if (NO_REPLY.includes(joined)) return true;
    }
  }
  return false;
}

/** What the admin shows beside a From or Reply-To that reads as "no reply". */
export function noReplyMessage(field: 'From' | 'Reply-To'): string {
  return (
    `A ${field} address that reads as "no reply" can't be used: follow-ups come from a real person, and buyers ` +
    `must be able to answer them. Use the address of the person who signs the email, or one your team reads.`
  );
}
