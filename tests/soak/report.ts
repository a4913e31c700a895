import type { Sample } from './measurements';

/** The soak's budgets (README.md, "Endurance"): what may grow between the start and the end of a run. */
export const budgets = {
  heapGrowthBytes: 5 * 1024 * 1024,
  domNodesTolerance: 0.05,
  hostRssGrowthBytes: 30 * 1024 * 1024,
  fdGrowth: 0,
} as const;

export interface BudgetRow {
  readonly kiosk: string;
  readonly measure: string;
  readonly start: string;
  readonly end: string;
  readonly change: string;
  readonly budget: string;
  readonly ok: boolean;
}

const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const signedMb = (bytes: number): string => `${bytes >= 0 ? '+' : '-'}${mb(Math.abs(bytes))}`;
const signed = (value: number): string => `${value >= 0 ? '+' : ''}${String(value)}`;

/** Each budget of one kiosk, start against end. */
export function evaluateBudgets(kiosk: string, start: Sample, end: Sample): BudgetRow[] {
  const heap = end.heapBytes - start.heapBytes;
  const nodes = (end.domNodes - start.domNodes) / start.domNodes;
  const rss = end.hostRssBytes - start.hostRssBytes;
  const fds = end.hostFds - start.hostFds;
  return [
    {
      kiosk,
      measure: 'renderer JS heap',
      start: mb(start.heapBytes),
      end: mb(end.heapBytes),
      change: signedMb(heap),
      budget: `< +${mb(budgets.heapGrowthBytes)}`,
      ok: heap < budgets.heapGrowthBytes,
    },
    {
      kiosk,
      measure: 'DOM nodes (attract)',
      start: String(start.domNodes),
      end: String(end.domNodes),
      change: `${nodes >= 0 ? '+' : ''}${(nodes * 100).toFixed(1)} %`,
      budget: `± ${String(budgets.domNodesTolerance * 100)} %`,
      ok: Math.abs(nodes) <= budgets.domNodesTolerance,
    },
    {
      kiosk,
      measure: 'host RSS',
      start: mb(start.hostRssBytes),
      end: mb(end.hostRssBytes),
      change: signedMb(rss),
      budget: `< +${mb(budgets.hostRssGrowthBytes)}`,
      ok: rss < budgets.hostRssGrowthBytes,
    },
    {
      kiosk,
      measure: 'host open fds',
      start: String(start.hostFds),
      end: String(end.hostFds),
      change: signed(fds),
      budget: 'no growth',
      ok: fds <= budgets.fdGrowth,
    },
  ];
}

/** The failed sessions as a budget row: none may fail. */
export function failuresRow(kiosk: string, sessions: number, failed: number): BudgetRow {
  return { kiosk, measure: 'failed sessions', start: '', end: `${String(failed)} of ${String(sessions)}`, change: '', budget: 'none', ok: failed === 0 };
}

/** Left-aligned columns under a header line. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** The trend: one line per sample of one kiosk, with the change against the baseline. */
export function trendTable(
  rows: readonly { readonly kiosk: string; readonly point: string; readonly sample: Sample; readonly baseline: Sample | null }[],
): string {
  return formatTable(
    ['kiosk', 'point', 'sessions', 'JS heap', 'Δ heap', 'DOM nodes', 'listeners', 'host RSS', 'Δ RSS', 'host heap', 'host fds', 'browser RSS (procs)'],
    rows.map(({ kiosk, point, sample, baseline }) => [
      kiosk,
      point,
      String(sample.sessions),
      mb(sample.heapBytes),
      baseline === null ? '' : signedMb(sample.heapBytes - baseline.heapBytes),
      String(sample.domNodes),
      String(sample.listeners),
      mb(sample.hostRssBytes),
      baseline === null ? '' : signedMb(sample.hostRssBytes - baseline.hostRssBytes),
      mb(sample.hostHeapBytes),
      String(sample.hostFds),
      `${mb(sample.browserRssBytes)} (${String(sample.browserProcesses)})`,
    ]),
  );
}

export function budgetTable(rows: readonly BudgetRow[]): string {
  return formatTable(
    ['kiosk', 'measure', 'start', 'end', 'change', 'budget', 'verdict'],
    rows.map((row) => [row.kiosk, row.measure, row.start, row.end, row.change, row.budget, row.ok ? 'ok' : 'OVER BUDGET']),
  );
}
