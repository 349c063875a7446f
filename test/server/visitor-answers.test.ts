import { describe, expect, it } from 'vitest';
import { VisitorAnswers } from '../../server/proxy/visitor-answers.ts';

describe('visitor answers', () => {
  it('answers from memory until the entry expires', () => {
    let now = 0;
    const answers = new VisitorAnswers<string>({ ttlMs: 60_000, maxEntries: 10, clock: () => now });
    answers.set('shop 1 4 {"kind":"home"}', 'picks');
    now = 59_999;
    expect(answers.get('shop 1 4 {"kind":"home"}')).toBe('picks');
    now = 60_000;
    expect(answers.get('shop 1 4 {"kind":"home"}')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the oldest first', () => {
    const answers = new VisitorAnswers<number>({ ttlMs: 60_000, maxEntries: 2 });
    answers.set('a', 1);
    answers.set('b', 2);
    answers.set('a', 3); // written again: now the newest
    answers.set('c', 4);
    expect([answers.get('a'), answers.get('b'), answers.get('c')]).toEqual([3, undefined, 4]);
  });
});
