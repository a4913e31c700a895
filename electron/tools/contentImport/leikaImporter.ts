import type { LocalizedText, Service, Topic } from '#shared/content/contentPack';
import { readCsvRecords } from './csvRecords';
import type { CsvRowProblem, ImportOutcome } from './importTypes';
import { lebenslageEnglish, themenfeldEnglish } from './leikaTopicNames';
import { readTextFile } from './readInput';
import { idFromSlug, slugify, uniqueId } from './slug';

/**
 * Importer of the federal service catalogue as flattened from the OZG database (LeiKa key, name,
 * OZG id, Lebenslage, Themenfeld): every row becomes a Service that the Bürgerservice does not
 * offer itself, with advice where to turn; every Lebenslage and Themenfeld becomes a Topic.
 */

/** The columns the file must have, in this order. */
export const leikaHeader = ['leika_key', 'leistung', 'typ', 'rechtsgrundlage', 'ozg_id', 'ozg_leistung', 'lebenslage', 'themenfeld'] as const;

/** What the catalogue writes instead of a key for services that are not (yet) in the LeiKa. */
const noKeyMarker = 'nicht im LeiKa';

/** The advice of every imported catalogue service: these are not services of this Bürgerservice. */
export const notOfferedHereAdvice: LocalizedText = {
  de: 'Diese Leistung bietet der Bürgerservice Jena nicht selbst an. Fragen Sie am Empfang, welche Stelle zuständig ist.',
  en: 'The Bürgerservice Jena does not offer this service itself. Please ask at the reception desk which office is responsible.',
};

type TopicKind = Topic['kind'];

/** Creates each Lebenslage/Themenfeld topic once, with a unique id, on first use. */
class TopicRegistry {
  private readonly byName = new Map<string, Topic>();
  private readonly ids = new Set<string>();

  idFor(kind: TopicKind, germanName: string): string {
    const key = `${kind}\u0000${germanName}`;
    const known = this.byName.get(key);
    if (known !== undefined) return known.id;
    const prefix = kind === 'topic' ? 'leika-topic-' : 'leika-situation-';
    const id = uniqueId(idFromSlug(prefix, slugify(germanName)), this.ids);
    const english = (kind === 'topic' ? themenfeldEnglish : lebenslageEnglish)[germanName];
    const name: LocalizedText = english === undefined ? { de: germanName } : { de: germanName, en: english };
    this.byName.set(key, { id, name, kind, featured: false });
    this.ids.add(id);
    return id;
  }

  /** Topic areas first, then life situations, each in German alphabetical order. */
  sorted(): Topic[] {
    const order: Record<TopicKind, number> = { topic: 0, lifeSituation: 1 };
    return [...this.byName.values()].sort((a, b) => order[a.kind] - order[b.kind] || a.name.de.localeCompare(b.name.de, 'de'));
  }
}

/** Why a row is junk, or undefined when it is usable. */
function rowDefects(key: string, name: string, ozgId: string): string[] {
  const defects: string[] = [];
  if (name === '') defects.push('no service name (column leistung)');
  // Test rows left in the source database ("Test 4", "Test 124"); real names never start with the word.
  else if (/^test\b/i.test(name)) defects.push(`placeholder name "${name}"`);
  if (!/^\d{14}$/.test(key) && key !== noKeyMarker) defects.push(`invalid LeiKa key "${key}" (expected 14 digits or "${noKeyMarker}")`);
  if (ozgId !== '' && !/^\d+$/.test(ozgId)) defects.push(`invalid OZG id "${ozgId}"`);
  return defects;
}

/** Imports the text of the LeiKa/OZG CSV; unusable rows are skipped and reported by line. */
export function importLeikaCsv(text: string): ImportOutcome {
  const read = readCsvRecords(text, leikaHeader);
  if (!read.ok) return read;
  const skipped: CsvRowProblem[] = [...read.skipped];
  const services: Service[] = [];
  const topics = new TopicRegistry();
  const serviceIds = new Set<string>();
  // First line of each LeiKa key, and of each name within an OZG id for rows without a key.
  const firstLineOf = new Map<string, number>();

  for (const { line, fields } of read.records) {
    const [key = '', name = '', , , ozgId = '', , lebenslage = '', themenfeld = ''] = fields.map((field) => field.trim());
    const defects = rowDefects(key, name, ozgId);
    if (defects.length > 0) {
      skipped.push({ line, reason: defects.join('; ') });
      continue;
    }
    const hasKey = key !== noKeyMarker;
    const identity = hasKey ? `key ${key}` : `ozg ${ozgId} ${name}`;
    const first = firstLineOf.get(identity);
    if (first !== undefined) {
      const what = hasKey ? `duplicate LeiKa key ${key}` : `duplicate service "${name}" without LeiKa key in OZG id ${ozgId === '' ? '(none)' : ozgId}`;
      skipped.push({ line, reason: `${what} (first on line ${first})` });
      continue;
    }
    firstLineOf.set(identity, line);
    // Rows without a key get a readable id from OZG id and name; cut names may collide, so make it unique.
    const baseId = hasKey ? `leika-${key}` : idFromSlug(`ozg-${ozgId === '' ? 'none' : ozgId}-`, slugify(name));
    const id = uniqueId(baseId, serviceIds);
    serviceIds.add(id);
    const topicIds: string[] = [];
    if (lebenslage !== '') topicIds.push(topics.idFor('lifeSituation', lebenslage));
    if (themenfeld !== '') topicIds.push(topics.idFor('topic', themenfeld));
    services.push({
      id,
      ...(hasKey ? { leikaKey: key } : {}),
      name: { de: name },
      topics: topicIds,
      local: false,
      advice: notOfferedHereAdvice,
    });
  }
  skipped.sort((a, b) => a.line - b.line);
  return { ok: true, result: { services, topics: topics.sorted(), skipped, notes: [], remarks: [] } };
}

/** Reads and imports a LeiKa/OZG CSV file. */
export async function importLeikaFile(path: string): Promise<ImportOutcome> {
  const read = await readTextFile(path);
  if (!read.ok) return read;
  const outcome = importLeikaCsv(read.text);
  return outcome.ok ? outcome : { ok: false, error: `${path}: ${outcome.error}` };
}
