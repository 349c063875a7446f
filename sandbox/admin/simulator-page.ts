import { randomInt } from 'node:crypto';
import express, { Router } from 'express';
import { z } from 'zod';
import { runSimulation, type SimulationRun } from '../simulator/driver.ts';
import { formatSummary } from '../simulator/summary.ts';
import { escapeHtml } from './html.ts';

export const SIMULATOR_PATH = '/admin/simulator';
/** In-process runs stay small: the storefront, the app and the simulator share this machine. */
export const MAX_ADMIN_SHOPPERS = 5_000;

const playForm = z.object({
  shoppers: z.coerce.number().int().min(1).max(MAX_ADMIN_SHOPPERS),
  /** The true effect, in percent (20 → +20 %). */
  effect: z.coerce.number().min(-100).max(1_000),
});

type State =
  | { kind: 'idle' }
  | { kind: 'running'; shoppers: number; effect: number; seed: number; done: number; orders: number; stop: AbortController }
  | { kind: 'finished'; run: SimulationRun }
  | { kind: 'failed'; message: string };

/**
 * The sandbox admin's "Play traffic" page: a form (shoppers, true effect) that runs the traffic simulator
 * (sandbox/simulator/) in this process against this sandbox's own storefront, one run at a time, then shows its
 * ground truth beside a link to Tacto's Analytics. Each run takes a new seed, shown so the command line can replay it.
 */
export function simulatorRoutes(deps: { storefrontUrl: URL; page(title: string, body: string, head?: string): string }): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 10 });
  let state: State = { kind: 'idle' };

  router.get(SIMULATOR_PATH, (_req, res) => {
    // While a run plays, the page reloads itself to show its progress.
    const head = state.kind === 'running' ? '<meta http-equiv="refresh" content="2">' : '';
    res.type('html').set('Cache-Control', 'no-store').send(deps.page('Play traffic', pageBody(state), head));
  });

  router.post(SIMULATOR_PATH, form, (req, res) => {
    if (state.kind === 'running') {
      res.status(409).type('text').send('Traffic is already playing: wait for it to finish, or stop it first.');
      return;
    }
    const parsed = playForm.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(422).type('text').send(`Shoppers must be a whole number from 1 to ${MAX_ADMIN_SHOPPERS}, and the effect a percentage from -100 to 1000.`);
      return;
    }
    const { shoppers, effect } = parsed.data;
    const seed = randomInt(1, 2 ** 31);
    const running: Extract<State, { kind: 'running' }> = { kind: 'running', shoppers, effect, seed, done: 0, orders: 0, stop: new AbortController() };
    state = running;
    runSimulation(
      { url: deps.storefrontUrl.toString(), shoppers, effect: effect / 100, seed },
      {
        signal: running.stop.signal,
        onProgress(done, _total, orders) {
          running.done = done;
          running.orders = orders;
        },
      },
    ).then(
      (run) => void (state = { kind: 'finished', run }),
      (error: unknown) => void (state = { kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    res.redirect(303, SIMULATOR_PATH);
  });

  router.post(`${SIMULATOR_PATH}/stop`, (_req, res) => {
    if (state.kind === 'running') state.stop.abort();
    res.redirect(303, SIMULATOR_PATH);
  });

  return router;
}

function pageBody(state: State): string {
  const busy = state.kind === 'running';
  const formCard = `<div class="card"><h2>Play traffic</h2>
    <p>Sends simulated visitors and customers through this store's storefront — browsing, Tacto's picks, adding to the cart,
    checkout, a few refunds and cancellations — so Tacto's Analytics fills with real numbers. The true effect is how much
    more often shoppers with the tested experience buy than the holdout; Analytics should find it within its interval.
    <code>npm run simulate -- --help</code> offers every setting.</p>
    <form method="post" action="${SIMULATOR_PATH}">
      <p><label>Shoppers <input name="shoppers" type="number" min="1" max="${MAX_ADMIN_SHOPPERS}" value="200" required></label></p>
      <p><label>True effect (%) <input name="effect" type="number" min="-100" max="1000" step="any" value="20" required></label></p>
      <button${busy ? ' disabled' : ''}>Play traffic</button>
    </form></div>`;
  return `<main class="padded"><h1>Play traffic</h1>${formCard}${statusCard(state)}</main>`;
}

function statusCard(state: State): string {
  const analytics = '<p><a href="/admin/apps/tacto/analytics">Open Tacto’s Analytics</a> — orders reach Tacto through webhooks, within seconds.</p>';
  switch (state.kind) {
    case 'idle':
      return '';
    case 'running':
      return `<div class="card" role="status"><h2>Playing</h2><p>${state.done} of ${state.shoppers} shoppers, ${state.orders} orders (seed ${state.seed}, true effect ${state.effect} %).</p>
        <form method="post" action="${SIMULATOR_PATH}/stop"><button>Stop</button></form></div>`;
    case 'failed':
      return `<div class="card" role="alert"><h2>The run failed</h2><p>${escapeHtml(state.message)}</p></div>`;
    case 'finished': {
      const { run } = state;
      const lines = formatSummary(run.summary).map((line) => `<li>${escapeHtml(line)}</li>`).join('');
      const title = run.stopped ? 'Stopped' : 'Finished';
      return `<div class="card" role="status"><h2>${title}</h2>
        <p>Seed ${run.options.seed}, ${(run.elapsedMs / 1000).toFixed(1)} s. Replay it with <code>npm run simulate -- --seed ${run.options.seed} --shoppers ${run.options.shoppers} --effect ${run.options.effect}</code>.</p>
        <ul>${lines}</ul>${analytics}</div>`;
    }
  }
}
