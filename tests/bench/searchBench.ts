/**
 * Service search figures for `npm run bench` (called by bench.ts), over the whole Jena pack
 * (local services and the federal catalogue):
 *   - index build: createServiceSearch() once, as at kiosk start
 *   - per keystroke: the 50 citizen queries typed character by character, one search() per
 *     character, as the on-screen keyboard does; budget p99 < 5 ms. The CPU time per call is
 *     reported too: on a busy machine, wall-clock outliers are the scheduler's, not search's.
 */
import { createServiceSearch } from '#core/content/search/serviceSearch';
import type { Figure } from './benchReport';
import { loadJenaPackForSearch, type SearchablePack } from '#tests/unit/electron/core/content/search/jenaPack';
import { searchQueries } from '#tests/unit/electron/core/content/search/searchQueries';

const keystrokeBudgetMs = 5;
/** The index is built once at kiosk start (part of the startup figure); a second is already noticeable there. */
const indexBuildBudgetMs = 1000;

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

/** Runs the search bench on the real Jena pack: its figures for the bench report. */
export async function searchFigures(runs = Number(process.env.BENCH_SEARCH_RUNS ?? 5)): Promise<Figure[]> {
  const pack = await loadJenaPackForSearch();
  const { buildMs, keystrokeMs, keystrokeCpuMs } = benchSearchKeystrokes(pack, runs);
  return [
    { metric: `search (Node): index build over ${String(pack.services.length)} services`, values: [buildMs], budget: { max: indexBuildBudgetMs } },
    { metric: 'search (Node): per keystroke, 50 queries typed', values: keystrokeMs, budget: { p99: keystrokeBudgetMs } },
    // The same calls in CPU time: on a busy machine, wall-clock outliers are the scheduler's, not search's.
    { metric: 'search (Node): per keystroke, CPU time', values: keystrokeCpuMs, budget: { p99: keystrokeBudgetMs } },
  ];
}
