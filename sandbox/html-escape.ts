/** Escapes text for HTML element content and quoted attributes (every sandbox page uses this one). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
