import { readFile } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor, WaitTimeoutError } from './eventually.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('waitFor', () => {
  it('returns the first answer that is not undefined, null or false, checking again until then', async () => {
    const answers = [undefined, null, false, 0, 7];
    let calls = 0;
    expect(await waitFor(() => answers[calls++], { intervalMs: 1 })).toBe(0);
    expect(calls).toBe(4);
    expect(await waitFor(() => '', { intervalMs: 1 })).toBe('');
  });

  it('waits for an asynchronous check', async () => {
    let calls = 0;
    const value = await waitFor(async () => (++calls === 3 ? { done: true } : undefined), { intervalMs: 1 });
    expect(value).toEqual({ done: true });
    expect(calls).toBe(3);
  });

  it('fails after the deadline, not before, saying what it waited for', async () => {
    const started = performance.now();
    const waiting = waitFor(() => false, { timeoutMs: 150, intervalMs: 10, message: 'the moon' });
    await expect(waiting).rejects.toThrow(new WaitTimeoutError('timed out after 150 ms waiting for the moon'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(149);
  });

  it('asks a message function at timeout time, for the state things were left in', async () => {
    let state = 'starting';
    const waiting = waitFor(() => ((state = 'stuck'), undefined), { timeoutMs: 30, intervalMs: 5, message: () => `a job (last seen ${state})` });
    await expect(waiting).rejects.toThrow('timed out after 30 ms waiting for a job (last seen stuck)');
  });

  it('ends at once with the error of a check that throws', async () => {
    let calls = 0;
    const waiting = waitFor(
      () => {
        calls += 1;
        throw new Error('broken check');
      },
      { timeoutMs: 10_000 },
    );
    await expect(waiting).rejects.toThrow('broken check');
    expect(calls).toBe(1);
  });

  it('is not held past its deadline by a check that never answers', async () => {
    const started = performance.now();
    await expect(waitFor(() => new Promise<never>(() => {}), { timeoutMs: 50 })).rejects.toThrow(WaitTimeoutError);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('still waits on the real clock while a test fakes timers', async () => {
    vi.useFakeTimers();
    let ready = false;
    // The condition turns true through real I/O, which fake timers do not drive.
    readFile(import.meta.filename, () => (ready = true));
    expect(await waitFor(() => ready, { timeoutMs: 5_000, intervalMs: 5 })).toBe(true);
    await expect(waitFor(() => false, { timeoutMs: 20, intervalMs: 5 })).rejects.toThrow(WaitTimeoutError);
  });
});
