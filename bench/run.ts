/**
 * `npm run bench [-- --only ingest|webhooks] [--lines N]`: speed and memory figures, each printed with a
 * baseline measured in the same run. A miss is reported, not fatal; an error or a wrong count is.
 */
import { parseArgs } from 'node:util';
import { ingestBenchmark } from './ingest.ts';
import { printFigures, type Figure } from './report.ts';
import { webhookBenchmark } from './webhooks.ts';

const { values } = parseArgs({ options: { only: { type: 'string' }, lines: { type: 'string' } }, strict: true });
const only = values.only;
if (only && !['ingest', 'webhooks'].includes(only)) {
  console.error('--only takes ingest or webhooks');
  process.exit(2);
}
const lines = values.lines ? Number(values.lines) : undefined;
if (lines !== undefined && !(lines > 0)) {
  console.error('--lines takes a positive number');
  process.exit(2);
}

const figures: Figure[] = [];
console.log(`Tacto benchmarks — ${new Date().toISOString()} — Node ${process.version}\n`);
if (!only || only === 'ingest') {
  console.log(`Order ingest (${lines ? `first ${lines} lines of` : 'all of'} Online Retail)…`);
  figures.push(...(await ingestBenchmark(lines)));
}
if (!only || only === 'webhooks') {
  console.log('Webhook acknowledgement…');
  figures.push(...(await webhookBenchmark()));
}
console.log('');
printFigures(figures);
