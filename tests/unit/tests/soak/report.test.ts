import { describe, expect, it } from 'vitest';
import type { Sample } from '#tests/soak/measurements';
import { budgetTable, evaluateBudgets, failuresRow, formatTable } from '#tests/soak/report';

const mb = 1024 * 1024;
const start: Sample = {
  sessions: 0,
  heapBytes: 8 * mb,
  domNodes: 400,
  listeners: 220,
  hostHeapBytes: 60 * mb,
  hostRssBytes: 150 * mb,
  hostFds: 30,
  browserRssBytes: 1200 * mb,
  browserProcesses: 12,
};

function verdicts(end: Partial<Sample>): Record<string, boolean> {
  return Object.fromEntries(evaluateBudgets('info', start, { ...start, ...end }).map((row) => [row.measure, row.ok]));
}

describe('the soak budgets', () => {
  it('passes a run that ends where it started', () => {
    expect(Object.values(verdicts({ sessions: 1000 }))).toEqual([true, true, true, true]);
  });

  it('allows less than 5 MB of heap growth', () => {
    expect(verdicts({ heapBytes: start.heapBytes + 4.9 * mb })['renderer JS heap']).toBe(true);
    expect(verdicts({ heapBytes: start.heapBytes + 5 * mb })['renderer JS heap']).toBe(false);
  });

  it('allows DOM nodes 5 % either side of the baseline', () => {
    expect(verdicts({ domNodes: 420 })['DOM nodes (attract)']).toBe(true);
    expect(verdicts({ domNodes: 380 })['DOM nodes (attract)']).toBe(true);
    expect(verdicts({ domNodes: 421 })['DOM nodes (attract)']).toBe(false);
    expect(verdicts({ domNodes: 379 })['DOM nodes (attract)']).toBe(false);
  });

  it('allows less than 30 MB of host RSS growth and no file descriptor more', () => {
    expect(verdicts({ hostRssBytes: start.hostRssBytes + 29 * mb })['host RSS']).toBe(true);
    expect(verdicts({ hostRssBytes: start.hostRssBytes + 30 * mb })['host RSS']).toBe(false);
    expect(verdicts({ hostFds: 29 })['host open fds']).toBe(true);
    expect(verdicts({ hostFds: 31 })['host open fds']).toBe(false);
  });

  it('fails on any failed session', () => {
    expect(failuresRow('workstation', 250, 0).ok).toBe(true);
    expect(failuresRow('workstation', 250, 1).ok).toBe(false);
  });

  it('prints a table that names each missed budget', () => {
    const table = budgetTable(evaluateBudgets('info', start, { ...start, hostFds: 40 }));
    expect(table.split('\n')).toHaveLength(6);
    expect(table).toMatch(/host open fds\s+30\s+40\s+\+10\s+no growth\s+OVER BUDGET/);
    expect(table).toMatch(/renderer JS heap\s+8\.0 MB\s+8\.0 MB\s+\+0\.0 MB\s+< \+5\.0 MB\s+ok/);
  });

  it('aligns columns under their headers', () => {
    expect(formatTable(['a', 'bb'], [['long', 'x']])).toBe('a     bb\n----  --\nlong  x');
  });
});
