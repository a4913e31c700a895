import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalizedText, Service, Topic } from '#shared/content/contentPack';
import { z } from '#shared/zodConfig';
import { clip, htmlToPlainText } from './htmlText';
import type { ImportOutcome, JsonRecordProblem } from './importTypes';

/**
 * Importer of Berlin's service database export (DLDB, the format of the ZMS appointment system):
 * `services_de.json` (required), `services_en.json`, `topic_de.json`, `topic_en.json` (optional),
 * each `{ "data": [ … ] }`. Field names follow zmsdldb's own importer: id, name, leika, fees,
 * requirements[].name/description, onlineprocessing.link, appointment.link, relation.root_topic,
 * meta.locale; a topic lists its services in relation.services[].id and is a main topic when
 * relation.navi is "1". The English export repeats German records with meta.locale "de" where no
 * translation exists; only records with meta.locale "en" give English texts.
 */

/** The files of a DLDB export that the importer reads. */
export const dldbFiles = { servicesDe: 'services_de.json', servicesEn: 'services_en.json', topicsDe: 'topic_de.json', topicsEn: 'topic_en.json' } as const;

/** The parsed files; `undefined` for an optional file that is not there. */
export interface DldbInput {
  readonly servicesDe: unknown;
  readonly servicesEn?: unknown;
  readonly topicsDe?: unknown;
  readonly topicsEn?: unknown;
}

const envelopeSchema = z.looseObject({ data: z.array(z.unknown()) });
const maxText = 4000;
const maxUrl = 500;
const maxBring = 30;
const maxTopics = 10;

type Json = Readonly<Record<string, unknown>>;

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function asText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = htmlToPlainText(value);
  return text === '' ? undefined : text;
}

/** A DLDB id as a string (ids come as strings, older exports use numbers). */
function asId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

/** Only lower-case letters, digits and dashes survive the pack's id rule after the `dldb-` prefix. */
const validDldbId = /^[a-z0-9][a-z0-9-]{0,60}$/;

function isEnglish(record: Json): boolean {
  return asObject(record.meta)?.locale === 'en';
}

interface IndexedRecord {
  readonly id: string;
  /** Position in the file's `data` list, for reports. */
  readonly index: number;
  readonly record: Json;
}

interface Indexed {
  readonly byId: Map<string, Json>;
  readonly order: IndexedRecord[];
}

/** Why a record cannot be used, or undefined. */
function recordDefect(id: string | undefined, record: Json): string | undefined {
  if (id === undefined) return 'no id';
  if (!validDldbId.test(id)) return `invalid id "${id.slice(0, 80)}" (lower-case letters, digits, dashes)`;
  if (asText(record.name) === undefined) return 'no name';
  return undefined;
}

/** Records of one file by id; records without a usable id or name, or with a repeated id, are reported. */
function indexRecords(file: string, data: readonly unknown[], skipped: JsonRecordProblem[]): Indexed {
  const byId = new Map<string, Json>();
  const order: IndexedRecord[] = [];
  const firstIndex = new Map<string, number>();
  for (const [index, raw] of data.entries()) {
    const record = asObject(raw);
    if (record === undefined) {
      skipped.push({ file, index, reason: 'not a JSON object' });
      continue;
    }
    const id = asId(record.id);
    const defect = recordDefect(id, record);
    if (defect !== undefined || id === undefined) {
      skipped.push({ file, index, ...(id === undefined ? {} : { id }), reason: defect ?? 'no id' });
      continue;
    }
    const first = firstIndex.get(id);
    if (first !== undefined) {
      skipped.push({ file, index, id, reason: `duplicate id (first as record ${first})` });
      continue;
    }
    firstIndex.set(id, index);
    byId.set(id, record);
    order.push({ id, index, record });
  }
  return { byId, order };
}

function oneLine(text: string): string {
  return clip(text.replace(/\n/g, ' '), maxText);
}

/** Plain text of an HTML string field, within the pack's text length limit. */
function clippedText(value: unknown): string | undefined {
  const text = asText(value);
  return text === undefined ? undefined : clip(text, maxText);
}

function localized(de: string | undefined, en: string | undefined): LocalizedText | undefined {
  if (de === undefined) return undefined;
  return en === undefined ? { de } : { de, en };
}

