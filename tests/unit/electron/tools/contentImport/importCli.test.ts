import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { servicesFileSchema, topicsFileSchema } from '#shared/content/contentPack';
import { parseImportArgs, runImportCli } from '#electron/tools/contentImport/importCli';
import { leikaHeader } from '#electron/tools/contentImport/leikaImporter';
import { packFilesOf } from '#electron/tools/contentImport/packFiles';
import { berlinDldbDir } from './sourceData';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-import-'));
  dirs.push(dir);
  return dir;
}

async function run(argv: string[], cwd: string): Promise<{ code: number; info: string[]; errors: string[] }> {
  const info: string[] = [];
  const errors: string[] = [];
  const code = await runImportCli(argv, cwd, { info: (line) => info.push(line), error: (line) => errors.push(line) });
  return { code, info, errors };
}

const row = (key: string, name: string): string => `${key},${name},1,,10513,Abbruchgenehmigung,Bauen & Immobilien,Bauen & Wohnen`;

describe('content:import command', () => {
  it('writes services and topics files with a summary of what it skipped', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.csv'), [leikaHeader.join(','), row('99012001000000', 'Abbruchgenehmigung'), row('x', 'Kaputt'), ''].join('\n'));
    const { code, info, errors } = await run(['--from', 'leika', 'in.csv', '--out', 'pack/catalogue'], dir);
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(info.slice(0, 3)).toEqual([
      `imported 1 services and 2 topics from ${join(dir, 'in.csv')}`,
      'skipped 1:',
      '  line 3: invalid LeiKa key "x" (expected 14 digits or "nicht im LeiKa")',
    ]);
    const servicesText = readFileSync(join(dir, 'pack', 'catalogue', 'leika-services.json'), 'utf8');
    expect(servicesText.endsWith('}\n')).toBe(true);
    expect(servicesText).toContain('\n  "services": [\n    {\n      "id": "leika-99012001000000"');
    expect(servicesFileSchema.parse(JSON.parse(servicesText)).services).toHaveLength(1);
    const topics = topicsFileSchema.parse(JSON.parse(readFileSync(join(dir, 'pack', 'catalogue', 'leika-topics.json'), 'utf8')));
    expect(topics.topics.map((topic) => topic.id)).toEqual(['leika-topic-bauen-wohnen', 'leika-situation-bauen-immobilien']);
    // Atomic writing leaves no temp files behind.
    expect(readdirSync(join(dir, 'pack', 'catalogue')).sort()).toEqual(['leika-services.json', 'leika-topics.json']);
  });

  it('imports the Berlin DLDB sample', async () => {
    const dir = tempDir();
    const { code, info } = await run(['--from', 'dldb', berlinDldbDir, '--out', dir], dir);
    expect(code).toBe(0);
    expect(info[0]).toBe(`imported 560 services and 64 topics from ${berlinDldbDir}`);
    expect(info).toContain('skipped 106:');
    expect(servicesFileSchema.parse(JSON.parse(readFileSync(join(dir, 'dldb-services.json'), 'utf8'))).services).toHaveLength(560);
  });

  it('exits 1 with one line and writes nothing on unusable input', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'wrong.csv'), 'id,name\n1,Eins\n');
    const missing = await run(['--from', 'leika', 'nope.csv', '--out', 'out'], dir);
    expect(missing).toMatchObject({ code: 1, info: [], errors: [`content:import: no such file: ${join(dir, 'nope.csv')}`] });
    const wrongHeader = await run(['--from', 'leika', 'wrong.csv', '--out', 'out'], dir);
    expect(wrongHeader.code).toBe(1);
    expect(wrongHeader.errors).toHaveLength(1);
    expect(wrongHeader.errors[0]).toContain('unexpected header "id,name"');
    expect(readdirSync(dir)).toEqual(['wrong.csv']);
  });

  it('exits 2 on wrong arguments', async () => {
    const dir = tempDir();
    expect((await run([], dir)).code).toBe(2);
    expect((await run(['--from', 'xml', 'a.xml'], dir)).errors[0]).toBe('content:import: unknown source "xml" (expected leika or dldb)');
    expect((await run(['--from', 'leika'], dir)).errors[0]).toBe('content:import: the CSV file is missing');
    expect((await run(['--from', 'leika', 'a.csv', '--out'], dir)).errors[0]).toBe('content:import: --out needs a value');
  });

  it('takes relative paths from the folder it was started in', () => {
    expect(parseImportArgs(['--from', 'dldb', 'data', '--out', '/abs'], '/home/x')).toEqual({
      ok: true,
      args: { from: 'dldb', input: '/home/x/data', outDir: '/abs' },
    });
    expect(parseImportArgs(['--from', 'leika', 'a.csv'], '/home/x')).toEqual({ ok: true, args: { from: 'leika', input: '/home/x/a.csv', outDir: '/home/x' } });
  });
});

describe('pack file validation before writing', () => {
  const topic = { id: 'leika-topic-a', name: { de: 'A' }, kind: 'topic' as const, featured: false };
  const service = { id: 'leika-1', name: { de: 'Eins' }, topics: ['leika-topic-a'], local: false };
  const result = { skipped: [], notes: [], remarks: [] };

  it('accepts a consistent import', () => {
    expect(packFilesOf({ ...result, services: [service], topics: [topic] }).ok).toBe(true);
  });

  it('rejects what an importer bug could produce: invalid ids, duplicates, dangling topics', () => {
    expect(packFilesOf({ ...result, services: [{ ...service, id: 'Leika 1' }], topics: [topic] })).toMatchObject({
      ok: false,
      error: expect.stringContaining('services.0.id') as unknown,
    });
    expect(packFilesOf({ ...result, services: [service, service], topics: [topic] })).toEqual({ ok: false, error: 'duplicate service ids: leika-1' });
    expect(packFilesOf({ ...result, services: [service], topics: [] })).toEqual({
      ok: false,
      error: 'service leika-1 names a topic that is not in the topics file',
    });
  });
});
