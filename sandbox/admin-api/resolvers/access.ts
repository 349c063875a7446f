import type { SandboxOrder } from '../../store/types.ts';
import { accessDenied } from '../graphql/errors.ts';
import type { AdminContext } from './context.ts';

/** Without read_all_orders, Shopify shows apps only the orders of the last 60 days. */
export const RECENT_ORDER_WINDOW_DAYS = 60;
const DAY_MS = 86_400_000;

export function hasScope(ctx: AdminContext, scope: string): boolean {
  if (ctx.scopes.has(scope)) return true;
  return scope.startsWith('read_') && ctx.scopes.has(`write_${scope.slice('read_'.length)}`);
}

/** Throws Shopify's ACCESS_DENIED error for `fieldName` unless the token holds `scope`. */
export function requireScope(ctx: AdminContext, fieldName: string, scope: string): void {
  if (!hasScope(ctx, scope)) throw accessDenied(fieldName, scope);
}

/** The earliest `createdAt` (ms) an order may have to be visible to this token, or null for no limit. */
export function oldestVisibleOrderTime(ctx: AdminContext): number | null {
  if (hasScope(ctx, 'read_all_orders')) return null;
  return ctx.store.now().getTime() - RECENT_ORDER_WINDOW_DAYS * DAY_MS;
}

export function isOrderVisible(ctx: AdminContext, order: SandboxOrder): boolean {
  const oldest = oldestVisibleOrderTime(ctx);
  return oldest === null || Date.parse(order.createdAt) >= oldest;
}
