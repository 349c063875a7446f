/**
 * `npm run simulate -- [--shoppers N] [--effect 20%] [--seed N] … [--storage]`: plays simulated shoppers through the
 * storefront of the sandbox that `npm start` runs (http://localhost:$SANDBOX_PORT, else 3457; `--url` for another
 * loopback address), then prints the run's ground truth — what Analytics should show once the webhooks are in.
 * `--help` lists every option.
 */
import { estimateCounterStorage, formatStorageEstimate } from '../sandbox/simulator/counter-storage.ts';
import { runSimulation } from '../sandbox/simulator/driver.ts';
import { parseSimulateArgs, SIMULATE_HELP, SimulationOptionError } from '../sandbox/simulator/options.ts';
import { formatSummary, progressLine } from '../sandbox/simulator/summary.ts';
import { SANDBOX_SHOP_DOMAIN } from '../sandbox/credentials.ts';

async function main(): Promise<void> {
  const command = parseSimulateArgs(process.argv.slice(2), process.env);
  if (command.help) {
    console.log(SIMULATE_HELP);
    return;
  }
  const { options } = command;
  const tty = process.stderr.isTTY === true;
  console.log(`Playing ${options.shoppers} shoppers against ${options.url} (seed ${options.seed}, true effect ${(options.effect * 100).toFixed(1)} %).`);
  let last = 0;
  const run = await runSimulation(options, {
    onProgress(done, total, orders) {
      // A redrawn line on a terminal; in a log, a line per tenth.
      if (tty || done === total || done - last >= Math.max(1, Math.ceil(total / 10))) {
        last = done;
        process.stderr.write(progressLine(done, total, orders, tty));
      }
    },
  });
  if (tty) process.stderr.write('\n');
  for (const line of formatSummary(run.summary)) console.log(line);
  console.log(`${run.requests} requests in ${(run.elapsedMs / 1000).toFixed(1)} s. Analytics: ${new URL('/admin/apps/tacto/analytics', options.url)}`);
  if (command.storage) {
    console.log('');
    for (const line of formatStorageEstimate(estimateCounterStorage({ shop: SANDBOX_SHOP_DOMAIN, counters: run.summary.counters }), options.shoppers)) console.log(line);
  }
  if (run.summary.errors.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof SimulationOptionError || error instanceof Error ? error.message : error);
  process.exit(1);
});
