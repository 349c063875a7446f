/**
 * Answers given to visitors, kept for a short while. A visitor's picks for a page are the same for every visitor
 * (no identity reaches them), so answering again from memory changes nothing anyone sees but the speed; the key
 * carries the shop model's version, so a new order, a catalog change or a rebuild is seen at once, and entries
 * expire anyway (popularity decays with time; the day's seed changes at midnight). Never used for a logged-in
 * shopper. Bounded: once full, the oldest entries go first.
 */
export class VisitorAnswers<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  constructor(private readonly options: { ttlMs: number; maxEntries: number; clock?: () => number }) {}

  private now(): number {
    return (this.options.clock ?? Date.now)();
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires > this.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Drops every entry whose key matches (shop/redact: all of one shop's answers). */
  forget(matches: (key: string) => boolean): void {
    for (const key of this.entries.keys()) if (matches(key)) this.entries.delete(key);
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.options.ttlMs });
    // A Map iterates in insertion order: the first keys are the oldest.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries) break;
      this.entries.delete(oldest);
    }
  }
}