/** The plain texts of a requirements list: each entry's name, else its description. */
function requirementTexts(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const item = asObject(entry);
    const text = asText(item?.name) ?? asText(item?.description) ?? asText(entry);
    return text === undefined ? [] : [oneLine(text)];
  });
}

interface LinkOutcome {
  readonly url?: string;
  readonly problem?: string;
}

/** An https link from `{ link }`; other links are left out with a reason. */
function httpsLink(value: unknown, field: string): LinkOutcome {
  const link = asObject(value)?.link;
  if (typeof link !== 'string' || link.trim() === '') return {};
  const url = link.trim();
  if (!/^https:\/\/[^\s]+$/.test(url)) return { problem: `${field} "${url.slice(0, 100)}" is not an https:// address, left out` };
  if (url.length > maxUrl) return { problem: `${field} is longer than ${maxUrl} characters, left out` };
  return { url };
}

function parseEnvelope(file: string, json: unknown): { data: unknown[] } | { error: string } {
  const parsed = envelopeSchema.safeParse(json);
  return parsed.success ? { data: parsed.data.data } : { error: `${file}: not a DLDB export (expected an object with a "data" list)` };
}

/** Imports the parsed files of a DLDB export; unusable records are skipped and reported. */
export function importDldb(input: DldbInput): ImportOutcome {
  const envelopes: Partial<Record<keyof typeof dldbFiles, unknown[]>> = {};
  for (const key of Object.keys(dldbFiles) as (keyof typeof dldbFiles)[]) {
    if (input[key] === undefined) continue;
    const envelope = parseEnvelope(dldbFiles[key], input[key]);
    if ('error' in envelope) return { ok: false, error: envelope.error };
    envelopes[key] = envelope.data;
  }
  const skipped: JsonRecordProblem[] = [];
  const notes: JsonRecordProblem[] = [];
  const remarks: string[] = [];
  const servicesDe = indexRecords(dldbFiles.servicesDe, envelopes.servicesDe ?? [], skipped);
  const servicesEn = indexRecords(dldbFiles.servicesEn, envelopes.servicesEn ?? [], skipped);
  const topicsDe = indexRecords(dldbFiles.topicsDe, envelopes.topicsDe ?? [], skipped);
  const topicsEn = indexRecords(dldbFiles.topicsEn, envelopes.topicsEn ?? [], skipped);
  for (const key of ['servicesEn', 'topicsDe', 'topicsEn'] as const) {
    if (envelopes[key] === undefined) remarks.push(`${dldbFiles[key]} not found: imported without it`);
  }
  reportOrphans(dldbFiles.servicesEn, servicesEn, servicesDe, skipped);
  reportOrphans(dldbFiles.topicsEn, topicsEn, topicsDe, skipped);

  // Which topics list a service (the topic file holds the relation, not the service file).
  const topicsOfService = new Map<string, string[]>();
  for (const { id: topicId, record } of topicsDe.order) {
    const listed = asObject(record.relation)?.services;
    if (!Array.isArray(listed)) continue;
    for (const entry of listed) {
      const serviceId = asId(asObject(entry)?.id);
      if (serviceId === undefined) continue;
      topicsOfService.set(serviceId, [...(topicsOfService.get(serviceId) ?? []), topicId]);
    }
  }

  const services: Service[] = [];
  const usedTopics = new Set<string>();
  for (const { id, index, record } of servicesDe.order) {
    const note = (reason: string): void => {
      notes.push({ file: dldbFiles.servicesDe, index, id, reason });
    };
    const english = servicesEn.byId.get(id);
    const en = english !== undefined && isEnglish(english) ? english : undefined;

    const service: Service = {
      id: `dldb-${id}`,
      name: { de: oneLine(asText(record.name) ?? ''), ...(en === undefined ? {} : { en: oneLine(asText(en.name) ?? '') }) },
      topics: [],
      local: false,
    };
    const leika = asId(record.leika);
    if (leika !== undefined) {
      if (/^\d{14}$/.test(leika)) service.leikaKey = leika;
      else note(`leika "${leika.slice(0, 40)}" is not 14 digits, left out`);
    }
    const fees = localized(clippedText(record.fees), en === undefined ? undefined : clippedText(en.fees));
    if (fees !== undefined) service.fees = fees;
    const bringDe = requirementTexts(record.requirements);
    const bringEn = en === undefined ? [] : requirementTexts(en.requirements);
    if (bringDe.length > maxBring) note(`${bringDe.length} requirements, only the first ${maxBring} kept`);
    // English requirements only pair up with German ones when both lists have the same entries.
    const pairEnglish = bringEn.length === bringDe.length;
    if (bringDe.length > 0)
      service.bring = bringDe.slice(0, maxBring).map((de, at) => ({ de, ...(pairEnglish && bringEn[at] !== undefined ? { en: bringEn[at] } : {}) }));
    const online = httpsLink(record.onlineprocessing, 'onlineprocessing.link');
    if (online.url !== undefined) service.onlineUrl = online.url;
    if (online.problem !== undefined) note(online.problem);
    const appointment = httpsLink(record.appointment, 'appointment.link');
    if (appointment.url !== undefined) service.appointmentUrl = appointment.url;
    if (appointment.problem !== undefined) note(appointment.problem);

    const rootTopic = asId(asObject(record.relation)?.root_topic);
    const topicIds = [...new Set([...(rootTopic === undefined ? [] : [rootTopic]), ...(topicsOfService.get(id) ?? [])])];
    const known = topicIds.filter((topicId) => topicsDe.byId.has(topicId));
    if (rootTopic !== undefined && !topicsDe.byId.has(rootTopic) && envelopes.topicsDe !== undefined)
      note(`root topic ${rootTopic} is not in ${dldbFiles.topicsDe}`);
    if (known.length > maxTopics) note(`${known.length} topics, only the first ${maxTopics} kept`);
    service.topics = known.slice(0, maxTopics).map((topicId) => `dldb-topic-${topicId}`);
    for (const topicId of known.slice(0, maxTopics)) usedTopics.add(topicId);
    services.push(service);
  }

  const topics: Topic[] = [];
  for (const { id, index, record } of topicsDe.order) {
    if (!usedTopics.has(id)) {
      // An empty topic would be a tile that leads nowhere.
      skipped.push({ file: dldbFiles.topicsDe, index, id, reason: 'no imported service belongs to it' });
      continue;
    }
    const english = topicsEn.byId.get(id);
    const en = english !== undefined && isEnglish(english) ? asText(english.name) : undefined;
    topics.push({
      id: `dldb-topic-${id}`,
      name: { de: oneLine(asText(record.name) ?? ''), ...(en === undefined ? {} : { en: oneLine(en) }) },
      kind: 'topic',
      // DLDB's main navigation topics are the natural start tiles.
      featured: asObject(record.relation)?.navi === '1',
    });
  }
  return { ok: true, result: { services, topics, skipped, notes, remarks } };
}

