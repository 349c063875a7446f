/** Errors from Tacto's /api, carrying the server's stable `error` code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * fetch for /api: every call carries a fresh session token from App Bridge, the only credential the
 * server accepts.
 */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  if (!window.shopify) throw new ApiError(0, 'no_app_bridge', 'Open Tacto from your Shopify admin.');
  const token = await window.shopify.idToken();
  const response = await fetch(`/api${path}`, {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${token}`, Accept: 'application/json' },
  });
  const body = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!response.ok) throw new ApiError(response.status, body.error ?? 'http_error', body.message ?? response.statusText);
  return body as T;
}

/** Downloads an authenticated /api resource as a file (a plain link cannot carry the session token). */
export async function apiDownload(path: string, filename: string): Promise<void> {
  const body = await apiFetch<unknown>(path);
  const url = URL.createObjectURL(new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  URL.revokeObjectURL(url);
}
