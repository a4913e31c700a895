import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { servicesFileSchema, topicsFileSchema } from '#shared/content/contentPack';
import { importLeikaCsv, leikaHeader } from '#electron/tools/contentImport/leikaImporter';
import type { ImportResult } from '#electron/tools/contentImport/importTypes';
import { leikaCsvPath } from './sourceData';
import { findAppRoot } from '#tests/support/appRoot';

const shippedCsv = readFileSync(leikaCsvPath, 'utf8');
const header = leikaHeader.join(',');

function imported(text: string): ImportResult {
  const outcome = importLeikaCsv(text);
  if (!outcome.ok) throw new Error(`import failed: ${outcome.error}`);
  return outcome.result;
}

describe('LeiKa importer on the shipped CSV', () => {
  const result = imported(shippedCsv);

  it('imports every usable row and reports the three that are not', () => {
    expect(result.services).toHaveLength(5248);
    expect(result.skipped.map((problem) => ('line' in problem ? problem.line : -1))).toEqual([4548, 5251, 5252]);
    expect(result.skipped[0]?.reason).toMatch(/^duplicate service ".*" without LeiKa key in OZG id 10280 \(first on line 4547\)$/);
    expect(result.skipped[1]?.reason).toContain('invalid LeiKa key "25323525"');
    expect(result.skipped[2]?.reason).toContain('placeholder name "Test 4"');
  });

  it('imports "Abbruchgenehmigung" with its key, topics and advice', () => {
    const service = result.services.find((candidate) => candidate.leikaKey === '99012001000000');
    expect(service).toMatchObject({
      id: 'leika-99012001000000',
      name: { de: 'Abbruchgenehmigung' },
      topics: ['leika-situation-bauen-immobilien', 'leika-topic-bauen-wohnen'],
      local: false,
    });
    expect(service?.advice?.de).toContain('nicht selbst an');
    expect(service?.advice?.en).toContain('does not offer');
  });

  it('imports rows without a LeiKa key under an OZG id, and rows without an OZG id too', () => {
    const withoutKey = result.services.filter((service) => service.leikaKey === undefined);
    expect(withoutKey).toHaveLength(435);
    expect(withoutKey.every((service) => service.id.startsWith('ozg-'))).toBe(true);
    expect(result.services.find((service) => service.name.de === '(Baumuster-) Prüfung von Gefahrengutverpackungen')?.id).toBe(
      'ozg-10478-baumuster-pruefung-von-gefahrengutverpackungen',
    );
    expect(result.services.find((service) => service.name.de === 'Polizei-Internetwache')).toMatchObject({ id: 'ozg-none-polizei-internetwache', topics: [] });
  });

  it('makes 14 topic areas and 55 life situations, all with English names', () => {
    expect(result.topics.filter((topic) => topic.kind === 'topic')).toHaveLength(14);
    expect(result.topics.filter((topic) => topic.kind === 'lifeSituation')).toHaveLength(55);
    expect(result.topics.filter((topic) => topic.name.en === undefined).map((topic) => topic.name.de)).toEqual([]);
    expect(result.topics.find((topic) => topic.id === 'leika-topic-unternehmensfuehrung-entwicklung')?.name).toEqual({
      de: 'Unternehmensführung & -entwicklung',
      en: 'Running & developing a business',
    });
  });

  it('produces valid, unique, resolvable ids and files that validate', () => {
    expect(servicesFileSchema.safeParse({ services: result.services }).success).toBe(true);
    expect(topicsFileSchema.safeParse({ topics: result.topics }).success).toBe(true);
    const serviceIds = result.services.map((service) => service.id);
    expect(new Set(serviceIds).size).toBe(serviceIds.length);
    const topicIds = new Set(result.topics.map((topic) => topic.id));
    expect(topicIds.size).toBe(result.topics.length);
    expect(result.services.flatMap((service) => service.topics).filter((id) => !topicIds.has(id))).toEqual([]);
  });
});