/** Translation records without a German record are not imported: say so. */
function reportOrphans(file: string, translated: Indexed, german: Indexed, skipped: JsonRecordProblem[]): void {
  for (const { id, index } of translated.order) {
    if (!german.byId.has(id)) skipped.push({ file, index, id, reason: 'no German record with this id' });
  }
}

type JsonRead = { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly error: string };

async function readJson(path: string, file: string, required: boolean): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' && !required) return { ok: true, json: undefined };
    if (code === 'ENOENT') return { ok: false, error: `no ${file} in the folder` };
    return { ok: false, error: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: `${file}: invalid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Reads and imports a folder holding a DLDB export. */
export async function importDldbFolder(dir: string): Promise<ImportOutcome> {
  try {
    if (!(await stat(dir)).isDirectory()) return { ok: false, error: `${dir} is not a folder` };
  } catch {
    return { ok: false, error: `no such folder: ${dir}` };
  }
  const input: Record<string, unknown> = {};
  for (const [key, file] of Object.entries(dldbFiles)) {
    const read = await readJson(join(dir, file), file, file === dldbFiles.servicesDe);
    if (!read.ok) return { ok: false, error: `${dir}: ${read.error}` };
    input[key] = read.json;
  }
  return importDldb({ servicesDe: input.servicesDe, servicesEn: input.servicesEn, topicsDe: input.topicsDe, topicsEn: input.topicsEn });
}
