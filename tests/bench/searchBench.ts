/**
 * Service search figures for `npm run bench` (called by bench.ts), over the whole Jena pack
 * (local services and the federal catalogue):
 *   - index build: createServiceSearch() once, as at kiosk start
 *   - per keystroke: the 50 citizen queries typed character by character, one search() per
 *     character, as the on-screen keyboard does; p50 and p99, budget p99 < 5 ms. The CPU time
 *     per call is printed too: on a busy machine, wall-clock outliers are the scheduler's, not search's.
 */
import { createServiceSearch } from '#core/content/search/serviceSearch';
import { loadJenaPackForSearch, type SearchablePack } from '#tests/unit/electron/core/content/search/jenaPack';
import { searchQueries } from '#tests/unit/electron/core/content/search/searchQueries';

const keystrokeBudgetMs = 5;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** ms per search() call for every prefix of every query, `runs` times over (after one warm-up pass). */
export function benchSearchKeystrokes(pack: SearchablePack, runs: number): { buildMs: number; keystrokeMs: number[]; keystrokeCpuMs: number[] } {
  const started = performance.now();
  const search = createServiceSearch(pack.services, pack.topics);
  const buildMs = performance.now() - started;
  const keystrokeMs: number[] = [];
  const keystrokeCpuMs: number[] = [];
  for (let run = 0; run <= runs; run += 1) {
    for (const { query, language } of searchQueries) {
      for (let length = 1; length <= query.length; length += 1) {
        const typed = query.slice(0, length);
        const cpuBefore = process.cpuUsage();
        const before = performance.now();
        search.search(typed, { language, limit: 10 });
        const wallMs = performance.now() - before;
        const cpu = process.cpuUsage(cpuBefore);
        // Run 0 warms up the JIT and is not counted.
        if (run > 0) {
          keystrokeMs.push(wallMs);
          keystrokeCpuMs.push((cpu.user + cpu.system) / 1000);
        }
      }
    }
  }
  return { buildMs, keystrokeMs, keystrokeCpuMs };
}

/** Runs the search bench on the real Jena pack and prints its section of the bench report. */
export async function runSearchBench(runs = Number(process.env.BENCH_SEARCH_RUNS ?? 5)): Promise<void> {
  console.log('');
  const pack = await loadJenaPackForSearch();
  const { buildMs, keystrokeMs, keystrokeCpuMs } = benchSearchKeystrokes(pack, runs);
  const p99 = percentile(keystrokeMs, 99);
  const verdict = p99 <= keystrokeBudgetMs ? `within budget (${String(keystrokeBudgetMs)} ms)` : `OVER BUDGET (${String(keystrokeBudgetMs)} ms)`;
  const fmt = (v: number): string => `${v.toFixed(2)} ms`;
  console.log(`${`service search: index build over ${String(pack.services.length)} services`.padEnd(52)} ${fmt(buildMs).padStart(10)}`);
  console.log(
    `${'service search: per keystroke, 50 queries typed'.padEnd(52)} p50 ${fmt(percentile(keystrokeMs, 50)).padStart(10)}   p99 ${fmt(p99).padStart(10)}   max ${fmt(Math.max(...keystrokeMs))}   (n=${String(keystrokeMs.length)})   ${verdict}`,
  );
  console.log(
    `${'service search: per keystroke, CPU time'.padEnd(52)} p50 ${fmt(percentile(keystrokeCpuMs, 50)).padStart(10)}   p99 ${fmt(percentile(keystrokeCpuMs, 99)).padStart(10)}`,
  );
}