describe('LeiKa importer on malformed input', () => {
  const good = (key: string, name: string): string => `${key},${name},1,,10513,Abbruchgenehmigung,Bauen & Immobilien,Bauen & Wohnen`;

  it('skips a row with broken quoting and reads the rows after it', () => {
    const csv = [
      header,
      good('99012001000000', 'Eins'),
      '99012001000001,"Zwei,1,,10513,x,y,z',
      good('99012001000002', 'Drei'),
      good('99012001000003', 'Vier'),
    ].join('\n');
    const result = imported(csv);
    expect(result.services.map((service) => service.name.de)).toEqual(['Eins', 'Drei', 'Vier']);
    expect(result.skipped).toEqual([{ line: 3, reason: 'broken quoting (a quote is never closed)' }]);
  });

  it('skips a row with text after a closing quote', () => {
    const result = imported([header, '99012001000000,"Eins"x,1,,10513,a,b,c', good('99012001000002', 'Zwei')].join('\r\n'));
    expect(result.services.map((service) => service.name.de)).toEqual(['Zwei']);
    expect(result.skipped).toEqual([{ line: 2, reason: 'broken quoting (text after a closing quote)' }]);
  });

  it('reads a quoted field that spans lines, reporting later rows by their own line', () => {
    const csv = [header, '99012001000000,"Eins', 'und zwei",1,,10513,a,b,c', '99012001000001,Drei,1'].join('\n');
    const result = imported(csv);
    expect(result.services.map((service) => service.name.de)).toEqual(['Eins\nund zwei']);
    expect(result.skipped).toEqual([{ line: 4, reason: 'expected 8 columns, found 3' }]);
  });

  it('reports missing names, bad keys and repeated keys by line', () => {
    const csv = [header, good('99012001000000', 'Eins'), good('99012001000001', ''), good('1234', 'Zwei'), good('99012001000000', 'Eins nochmal'), ''].join(
      '\n',
    );
    const result = imported(csv);
    expect(result.services).toHaveLength(1);
    expect(result.skipped).toEqual([
      { line: 3, reason: 'no service name (column leistung)' },
      { line: 4, reason: 'invalid LeiKa key "1234" (expected 14 digits or "nicht im LeiKa")' },
      { line: 5, reason: 'duplicate LeiKa key 99012001000000 (first on line 2)' },
    ]);
  });

  it('refuses a file with the wrong header or no content', () => {
    expect(importLeikaCsv('key,name\n1,2\n')).toEqual({ ok: false, error: expect.stringContaining('unexpected header "key,name"') as unknown });
    expect(importLeikaCsv('')).toEqual({ ok: false, error: 'the file is empty' });
  });

  it('keeps ids unique when long names cut to the same id', () => {
    const long = 'Antrag auf Erteilung einer sehr langen Genehmigung nach dem Gesetz über besonders lange Namen';
    const csv = [header, `nicht im LeiKa,${long} Teil A,1,,10513,a,b,c`, `nicht im LeiKa,${long} Teil B,1,,10513,a,b,c`].join('\n');
    const ids = imported(csv).services.map((service) => service.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(ids.every((id) => /^[a-z0-9][a-z0-9-]{0,79}$/.test(id))).toBe(true);
  });
});

describe('the generated Jena catalogue', () => {
  // Regenerate with: npm run content:import -- --from leika tests/fixtures/source-data/ozg-leika.csv --out kiosk-config/content/jena/catalogue
  const catalogue = join(findAppRoot(import.meta.dirname), 'kiosk-config', 'content', 'jena', 'catalogue');

  it('is what the importer makes of the shipped CSV', () => {
    const result = imported(shippedCsv);
    const services = JSON.parse(readFileSync(join(catalogue, 'leika-services.json'), 'utf8')) as unknown;
    const topics = JSON.parse(readFileSync(join(catalogue, 'leika-topics.json'), 'utf8')) as unknown;
    expect(services).toEqual(servicesFileSchema.parse({ services: result.services }));
    expect(topics).toEqual(topicsFileSchema.parse({ topics: result.topics }));
  });
});
