/**
 * The sandbox admin's "Play traffic" page: a merchant plays simulated shoppers through this sandbox's own
 * storefront from the browser, sees the run's ground truth and a link to Tacto's Analytics, and cannot start a
 * second run while one plays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATOR_PATH } from '../../sandbox/admin/simulator-page.ts';
import { waitFor } from '../support/eventually.ts';
import { startInstalledApp, type AppAndSandbox } from '../support/sandbox.ts';

let env: AppAndSandbox;

beforeAll(async () => {
  env = await startInstalledApp();
});
afterAll(() => env?.close());

const page = async () => (await fetch(new URL(SIMULATOR_PATH, env.sandbox.url))).text();
const post = (path: string, form: Record<string, string>) =>
  fetch(new URL(path, env.sandbox.url), { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });
const settled = (title: 'Finished' | 'Stopped') =>
  waitFor(async () => {
    const html = await page();
    return html.includes(`<h2>${title}</h2>`) ? html : undefined;
  }, { message: () => `the run to be ${title.toLowerCase()}` });

describe('Play traffic in the sandbox admin', () => {
  it('offers the form from the sidebar', async () => {
    const html = await page();
    expect(html).toContain(`<a href="${SIMULATOR_PATH}" aria-current="page">Play traffic</a>`);
    expect(html).toMatch(/<input name="shoppers" type="number"/);
    expect(html).toMatch(/<input name="effect" type="number"/);
  });

  it('refuses shoppers or an effect out of range, and plays nothing', async () => {
    for (const form of [{ shoppers: '0', effect: '20' }, { shoppers: '12', effect: 'lots' }, { shoppers: '100000', effect: '20' }]) {
      const response = await post(SIMULATOR_PATH, form);
      expect(response.status).toBe(422);
      expect(await response.text()).toMatch(/Shoppers must be a whole number/);
    }
    expect(await page()).not.toContain('<h2>Playing</h2>');
  });

  it('plays the shoppers through the storefront and shows what they did, with a link to Analytics', async () => {
    const before = env.sandbox.store.orders.size;
    const started = await post(SIMULATOR_PATH, { shoppers: '12', effect: '50' });
    expect(started.status).toBe(303);
    expect(started.headers.get('location')).toBe(SIMULATOR_PATH);
    const html = await settled('Finished');
    expect(html).toContain('Played 12 shoppers');
    expect(html).toContain('True effect 50.0 %');
    expect(html).toContain('<a href="/admin/apps/tacto/analytics">');
    expect(html).toMatch(/npm run simulate -- --seed \d+ --shoppers 12 --effect 0.5/);
    // The summary's orders are the store's new orders.
    const placed = Number(/Orders: (\d+) placed/.exec(html)?.[1]);
    expect(env.sandbox.store.orders.size - before).toBe(placed);
    expect(html).not.toMatch(/journeys failed/);
  });

  it('plays one run at a time, and stops one on request', async () => {
    expect((await post(SIMULATOR_PATH, { shoppers: '5000', effect: '20' })).status).toBe(303);
    const second = await post(SIMULATOR_PATH, { shoppers: '10', effect: '20' });
    expect(second.status).toBe(409);
    expect(await second.text()).toMatch(/already playing/);
    const playing = await page();
    expect(playing).toContain('<h2>Playing</h2>');
    expect(playing).toContain('<meta http-equiv="refresh" content="2">');
    expect(playing).toMatch(/<button disabled>Play traffic<\/button>/);
    expect((await post(`${SIMULATOR_PATH}/stop`, {})).status).toBe(303);
    const stopped = await settled('Stopped');
    const played = Number(/Played (\d+) shoppers/.exec(stopped)?.[1]);
    expect(played).toBeLessThan(5000);
    // Free again: the next run starts.
    expect((await post(SIMULATOR_PATH, { shoppers: '1', effect: '0' })).status).toBe(303);
    await settled('Finished');
  });
});
