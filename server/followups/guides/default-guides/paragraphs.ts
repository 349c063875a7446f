/** A guide body written one paragraph per argument: plain text, paragraphs separated by a blank line. */
export function paragraphs(...parts: string[]): string {
  return parts.map((part) => part.trim()).join('\n\n');
}
