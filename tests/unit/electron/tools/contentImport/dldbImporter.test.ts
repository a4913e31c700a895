import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { servicesFileSchema, topicsFileSchema } from '#shared/content/contentPack';
import { importDldb, importDldbFolder } from '#electron/tools/contentImport/dldbImporter';
import type { ImportOutcome, ImportResult } from '#electron/tools/contentImport/importTypes';
import { berlinDldbDir } from './sourceData';

function resultOf(outcome: ImportOutcome): ImportResult {
  if (!outcome.ok) throw new Error(`import failed: ${outcome.error}`);
  return outcome.result;
}

const envelope = (data: unknown[]): unknown => ({ created: '2016-01-15T09:40:55+01:00', datacount: data.length, error: false, data });

describe('DLDB importer on the Berlin sample', async () => {
  const result = resultOf(await importDldbFolder(berlinDldbDir));

  it('imports all 560 services and the 64 topics that have services', () => {
    expect(result.services).toHaveLength(560);
    expect(result.topics).toHaveLength(64);
    expect(result.topics.filter((topic) => topic.featured)).toHaveLength(18);
    // The other 106 topics hold no service; each is reported, none silently dropped.
    expect(result.skipped).toHaveLength(106);
    expect(
      result.skipped.every((problem) => 'file' in problem && problem.file === 'topic_de.json' && problem.reason === 'no imported service belongs to it'),
    ).toBe(true);
    expect(result.notes).toEqual([{ file: 'services_de.json', index: 342, id: '324599', reason: 'root topic 1413 is not in topic_de.json' }]);
  });

  it('merges German and English names, taking English only from translated records', () => {
    expect(result.services.find((service) => service.id === 'dldb-326235')).toEqual({
      id: 'dldb-326235',
      name: {
        de: 'Antragsbescheinigung für Familienangehörige von Bürgern der EU (außer Deutschland) und des EWR',
        en: 'Application certificate for family members of EU (except Germany) and EEA citizens',
      },
      topics: ['dldb-topic-324815', 'dldb-topic-325139'],
      local: false,
    });
    // services_en.json repeats this one in German (meta.locale "de"): no English name.
    expect(result.services.find((service) => service.id === 'dldb-120335')?.name).toEqual({ de: 'Abmeldung einer Wohnung' });
    expect(result.services.filter((service) => service.name.en !== undefined)).toHaveLength(29);
  });

  it('produces files that validate, with resolvable topics', () => {
    expect(servicesFileSchema.safeParse({ services: result.services }).success).toBe(true);
    expect(topicsFileSchema.safeParse({ topics: result.topics }).success).toBe(true);
    const topicIds = new Set(result.topics.map((topic) => topic.id));
    expect(result.services.flatMap((service) => service.topics).filter((id) => !topicIds.has(id))).toEqual([]);
  });
});

