/**
 * What the merchant's merchandising rules (issue "The merchant's control room") cost a recommendation: the same
 * requests on all of Online Retail with no rules and with a document at every limit, in a child process.
 */
import { fileURLToPath } from 'node:url';
import { runChild } from './child.ts';
import type { MerchandisingSpeed } from './recommend/merchandising-child.ts';
import type { Section } from './report.ts';

const DATA_FILE = process.env.ONLINE_RETAIL_CSV ?? fileURLToPath(new URL('../../shared/data/online-retail.csv.gz', import.meta.url));

export async function merchandisingBenchmark(): Promise<Section> {
  const speed = await runChild<MerchandisingSpeed>('recommend/merchandising-child.ts', [DATA_FILE], 600_000);
  // The rules must have acted, or the timing says nothing about them.
  if (!(speed.changedPicksPerRequest > 0)) throw new Error('merchandising bench: the rules changed no block');
  return {
    title: `Merchandising rules at every limit — ${speed.requests.toLocaleString('en-US')} Online Retail hold-outs × 3 passes per case`,
    baseline: 'the same requests, interleaved one by one, with no rules',
    figures: speed.rows.flatMap((row) => [
      { name: `${row.case}: p50`, value: row.p50Ms, baseline: row.noneP50Ms, unit: 'ms' },
      { name: `${row.case}: p99`, value: row.p99Ms, baseline: row.noneP99Ms, unit: 'ms', goal: { text: '≤ 1.5 × no rules', pass: row.p99Ms <= 1.5 * row.noneP99Ms } },
    ]),
    checks: [`the rules acted: ${speed.changedPicksPerRequest.toFixed(2)} picks per block differ from the rule-free block`],
  };
}
