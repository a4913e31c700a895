/**
 * Child process of the crash test (ticketCrash.test.ts): reports the state on disk as it finds it,
 * then draws tickets in a loop and prints each number once `draw` resolved, until it is killed or
 * has drawn TICKET_LIMIT tickets; with TICKET_HOLD it then waits to be killed. stdout to a pipe is synchronous on Linux, so a printed line has
 * left the process when `write` returns, whatever kills it next.
 *
 * Lines: `TEMP <n>` (temporary files left by a cut-off write), `STATE <Result json>`,
 * `T <category> <number> <date>` per ticket, `ERROR <json>` when a draw failed.
 */
import { readdirSync } from 'node:fs';
import { createTicketCounter, loadTicketState } from '#core/queue/ticketCounter';
import { seededRandom } from '#tests/unit/electron/core/devices/documentReader/random';
import { crashCategories } from './crashCategories';

function leftoverTempFiles(dir: string): number {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.tmp')).length;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const dir = process.env.TICKET_DIR;
  if (dir === undefined || dir === '') throw new Error('TICKET_DIR is required');
  const offsetMs = Number(process.env.TICKET_CLOCK_OFFSET_MS ?? '0');
  const limit = process.env.TICKET_LIMIT === undefined ? Infinity : Number(process.env.TICKET_LIMIT);
  const random = seededRandom(Number(process.env.TICKET_SEED ?? '1'));
  process.stdout.write(`TEMP ${leftoverTempFiles(dir)}\n`);
  process.stdout.write(`STATE ${JSON.stringify(await loadTicketState(dir))}\n`);
  const counter = createTicketCounter({ dir, categories: crashCategories, now: () => new Date(Date.now() + offsetMs) });
  for (let drawn = 0; drawn < limit; drawn++) {
    const category = crashCategories[Math.floor(random() * crashCategories.length)] ?? crashCategories[0];
    const result = await counter.draw(category.id);
    if (!result.ok) {
      process.stdout.write(`ERROR ${JSON.stringify(result.error)}\n`);
      process.exitCode = 2;
      return;
    }
    process.stdout.write(`T ${category.id} ${result.value.number} ${result.value.date}\n`);
  }
  if (process.env.TICKET_HOLD === '1') setInterval(() => undefined, 60_000);
}

void main();