describe('DLDB importer on malformed input', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const folderWith = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'dldb-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };

  it('reports records without name or id, repeated ids and orphan translations', () => {
    const result = resultOf(
      importDldb({
        servicesDe: envelope([
          { id: '1', name: 'Eins' },
          { id: '2' },
          { name: 'Ohne Id' },
          { id: '1', name: 'Eins nochmal' },
          'text',
          { id: 'A B', name: 'x' },
        ]),
        servicesEn: envelope([
          { id: '1', name: 'One', meta: { locale: 'en' } },
          { id: '9', name: 'Nine', meta: { locale: 'en' } },
        ]),
      }),
    );
    expect(result.services).toEqual([{ id: 'dldb-1', name: { de: 'Eins', en: 'One' }, topics: [], local: false }]);
    expect(result.skipped).toEqual([
      { file: 'services_de.json', index: 1, id: '2', reason: 'no name' },
      { file: 'services_de.json', index: 2, reason: 'no id' },
      { file: 'services_de.json', index: 3, id: '1', reason: 'duplicate id (first as record 0)' },
      { file: 'services_de.json', index: 4, reason: 'not a JSON object' },
      { file: 'services_de.json', index: 5, id: 'A B', reason: 'invalid id "A B" (lower-case letters, digits, dashes)' },
      { file: 'services_en.json', index: 1, id: '9', reason: 'no German record with this id' },
    ]);
  });

  it('takes key, fees, requirements and https links, as plain text, and notes what it leaves out', () => {
    const result = resultOf(
      importDldb({
        servicesDe: envelope([
          {
            id: 120686,
            name: 'Anmeldung einer Wohnung',
            leika: '99115001000000',
            fees: '<p>geb&uuml;hrenfrei</p><script>alert(1)</script>',
            requirements: [
              { name: 'Personalausweis <b>oder</b> Reisepass', description: '', link: '' },
              { name: '', description: '<p>Wohnungsgeberbestätigung</p>' },
            ],
            appointment: { link: 'https://service.berlin.de/terminvereinbarung/termin/tag.php?dienstleistung=120686' },
            onlineprocessing: { description: '', link: 'http://example.org/online' },
          },
          { id: '2', name: 'Zwei', leika: '12345' },
        ]),
      }),
    );
    expect(result.services[0]).toEqual({
      id: 'dldb-120686',
      leikaKey: '99115001000000',
      name: { de: 'Anmeldung einer Wohnung' },
      topics: [],
      local: false,
      fees: { de: 'gebührenfrei' },
      bring: [{ de: 'Personalausweis oder Reisepass' }, { de: 'Wohnungsgeberbestätigung' }],
      appointmentUrl: 'https://service.berlin.de/terminvereinbarung/termin/tag.php?dienstleistung=120686',
    });
    expect(result.notes).toEqual([
      { file: 'services_de.json', index: 0, id: '120686', reason: 'onlineprocessing.link "http://example.org/online" is not an https:// address, left out' },
      { file: 'services_de.json', index: 1, id: '2', reason: 'leika "12345" is not 14 digits, left out' },
    ]);
    expect(result.remarks).toEqual([
      'services_en.json not found: imported without it',
      'topic_de.json not found: imported without it',
      'topic_en.json not found: imported without it',
    ]);
  });

  it('refuses invalid JSON, a missing services file, a missing folder and a foreign JSON shape', async () => {
    const broken = folderWith({ 'services_de.json': '{"data": [ {"id": "1", "name": "x"} ' });
    expect(await importDldbFolder(broken)).toEqual({ ok: false, error: expect.stringMatching(/services_de\.json: invalid JSON \(/) as unknown });
    const brokenEn = folderWith({ 'services_de.json': JSON.stringify(envelope([])), 'services_en.json': '[' });
    expect(await importDldbFolder(brokenEn)).toEqual({ ok: false, error: expect.stringContaining('services_en.json: invalid JSON') as unknown });
    expect(await importDldbFolder(folderWith({}))).toEqual({ ok: false, error: expect.stringContaining('no services_de.json in the folder') as unknown });
    expect(await importDldbFolder(join(tmpdir(), 'no-such-dldb-folder'))).toEqual({ ok: false, error: expect.stringContaining('no such folder') as unknown });
    expect(importDldb({ servicesDe: [{ id: '1', name: 'x' }] })).toEqual({
      ok: false,
      error: 'services_de.json: not a DLDB export (expected an object with a "data" list)',
    });
  });

  it('gives topics English names from topic_en.json and drops topics without services', () => {
    const result = resultOf(
      importDldb({
        servicesDe: envelope([{ id: '1', name: 'Eins', relation: { root_topic: '10' } }]),
        topicsDe: envelope([
          { id: '10', name: 'Meldewesen', relation: { navi: '1', services: [] } },
          { id: '11', name: 'Leer', relation: { navi: '0', services: [] } },
        ]),
        topicsEn: envelope([{ id: '10', name: 'Registration', meta: { locale: 'en' } }]),
      }),
    );
    expect(result.services[0]?.topics).toEqual(['dldb-topic-10']);
    expect(result.topics).toEqual([{ id: 'dldb-topic-10', name: { de: 'Meldewesen', en: 'Registration' }, kind: 'topic', featured: true }]);
    expect(result.skipped).toEqual([{ file: 'topic_de.json', index: 1, id: '11', reason: 'no imported service belongs to it' }]);
  });
});
