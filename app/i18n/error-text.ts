import type { i18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.ts';
import type { Namespace } from './namespaces.ts';

/**
 * Pure: what to tell the merchant about a failed call. The server answers a code (`{ error, params, field }`); the
 * words are the page's (`<namespace>:errors.<code>`), else the shared ones (`common:errors.<code>`), else a general
 * "Tacto could not answer (status)". Anything that is not an ApiError never reached Tacto: a network failure.
 */
export function errorText(i18n: i18n, error: unknown, namespace?: Namespace): string {
  if (!(error instanceof ApiError)) return i18n.t('common:errors.network');
  const values = { ...error.params, field: error.field ?? '', status: error.status };
  const keys = [...(namespace ? [`${namespace}:errors.${error.code}`] : []), `common:errors.${error.code}`];
  for (const key of keys) {
    // Keys made from a server code cannot be typed; `exists` checks them at run time.
    if (i18n.exists(key)) return String(i18n.t(key as never, values as never));
  }
  return i18n.t('common:errors.http_error', { status: error.status });
}

/** `errorText` bound to the admin's language and a page's namespace. */
export function useErrorText(namespace?: Namespace): (error: unknown) => string {
  const { i18n } = useTranslation();
  return useCallback((error: unknown) => errorText(i18n, error, namespace), [i18n, namespace]);
}
