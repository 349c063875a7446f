/**
 * `npx tsx bench/recommend/journey-main.ts [--part journey|rank] [--data FILE]`: the journey simulation or the
 * per-surface rank times alone, without the rest of the recommendation benchmark (`npm run bench -- --only
 * recommend` runs them with it). FILE defaults to the Online Retail file `npm run bench` reads.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runChild } from '../child.ts';
import { printSections } from '../report.ts';
import { journeyBenchmark } from './journey-section.ts';
import { rankSection } from './rank-section.ts';
import type { SpeedResult } from './speed-child.ts';

const { values } = parseArgs({ options: { part: { type: 'string', default: 'journey' }, data: { type: 'string' } }, strict: true });
const data = values.data ?? fileURLToPath(new URL('../../../shared/data/online-retail.csv.gz', import.meta.url));
if (values.part === 'journey') printSections(await journeyBenchmark(data));
else if (values.part === 'rank') printSections([rankSection(await runChild<SpeedResult>('recommend/speed-child.ts', [data], 600_000))]);
else throw new Error('--part takes journey or rank');
