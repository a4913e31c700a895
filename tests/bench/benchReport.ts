/**
 * The report of `npm run bench`: every figure in one table (median, p95, budget, pass or fail) and
 * the same as JSON for machines (bench/results.json, committed as the latest figures).
 */

/** Upper limits in ms on a figure's statistics; a figure passes when every one given holds. */
export interface Budget {
  readonly p95?: number;
  readonly p99?: number;
  readonly max?: number;
}

/** One figure: its name, every measured value in ms, and its budget. */
export interface Figure {
  readonly metric: string;
  readonly values: readonly number[];
  readonly budget: Budget;
}

export interface FigureResult {
  readonly metric: string;
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly budget: Budget;
  readonly pass: boolean;
}

/** Where the figures were measured. */
export interface BenchEnvironment {
  readonly date: string;
  readonly node: string;
  readonly chromium: string;
  readonly cpus: number;
  readonly cpuModel: string;
  /** DevTools CPU throttling of the kiosk page for the interaction latency figures. */
  readonly interactionCpuThrottling: number;
  /** The machine's 1-minute load average when the bench started and ended: other work running beside it slows every figure. */
  readonly loadAverage: { readonly start: number; readonly end: number };
}

/** The p-th percentile (nearest rank) of `values`; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const statistics = ['p95', 'p99', 'max'] as const;

export function summarise(figure: Figure): FigureResult {
  const result = {
    metric: figure.metric,
    n: figure.values.length,
    median: percentile(figure.values, 50),
    p95: percentile(figure.values, 95),
    p99: percentile(figure.values, 99),
    max: figure.values.length === 0 ? Number.NaN : Math.max(...figure.values),
    budget: figure.budget,
  };
  // No values, no pass: a figure the bench failed to measure must not look fine.
  const pass = result.n > 0 && statistics.every((statistic) => figure.budget[statistic] === undefined || result[statistic] <= (figure.budget[statistic] ?? 0));
  return { ...result, pass };
}

function ms(value: number): string {
  if (Number.isNaN(value)) return '–';
  const digits = value >= 1000 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ms`;
}

export function budgetText(budget: Budget): string {
  return statistics.flatMap((statistic) => (budget[statistic] === undefined ? [] : [`${statistic} ≤ ${String(budget[statistic])} ms`])).join(', ');
}

/** The table as Markdown (readable in a terminal, and as it stands in README.md). */
export function reportTable(results: readonly FigureResult[]): string {
  const rows = [
    ['metric', 'median', 'p95', 'budget', 'result'],
    ...results.map((result) => [result.metric, ms(result.median), ms(result.p95), budgetText(result.budget), result.pass ? 'pass' : 'FAIL']),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: readonly string[]): string => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  const [header, ...body] = rows;
  return [line(header ?? []), rule, ...body.map(line)].join('\n');
}

const round = (value: number): number | null => (Number.isNaN(value) ? null : Math.round(value * 1000) / 1000);

/** bench/results.json: the environment, then per metric its statistics (ms), budget and verdict. */
export function resultsJson(results: readonly FigureResult[], environment: BenchEnvironment): string {
  const metrics = Object.fromEntries(
    results.map((result) => [
      result.metric,
      {
        median: round(result.median),
        p95: round(result.p95),
        p99: round(result.p99),
        max: round(result.max),
        n: result.n,
        budget: result.budget,
        pass: result.pass,
      },
    ]),
  );
  return `${JSON.stringify({ ...environment, pass: results.every((result) => result.pass), metrics }, null, 2)}\n`;
}
