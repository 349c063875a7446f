/**
 * Errors are Tacto's JSON and say so in their Content-Type, even when the handler that failed had already typed
 * its answer as something else (found by the endpoint fuzz suite: a bad Range on an admin script answered a
 * JSON error labelled text/javascript).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_BUILD_DIR } from '../../server/frontend/admin-html.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;
const script = readdirSync(join(ADMIN_BUILD_DIR, 'assets')).find((name) => name.endsWith('.js'))!;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('error responses', () => {
  it('answers an unsatisfiable Range on an admin script with a JSON error typed as JSON, not as JavaScript', async () => {
    const response = await fetch(new URL(`/assets/${script}`, app.url), { headers: { Range: 'bytes=99999999-' } });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-type')).toMatch(/^application\/json\b/);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('still serves the script itself with its own type', async () => {
    const response = await fetch(new URL(`/assets/${script}`, app.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
  });
});
