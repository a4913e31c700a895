import { describe, expect, it } from 'vitest';
import { budgetText, percentile, reportTable, resultsJson, summarise } from '#tests/bench/benchReport';

const environment = {
  date: '2025-01-01T00:00:00.000Z',
  node: 'v24.0.0',
  chromium: '140.0.0.0',
  cpus: 2,
  cpuModel: 'test',
  interactionCpuThrottling: 4,
  loadAverage: { start: 0.5, end: 0.7 },
};

describe('bench report', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });

  it('passes a figure only when every statistic of its budget holds', () => {
    const values = [10, 20, 30, 40, 120];
    expect(summarise({ metric: 'a', values, budget: { p95: 200 } }).pass).toBe(true);
    expect(summarise({ metric: 'a', values, budget: { p95: 200, max: 100 } }).pass).toBe(false);
    expect(summarise({ metric: 'a', values, budget: { p99: 100 } }).pass).toBe(false);
    // Nothing measured is no pass.
    expect(summarise({ metric: 'a', values: [], budget: { p95: 1 } }).pass).toBe(false);
  });

  it('prints one aligned table with a verdict per figure', () => {
    const table = reportTable([
      summarise({ metric: 'receipt encoding', values: [0.4, 0.5], budget: { p95: 2 } }),
      summarise({ metric: 'interaction latency: search (typing)', values: [16, 48, 112], budget: { p95: 50, max: 100 } }),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^\| metric +\| median +\| p95 +\| budget +\| result \|$/);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(lines[2]).toContain('0.40 ms');
    expect(lines[2]).toContain('pass');
    expect(lines[3]).toContain('p95 ≤ 50 ms, max ≤ 100 ms');
    expect(lines[3]).toContain('FAIL');
    expect(budgetText({ p99: 5 })).toBe('p99 ≤ 5 ms');
  });

  it('writes every figure with its statistics, budget and verdict as JSON', () => {
    const parsed = JSON.parse(resultsJson([summarise({ metric: 'reset', values: [10, 30, 20], budget: { p95: 100 } })], environment)) as Record<
      string,
      unknown
    >;
    expect(parsed).toMatchObject({ ...environment, pass: true, metrics: { reset: { median: 20, p95: 30, max: 30, n: 3, budget: { p95: 100 }, pass: true } } });
  });
});
