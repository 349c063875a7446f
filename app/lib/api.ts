/** Errors from Tacto's /api, carrying the server's stable `error` code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The field a 400 names, when the server says which (`{ error, message, field }`). */
    readonly field: string | null = null,
    /** Values the admin's wording of `code` fills in (`{ max: 20 }`), when the server sends them. */
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/**
 * fetch for /api: every call carries a fresh session token from App Bridge, the only credential the
 * server accepts.
 */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await authorizedFetch(path, init, 'application/json');
  const body = (await response.json().catch(() => ({}))) as { error?: string; message?: string; field?: unknown; params?: unknown };
  if (!response.ok) {
    throw new ApiError(response.status, body.error ?? 'http_error', body.message ?? response.statusText, typeof body.field === 'string' ? body.field : null, paramsOf(body.params));
  }
  return body as T;
}

function paramsOf(value: unknown): Record<string, string | number> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'));
}

async function authorizedFetch(path: string, init: RequestInit, accept: string): Promise<Response> {
  if (!window.shopify) throw new ApiError(0, 'no_app_bridge', 'Open Tacto from your Shopify admin.');
  const token = await window.shopify.idToken();
  return fetch(`/api${path}`, {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${token}`, Accept: accept },
  });
}

/** Hands a Blob to the browser as a download. */
function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  // Revoked after the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Downloads an authenticated /api file (CSV…) byte for byte, named as the server's Content-Disposition says
 * (else `fallbackName`).
 */
export async function apiDownloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await authorizedFetch(path, {}, '*/*');
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
    throw new ApiError(response.status, body.error ?? 'http_error', body.message ?? response.statusText);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  saveBlob(await response.blob(), filename);
}

/** Downloads an authenticated /api resource as a file (a plain link cannot carry the session token). */
export async function apiDownload(path: string, filename: string): Promise<void> {
  const body = await apiFetch<unknown>(path);
  saveBlob(new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }), filename);
}
