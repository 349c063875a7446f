/**
 * `npm run bench [-- --only ingest|webhooks|recommend|merchandising|proxy|analytics|lighthouse|followups] [--lines N]`: speed, memory and page-speed
 * figures, each printed beside a baseline measured in the same run. A missed goal is reported and exits 0 (a
 * measurement, not a test); an error or a failed correctness check exits 1.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { analyticsBenchmark } from './analytics.ts';
import { analyticsStorageBenchmark } from './analytics-storage.ts';
import { followupBenchmark } from './followups.ts';
import { ingestBenchmark } from './ingest.ts';
import { lighthouseBenchmark } from './lighthouse.ts';
import { merchandisingBenchmark } from './merchandising.ts';
import { printSections, type Section } from './report.ts';
import { proxyBenchmark } from './proxy.ts';
import { recommendationBenchmark } from './recommend.ts';
import { webhookBenchmark } from './webhooks.ts';

/** Whatever hangs, the run ends: every child has its own time limit, and this bounds the whole (a full run: about 20 min). */
const WATCHDOG_MS = 35 * 60_000;

const PARTS = ['ingest', 'webhooks', 'recommend', 'merchandising', 'proxy', 'analytics', 'lighthouse', 'followups'] as const;
type Part = (typeof PARTS)[number];

function options(): { only?: Part; lines?: number } {
  const { values } = parseArgs({ options: { only: { type: 'string' }, lines: { type: 'string' } }, strict: true });
  const only = values.only as Part | undefined;
  if (only !== undefined && !PARTS.includes(only)) throw new Error(`--only takes ${PARTS.join(', ')}`);
  const lines = values.lines === undefined ? undefined : Number(values.lines);
  if (lines !== undefined && !(Number.isInteger(lines) && lines > 0)) throw new Error('--lines takes a positive whole number');
  return { only, lines };
}

async function main(): Promise<void> {
  const { only, lines } = options();
  const cpu = cpus();
  console.log(`Tacto benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB`);
  const sections: Section[] = [];
  if (!only || only === 'ingest') {
    console.log(`Order ingest (${lines ? `first ${lines} lines of` : 'all of'} Online Retail)…`);
    sections.push(await ingestBenchmark(lines));
  }
  if (!only || only === 'webhooks') {
    console.log('Webhook acknowledgement…');
    sections.push(await webhookBenchmark());
  }
  if (!only || only === 'recommend') {
    console.log('Recommendations: privacy observer, next order, basket completion, speed, journey (about ten minutes)…');
    sections.push(...(await recommendationBenchmark()));
  }
  if (!only || only === 'merchandising') {
    console.log('Merchandising rules at every limit against none…');
    sections.push(await merchandisingBenchmark());
  }
  if (!only || only === 'proxy') {
    console.log('Storefront picks through the app proxy…');
    sections.push(...(await proxyBenchmark()));
  }
  if (!only || only === 'analytics') {
    console.log('What counting costs the storefront…');
    sections.push(...(await analyticsBenchmark()));
    console.log('Counter storage from a simulated day…');
    sections.push(await analyticsStorageBenchmark());
  }
  if (!only || only === 'lighthouse') {
    console.log('Lighthouse on the sandbox product page, with and without Tacto (about a minute)…');
    sections.push(await lighthouseBenchmark());
  }
  if (!only || only === 'followups') {
    console.log('Follow-ups: render and send 10,000 to a local SMTP sink, unsigned and DKIM-signed (2 to 10 minutes: longer while it misses its goal)…');
    sections.push(await followupBenchmark());
  }
  printSections(sections);
  const missed = sections.flatMap((s) => s.figures).filter((f) => f.goal && !f.goal.pass).length;
  console.log(`\n${missed === 0 ? 'Every goal met.' : `${missed} goal(s) missed (reported, not an error).`} All correctness checks passed.`);
}

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 60_000} minutes; stopping.`);
  process.exit(1);
}, WATCHDOG_MS).unref();

try {
  await main();
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  // Exit now rather than wait for whatever the failure left open.
  process.exit(1);
} finally {
  clearTimeout(watchdog);
}
