/** One measured figure beside the baseline measured in the same run. */
export interface Figure {
  name: string;
  value: number;
  baseline: number;
  unit: string;
  /** Against an absolute goal (`value`) or a relative one (`value / baseline`). */
  goal?: { text: string; pass: boolean };
}

/** A benchmark's figures, what their baseline is, and the correctness checks that passed. */
export interface Section {
  title: string;
  baseline: string;
  figures: Figure[];
  /** Each one a check that passed; a failed check throws instead of reaching the report. */
  checks: string[];
  notes?: string[];
}

const number = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2));
const withUnit = (n: number, unit: string) => `${number(n)} ${unit}`;

/** Prints every section as a table: figure, Tacto, baseline, Tacto ÷ baseline, goal, PASS/MISS. */
export function printSections(sections: Section[]): void {
  const header = ['figure', 'Tacto', 'baseline', 'Tacto ÷ baseline', 'goal', ''];
  for (const section of sections) {
    const rows = section.figures.map((f) => [
      f.name,
      withUnit(f.value, f.unit),
      withUnit(f.baseline, f.unit),
      `${((f.value / f.baseline) * 100).toFixed(1)} %`,
      f.goal?.text ?? '',
      f.goal ? (f.goal.pass ? 'PASS' : 'MISS') : '',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    // Names and goals read left to right; numbers line up on the right.
    const line = (cells: string[]) =>
      cells.map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
    console.log(`\n${section.title}`);
    console.log(`baseline: ${section.baseline}\n`);
    console.log(`  ${line(header)}`);
    console.log(`  ${widths.map((w) => '─'.repeat(w)).join('  ')}`);
    for (const row of rows) console.log(`  ${line(row)}`);
    console.log('');
    for (const check of section.checks) console.log(`  ✔ ${check}`);
    for (const note of section.notes ?? []) console.log(`  · ${note}`);
  }
}
