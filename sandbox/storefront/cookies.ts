/** Pure: the cookies a request sent, by name. Malformed pairs are skipped. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 1) continue;
    const name = part.slice(0, index).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      // A value that is not valid percent-encoding is not ours: ignore it.
    }
  }
  return cookies;
}

/** Options for the sandbox's own cookies: the whole storefront, not readable by page script. */
export const SANDBOX_COOKIE = { path: '/', httpOnly: true, sameSite: 'lax' } as const;
