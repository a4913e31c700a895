import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { germanIdTd1, td1Specimen, td3Specimen } from '#tests/support/mrzSamples';
import { startPtyPair, type PtyPair } from './ptyPair';
import { randomBytes, seededRandom } from './random';
import { removeHarnessBundle, startSerialChild, waitUntil, type SerialChild } from './serialChild';

const errors = new Set(['unreadable', 'truncated', 'unsupported-document', 'check-digit-wrong']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let pty: PtyPair | undefined;
let child: SerialChild | undefined;

afterAll(removeHarnessBundle);

afterEach(async () => {
  await child?.stop();
  await pty?.close();
  child = undefined;
  pty = undefined;
});

async function connectedReader(): Promise<{ pty: PtyPair; child: SerialChild; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'mrz-pty-'));
  pty = await startPtyPair(dir);
  child = await startSerialChild(pty.readerPath);
  expect(await child.connect()).toEqual({ state: 'ready', reason: 'ok' });
  return { pty, child, dir };
}

describe('SerialMrzReader on a real pty pair (socat) with openSerialPort', () => {
  it('turns an MRZ written at the other end into exactly one read', async () => {
    const { pty, child } = await connectedReader();
    pty.write(`${td3Specimen.lines.join('\r\n')}\r\n`);
    await waitUntil(() => child.reads().length > 0, 5000, 'read');
    await sleep(500); // longer than the quiet gap: no second, partial read follows
    expect(child.reads()).toHaveLength(1);
    const read = child.reads()[0];
    expect(read?.ok && read.document.documentNumber).toBe('L898902C3');
    expect(read?.ok && read.document.format).toBe('TD3');
    expect(child.summaries()).toEqual([{ status: 'read', format: 'TD3', valid: true }]);
  });

  it('assembles a zone sent in small pieces inside STX/ETX', async () => {
    const { pty, child } = await connectedReader();
    const bytes = Buffer.from(`\x02${germanIdTd1.lines.join('\r')}\r\x03`, 'latin1');
    for (let i = 0; i < bytes.length; i += 7) {
      pty.write(bytes.subarray(i, i + 7));
      await sleep(15);
    }
    await waitUntil(() => child.reads().length > 0, 5000, 'read');
    await sleep(400);
    expect(child.reads()).toHaveLength(1);
    const read = child.reads()[0];
    expect(read?.ok && read.document.lastName).toBe('MUSTERMANN');
  });

  it('reports garbage bytes as failed reads, never crashes, and reads the next document', async () => {
    const { pty, child } = await connectedReader();
    const random = seededRandom(7);
    for (let i = 0; i < 10; i += 1) pty.write(randomBytes(random, 300));
    await waitUntil(() => child.reads().length > 0, 5000, 'garbage read');
    await sleep(500); // let the quiet gap end the garbage
    const garbage = child.reads();
    expect(garbage.every((read) => !read.ok && errors.has(read.error))).toBe(true);
    expect(child.alive()).toBe(true);

    pty.write(`${td1Specimen.lines.join('\n')}\n`);
    await waitUntil(() => child.reads().length > garbage.length, 5000, 'valid read');
    const last = child.reads().at(-1);
    expect(last?.ok && last.document.format).toBe('TD1');
  });

  it('becomes absent (unplugged) when the pty closes, and reads again once it is back', async () => {
    const { pty: first, child, dir } = await connectedReader();
    await first.close();
    pty = undefined;
    await waitUntil(() => child.health().length > 0, 5000, 'health report');
    expect(child.health()).toEqual([{ state: 'absent', reason: 'unplugged' }]);
    expect(await child.connect()).toEqual({ state: 'absent', reason: 'not-found' });

    pty = await startPtyPair(dir);
    expect(await child.connect()).toEqual({ state: 'ready', reason: 'ok' });
    pty.write(`${td3Specimen.lines.join('\r\n')}\r\n`);
    await waitUntil(() => child.reads().length > 0, 5000, 'read after replug');
    expect(child.reads()[0]?.ok).toBe(true);
    expect(child.alive()).toBe(true);
  });

  it('is absent (not-found) when the port does not exist, and disconnect is safe twice', async () => {
    child = await startSerialChild(join(tmpdir(), 'no-such-reader-port'));
    expect(await child.connect()).toEqual({ state: 'absent', reason: 'not-found' });
    await child.disconnect();
    await child.disconnect();
    expect(child.alive()).toBe(true);
  });

  it('forgets the read at reset; a disconnected reader reports nothing more', async () => {
    const { pty, child } = await connectedReader();
    pty.write(`${td3Specimen.lines.join('\r\n')}\r\n`);
    await waitUntil(() => child.reads().length > 0, 5000, 'read');
    expect(await child.reset()).toBeNull();
    await child.disconnect();
    pty.write(`${td3Specimen.lines.join('\r\n')}\r\n`);
    await sleep(500);
    expect(child.reads()).toHaveLength(1);
    expect(child.health()).toEqual([]);
  });
});
