import { describe, expect, it } from 'vitest';
import { formatInZone, zonedWallTimeToUtc } from '../../../sandbox/seed/zoned-time.ts';

const london = (wall: string) => zonedWallTimeToUtc(wall, 'Europe/London').toISOString();

describe('zonedWallTimeToUtc (Europe/London)', () => {
  it('reads winter times as GMT', () => {
    expect(london('2010-12-01 08:26:00')).toBe('2010-12-01T08:26:00.000Z');
  });

  it('reads summer times as BST, an hour ahead of UTC', () => {
    expect(london('2011-07-10 12:03:00')).toBe('2011-07-10T11:03:00.000Z');
  });

  it('switches at 01:00 UTC on the last Sunday of March', () => {
    expect(london('2011-03-27 00:59:00')).toBe('2011-03-27T00:59:00.000Z');
    expect(london('2011-03-27 02:00:00')).toBe('2011-03-27T01:00:00.000Z');
    // 01:30 never happened on UK clocks; it is read with the winter offset.
    expect(london('2011-03-27 01:30:00')).toBe('2011-03-27T01:30:00.000Z');
  });

  it('takes the first of the repeated autumn hour', () => {
    expect(london('2011-10-30 00:30:00')).toBe('2011-10-29T23:30:00.000Z');
    expect(london('2011-10-30 01:30:00')).toBe('2011-10-30T00:30:00.000Z');
    expect(london('2011-10-30 02:00:00')).toBe('2011-10-30T02:00:00.000Z');
  });

  it('accepts times without seconds and rejects other formats', () => {
    expect(london('2011-12-09 12:50')).toBe('2011-12-09T12:50:00.000Z');
    expect(() => london('12/9/2011 12:50')).toThrow(/wall-clock/);
  });
});

describe('formatInZone', () => {
  it('prints Shopify-style local times with the offset', () => {
    expect(formatInZone('2022-01-01T00:00:00.000Z', 'America/New_York')).toBe('2021-12-31T19:00:00-05:00');
    expect(formatInZone('2011-07-10T11:03:00.000Z', 'Europe/London')).toBe('2011-07-10T12:03:00+01:00');
    expect(formatInZone('2024-03-01T12:00:00.000Z', 'Asia/Kolkata')).toBe('2024-03-01T17:30:00+05:30');
  });
});
