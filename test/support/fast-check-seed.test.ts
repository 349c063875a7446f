import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('fast-check in this suite', () => {
  it('draws the same cases on every run, even for a property that names no seed', () => {
    expect(fc.readConfigureGlobal().seed).toEqual(expect.any(Number));
    expect(fc.sample(fc.string(), 20)).toEqual(fc.sample(fc.string(), 20));
  });
});
