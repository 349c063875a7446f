/** One measured figure with the baseline measured in the same run. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  baselineName: string;
  /** value relative to the baseline, as the figure's goal reads it. */
  ratio: number;
  goal?: string;
  pass?: boolean;
  note?: string;
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2));

export function printFigures(figures: Figure[]): void {
  for (const f of figures) {
    const verdict = f.pass === undefined ? '' : f.pass ? '  PASS' : '  MISS';
    console.log(
      `${f.name.padEnd(34)} ${`${fmt(f.value)} ${f.unit}`.padStart(14)}   vs ${f.baselineName}: ${fmt(f.baseline)} ${f.unit}` +
        `   ratio ${(f.ratio * 100).toFixed(1)} %${f.goal ? `   goal ${f.goal}` : ''}${verdict}`,
    );
    if (f.note) console.log(`${''.padEnd(36)}(${f.note})`);
  }
}
