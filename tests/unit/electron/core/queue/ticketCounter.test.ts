import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTicketCounter, loadTicketState, maxTicketNumber, ticketCode, type Ticket, type TicketCounterOptions } from '#core/queue/ticketCounter';
import type { Result } from '#shared/result';

const categories = [
  { id: 'meldewesen', prefix: 'A' },
  { id: 'ausweise', prefix: 'B' },
];

let dir = '';
let clock = new Date('2026-03-17T09:00:00+01:00');

beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'ticket-counter-')), 'queue');
  clock = new Date('2026-03-17T09:00:00+01:00');
});

afterEach(() => {
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

function counter(options: Partial<TicketCounterOptions> = {}) {
  return createTicketCounter({ dir, categories, now: () => clock, ...options });
}

function value(result: Result<Ticket>): Ticket {
  if (!result.ok) throw new Error(`draw failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

function stateFile(): string {
  return join(dir, 'tickets.json');
}

describe('ticket counter', () => {
  it('numbers each category on its own, from 1, and persists every number', async () => {
    const tickets = counter();
    const drawn: string[] = [];
    for (const id of ['meldewesen', 'meldewesen', 'ausweise', 'meldewesen', 'ausweise']) drawn.push(ticketCode(value(await tickets.draw(id))));
    expect(drawn).toEqual(['A 1', 'A 2', 'B 1', 'A 3', 'B 2']);
    const onDisk = JSON.parse(readFileSync(stateFile(), 'utf8')) as { date: string; categories: Record<string, { last: number }> };
    expect(onDisk.date).toBe('2026-03-17');
    expect(onDisk.categories.meldewesen?.last).toBe(3);
    expect(onDisk.categories.ausweise?.last).toBe(2);
  });

  it('goes on after a restart where the last one stopped', async () => {
    await counter().draw('meldewesen');
    await counter().draw('meldewesen');
    expect(value(await counter().draw('meldewesen')).number).toBe(3);
  });

  it('reports the date in Berlin and the draw time', async () => {
    // 23:30 UTC on the 17th is already the 18th in Berlin.
    clock = new Date('2026-03-17T23:30:00Z');
    const ticket = value(await counter().draw('ausweise'));
    expect(ticket).toMatchObject({ categoryId: 'ausweise', prefix: 'B', number: 1, date: '2026-03-18', drawnAt: '2026-03-17T23:30:00.000Z' });
  });

  it('starts the next day at 1, in a running counter and after a restart', async () => {
    const tickets = counter();
    await tickets.draw('meldewesen');
    await tickets.draw('meldewesen');
    await tickets.draw('ausweise');
    clock = new Date('2026-03-18T00:00:00+01:00');
    expect(value(await tickets.draw('meldewesen'))).toMatchObject({ number: 1, date: '2026-03-18' });
    expect(value(await tickets.draw('meldewesen')).number).toBe(2);
    clock = new Date('2026-03-19T07:00:00+01:00');
    expect(value(await counter().draw('ausweise'))).toMatchObject({ number: 1, date: '2026-03-19' });
  });

  it('goes on with the numbers of a later day when the clock went back, rather than repeating them', async () => {
    clock = new Date('2026-03-18T09:00:00+01:00');
    await counter().draw('meldewesen');
    clock = new Date('2026-03-17T09:00:00+01:00');
    expect(value(await counter().draw('meldewesen')).number).toBe(2);
  });

  it('refuses a corrupt file with an error and leaves it untouched', async () => {
    mkdirSync(dir, { recursive: true });
    const corrupt = [
      '{"date":"2026-03-17","categories":{"meldewesen":{"last":4',
      '{"date":"2026-03-17","categories":{"meldewesen":{"last":-1,"drawnAt":[]}}}',
      '',
      'null',
    ];
    for (const text of corrupt) {
      writeFileSync(stateFile(), text);
      const result = await counter().draw('meldewesen');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('internal');
      expect(readFileSync(stateFile(), 'utf8')).toBe(text);
      expect((await loadTicketState(dir)).ok).toBe(false);
    }
  });

  it('draws again once staff repaired the file, without a restart', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(stateFile(), 'garbage');
    const tickets = counter();
    expect((await tickets.draw('meldewesen')).ok).toBe(false);
    writeFileSync(stateFile(), JSON.stringify({ date: '2026-03-17', categories: { meldewesen: { last: 41, drawnAt: [] } } }));
    expect(value(await tickets.draw('meldewesen')).number).toBe(42);
  });

  it('refuses an unknown category', async () => {
    const result = await counter().draw('nope');
    expect(result).toEqual({ ok: false, error: { code: 'invalid-payload', detail: 'unknown queue category' } });
  });

  it('serializes concurrent draws: no number twice, none skipped', async () => {
    const tickets = counter();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => tickets.draw(i % 3 === 0 ? 'ausweise' : 'meldewesen')));
    const numbers = results.map(value);
    const of = (id: string) => numbers.filter((t) => t.categoryId === id).map((t) => t.number);
    // In the order asked for, because the draws run one after another.
    expect(of('meldewesen')).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(of('ausweise')).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(value(await counter().draw('meldewesen')).number).toBe(27);
  });

  it('counts as waiting the tickets of the category drawn within the window', async () => {
    const tickets = counter({ waitingWindowMinutes: 30 });
    const at = (time: string) => {
      clock = new Date(`2026-03-17T${time}:00+01:00`);
    };
    at('09:00');
    expect(value(await tickets.draw('meldewesen')).waitingBefore).toBe(0);
    at('09:10');
    expect(value(await tickets.draw('meldewesen')).waitingBefore).toBe(1);
    expect(value(await tickets.draw('ausweise')).waitingBefore).toBe(0);
    at('09:35');
    // 09:00 is more than 30 minutes ago; 09:10 is not.
    const ticket = value(await tickets.draw('meldewesen'));
    expect(ticket).toMatchObject({ number: 3, waitingBefore: 1, waitingWindowMinutes: 30 });
    const state = await loadTicketState(dir);
    expect(state.ok && state.value?.categories.meldewesen?.drawnAt.length).toBe(2);
  });

  it('writes atomically: no temporary file stays, and leftovers of a cut-off write are removed', async () => {
    const tickets = counter();
    await tickets.draw('meldewesen');
    expect(readdirSync(dir)).toEqual(['tickets.json']);
    writeFileSync(join(dir, 'tickets.json.123.7.tmp'), '{"date":"2026-03-17","categ');
    expect(value(await counter().draw('meldewesen')).number).toBe(2);
    expect(readdirSync(dir)).toEqual(['tickets.json']);
  });

  it('reports a write that fails as an error and hands out no number', async () => {
    // A file where the folder should be: the state cannot be written.
    mkdirSync(join(dir, '..'), { recursive: true });
    writeFileSync(dir, 'not a folder');
    const result = await counter().draw('meldewesen');
    expect(result.ok).toBe(false);
    rmSync(dir);
  });

  it('stops at the highest number instead of wrapping around', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(stateFile(), JSON.stringify({ date: '2026-03-17', categories: { meldewesen: { last: maxTicketNumber, drawnAt: [] } } }));
    const result = await counter().draw('meldewesen');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-state');
  });
});
