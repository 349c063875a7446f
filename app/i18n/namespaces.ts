/**
 * The admin's translation files, one per area (app/locales/<locale>/<namespace>.json), so each page's words live
 * together: `common` holds what every page shares (navigation, buttons, error codes from /api).
 */
export const NAMESPACES = ['common', 'home', 'recommendations', 'followups', 'analytics', 'privacy'] as const;
export type Namespace = (typeof NAMESPACES)[number];
