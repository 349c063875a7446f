import Database from 'better-sqlite3';
import { LINES_PER_ORDER, QUANTITY_PER_ORDER, orderCreatedDelivery } from './webhook-delivery.ts';

/**
 * Shopify retries: sends deliveries `ns` again (same bytes, same event id) and requires each to be
 * acknowledged 200 as a duplicate.
 */
export async function checkRetriesAcknowledged(origin: string, ns: number[]): Promise<string> {
  const answers = await Promise.all(
    ns.map(async (n) => {
      const delivery = orderCreatedDelivery(n);
      const response = await fetch(`${origin}${delivery.path}`, { method: 'POST', headers: delivery.headers, body: delivery.body });
      const body = (await response.json()) as { duplicate?: boolean };
      return response.status === 200 && body.duplicate === true;
    }),
  );
  const wrong = answers.filter((ok) => !ok).length;
  if (wrong > 0) throw new Error(`${wrong} of ${ns.length} retried deliveries were not acknowledged as duplicates`);
  return `${ns.length} retried deliveries (same event ids) acknowledged 200 as duplicates`;
}

/**
 * Once the worker is idle and the server closed: every delivered event applied exactly once — one queue
 * row per event id, all done, and exactly their orders, lines and quantities stored.
 */
export function checkAppliedOnce(databasePath: string, events: number): string {
  const db = new Database(databasePath, { readonly: true });
  try {
    const found = db
      .prepare(
        `select (select count(*) from webhook_events) as queued,
                (select count(distinct event_id) from webhook_events) as distinctEvents,
                (select count(*) from webhook_events where state = 'done') as done,
                (select count(*) from orders) as orders,
                (select count(*) from order_lines) as lines,
                (select coalesce(sum(quantity), 0) from order_lines) as quantity`,
      )
      .get() as Record<string, number>;
    const expected = { queued: events, distinctEvents: events, done: events, orders: events, lines: LINES_PER_ORDER * events, quantity: QUANTITY_PER_ORDER * events };
    const wrong = Object.entries(expected).filter(([key, value]) => found[key] !== value);
    if (wrong.length > 0) {
      throw new Error(`webhook events not applied exactly once: ${wrong.map(([key, value]) => `${key} ${found[key]} (expected ${value})`).join(', ')}`);
    }
    return `all ${events.toLocaleString('en-US')} events queued once and applied: ${events.toLocaleString('en-US')} orders, ${(LINES_PER_ORDER * events).toLocaleString('en-US')} lines, none doubled or dead`;
  } finally {
    db.close();
  }
}
