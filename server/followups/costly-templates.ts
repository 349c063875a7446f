import { createHash } from 'node:crypto';

/** A template that reached a limit this many times at send is not rendered again (until the merchant edits it). */
const STRIKES = 3;
/** Templates remembered at most (the oldest are forgotten first): a few dozen bytes each. */
const REMEMBERED = 1_000;

/**
 * Templates that reached a render limit while sending (render-template.ts), so that one shop's costly template
 * costs the app a few renders rather than one per buyer: a mail's renders stop at TEMPLATE_LIMITS, but a shop with
 * hundreds of due follow-ups would otherwise spend that much main-thread time on every one of them, slowing every
 * other shop. Steps and memory are counted, so a template that passed the admin's check meets them only with a
 * buyer's values it did not try; three strikes rather than one, so a render cut short by the wall-clock backstop on
 * a busy moment cannot stop a shop's mails. A different text — the merchant's fix — starts over. In memory: a
 * restart forgets, and the template gets its three tries again.
 */
export class CostlyTemplates {
  private readonly strikes = new Map<string, number>();

  private key(shop: string, template: { subject: string; body: string }): string {
    return createHash('sha256').update(JSON.stringify([shop, template.subject, template.body])).digest('base64url');
  }

  /** Whether this shop's template has reached a limit often enough not to be rendered again. */
  blocked(shop: string, template: { subject: string; body: string }): boolean {
    return (this.strikes.get(this.key(shop, template)) ?? 0) >= STRIKES;
  }

  /** One more render of this template stopped by a limit. */
  record(shop: string, template: { subject: string; body: string }): void {
    const key = this.key(shop, template);
    const strikes = (this.strikes.get(key) ?? 0) + 1;
    this.strikes.delete(key);
    this.strikes.set(key, strikes);
    if (this.strikes.size > REMEMBERED) this.strikes.delete(this.strikes.keys().next().value!);
  }
}
