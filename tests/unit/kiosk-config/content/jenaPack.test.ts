import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  departmentsFileSchema,
  locationFileSchema,
  openingHoursFileSchema,
  packManifestSchema,
  queueFileSchema,
  servicesFileSchema,
  topicsFileSchema,
} from '#shared/content/contentPack';
import { uiLanguages } from '#shared/i18n/languages';
import { findAppRoot } from '#tests/support/appRoot';

/**
 * The Jena content pack (kiosk-config/content/jena): every file against its schema, every
 * reference between the files, the floor plans' safety, the holiday dates and the Leichte Sprache
 * rules. The catalogue files (catalogue/…) are generated separately; they are checked when present.
 */
const packDir = join(findAppRoot(import.meta.dirname), 'kiosk-config', 'content', 'jena');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(packDir, file), 'utf8'));
const catalogueFile = (file: string) => file.startsWith('catalogue/');

const manifest = packManifestSchema.parse(readJson('pack.json'));
const presentFiles = (files: readonly string[]) =>
  files.filter((file) => {
    if (existsSync(join(packDir, file))) return true;
    if (!catalogueFile(file)) throw new Error(`${file} is listed in pack.json but missing`);
    return false;
  });
const services = presentFiles(manifest.files.services).flatMap((file) => servicesFileSchema.parse(readJson(file)).services);
const topics = presentFiles(manifest.files.topics).flatMap((file) => topicsFileSchema.parse(readJson(file)).topics);
const ownServices = servicesFileSchema.parse(readJson('services.json')).services;
const ownTopics = topicsFileSchema.parse(readJson('topics.json')).topics;
const departments = departmentsFileSchema.parse(readJson(manifest.files.departments)).departments;
const location = locationFileSchema.parse(readJson(manifest.files.location));
const openingHours = openingHoursFileSchema.parse(readJson(manifest.files.openingHours));
const queue = queueFileSchema.parse(readJson(manifest.files.queue));

const duplicates = (values: readonly string[]) => values.filter((value, index) => values.indexOf(value) !== index);

/** Easter Sunday (Gregorian calendar, anonymous algorithm), as YYYY-MM-DD. */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

describe('Jena content pack', () => {
  it('has a manifest that marks the texts as sample data and credits the data sources', () => {
    expect(manifest.id).toBe('jena');
    expect(manifest.sampleData).toBe(true);
    const attribution = manifest.attribution.join('\n');
    expect(attribution).toContain('kdn-nrw/OZG-Datenbank-NRW');
    expect(attribution).toContain('MIT');
    expect(attribution).toContain('Gert Hammes');
    expect(attribution).toContain('defgsus/office-schedule-data');
    expect(attribution).toMatch(/verified by the City of Jena/);
  });

  it('has unique ids for services, topics, departments, floors, rooms and queue categories', () => {
    expect(duplicates(services.map((service) => service.id))).toEqual([]);
    expect(duplicates(topics.map((topic) => topic.id))).toEqual([]);
    expect(duplicates(departments.map((department) => department.id))).toEqual([]);
    expect(duplicates(location.floors.map((floor) => floor.id))).toEqual([]);
    expect(duplicates(location.rooms.map((room) => room.id))).toEqual([]);
    expect(duplicates(location.rooms.map((room) => room.number))).toEqual([]);
    expect(duplicates(queue.categories.map((category) => category.id))).toEqual([]);
    expect(duplicates(queue.categories.map((category) => category.prefix))).toEqual([]);
  });

  it('refers only to topics, departments and rooms that exist', () => {
    const topicIds = new Set(topics.map((topic) => topic.id));
    const departmentIds = new Set(departments.map((department) => department.id));
    const roomIds = new Set(location.rooms.map((room) => room.id));
    for (const service of services) {
      for (const topic of service.topics) expect(topicIds.has(topic), `${service.id}: topic ${topic}`).toBe(true);
      if (service.department) expect(departmentIds.has(service.department), `${service.id}: department ${service.department}`).toBe(true);
      if (service.room) expect(roomIds.has(service.room), `${service.id}: room ${service.room}`).toBe(true);
    }
  });

  it('describes every local service fully: names in German and English, summary, checklist, fees, room', () => {
    expect(ownServices.length).toBeGreaterThanOrEqual(38);
    for (const service of ownServices) {
      expect(service.local, service.id).toBe(true);
      expect(service.name.en, service.id).toBeTruthy();
      expect(service.summary?.en, service.id).toBeTruthy();
      expect(service.bring?.length, service.id).toBeGreaterThan(0);
      for (const item of service.bring ?? []) expect(item.en, service.id).toBeTruthy();
      expect(service.fees?.en, service.id).toBeTruthy();
      expect(service.department, service.id).toBeTruthy();
      expect(service.room, service.id).toBeTruthy();
      expect(service.synonyms?.de?.length, service.id).toBeGreaterThan(0);
    }
  });

  it('uses only LeiKa keys that the imported catalogue knows (when the catalogue is there)', () => {
    const catalogue = 'catalogue/leika-services.json';
    if (!existsSync(join(packDir, catalogue))) return;
    const known = new Set(servicesFileSchema.parse(readJson(catalogue)).services.map((service) => service.leikaKey));
    for (const service of ownServices) if (service.leikaKey) expect(known.has(service.leikaKey), `${service.id}: ${service.leikaKey}`).toBe(true);
  });

  it('names the most used services in the community languages', () => {
    const translated = ownServices.filter((service) => (['ar', 'uk', 'ru', 'tr', 'fa'] as const).every((language) => service.name[language]));
    expect(translated.length).toBeGreaterThanOrEqual(12);
    for (const id of ['personalausweis-ab-16', 'reisepass-ab-18', 'anmeldung-hauptwohnung', 'umzug-innerhalb-jena', 'fuehrerschein-umtausch-ausland']) {
      expect(translated.map((service) => service.id)).toContain(id);
    }
  });

  it('names the featured topics and the queue categories in every UI language', () => {
    const featured = ownTopics.filter((topic) => topic.featured);
    expect(featured.length).toBeGreaterThanOrEqual(8);
    for (const topic of featured) for (const language of uiLanguages) expect(topic.name[language], `${topic.id} ${language}`).toBeTruthy();
    for (const category of queue.categories) {
      for (const language of uiLanguages) expect(category.name[language], `${category.id} ${language}`).toBeTruthy();
      expect(category.note?.en, category.id).toBeTruthy();
    }
  });

  it('places every room and the terminal on an existing floor, inside its plan', () => {
    const floors = new Map(location.floors.map((floor) => [floor.id, floor]));
    for (const room of location.rooms) {
      const floor = floors.get(room.floor);
      expect(floor, `${room.id}: floor ${room.floor}`).toBeDefined();
      expect(room.at.x, room.id).toBeLessThanOrEqual(floor?.size.width ?? 0);
      expect(room.at.y, room.id).toBeLessThanOrEqual(floor?.size.height ?? 0);
      for (const language of ['de', 'en', 'de-x-ls'] as const) expect(room.directions[language], `${room.id} ${language}`).toBeTruthy();
    }
    const terminalFloor = floors.get(location.terminal.floor);
    expect(terminalFloor).toBeDefined();
    expect(location.terminal.at.x).toBeLessThanOrEqual(terminalFloor?.size.width ?? 0);
    expect(location.terminal.at.y).toBeLessThanOrEqual(terminalFloor?.size.height ?? 0);
  });

  it('has floor plans that exist, match their size and hold only plain shapes and text', () => {
    for (const floor of location.floors) {
      const file = join(packDir, floor.plan);
      expect(existsSync(file), floor.plan).toBe(true);
      const svg = readFileSync(file, 'utf8');
      expect(svg, floor.plan).toMatch(/^<svg[\s>]/);
      expect(svg, floor.plan).toContain(`viewBox="0 0 ${floor.size.width} ${floor.size.height}"`);
      expect(svg, floor.plan).not.toMatch(/<script/i);
      expect(svg, floor.plan).not.toMatch(/<foreignObject/i);
      expect(svg, floor.plan).not.toMatch(/<(image|use|a|iframe|object|embed|style)[\s>/]/i);
      expect(svg, floor.plan).not.toMatch(/\son[a-z]+\s*=/i);
      expect(svg, floor.plan).not.toMatch(/href\s*=/i);
      expect(svg, floor.plan).not.toMatch(/url\(|@import|javascript:/i);
      expect(svg, floor.plan).toContain('<title');
      for (const room of location.rooms.filter((r) => r.floor === floor.id)) expect(svg, `${floor.plan}: ${room.number}`).toContain(`>${room.number}<`);
    }
  });

  it('lists the Thuringian public holidays of 2026 and 2027 on the right dates', () => {
    const holidays = new Map(openingHours.holidays.map((holiday) => [holiday.date, holiday.name.de]));
    expect(duplicates(openingHours.holidays.map((holiday) => holiday.date))).toEqual([]);
    for (const year of [2026, 2027]) {
      const easter = easterSunday(year);
      const expected: Record<string, string> = {
        [`${year}-01-01`]: 'Neujahr',
        [isoDate(plusDays(easter, -2))]: 'Karfreitag',
        [isoDate(plusDays(easter, 1))]: 'Ostermontag',
        [`${year}-05-01`]: 'Tag der Arbeit',
        [isoDate(plusDays(easter, 39))]: 'Christi Himmelfahrt',
        [isoDate(plusDays(easter, 50))]: 'Pfingstmontag',
        [`${year}-09-20`]: 'Weltkindertag',
        [`${year}-10-03`]: 'Tag der Deutschen Einheit',
        [`${year}-10-31`]: 'Reformationstag',
        [`${year}-12-25`]: '1. Weihnachtsfeiertag',
        [`${year}-12-26`]: '2. Weihnachtsfeiertag',
      };
      for (const [date, name] of Object.entries(expected)) expect(holidays.get(date), date).toBe(name);
    }
    expect(isoDate(easterSunday(2026))).toBe('2026-04-05');
    expect(isoDate(easterSunday(2027))).toBe('2027-03-28');
    expect(holidays.size).toBe(22);
    for (const exception of openingHours.exceptions) expect(holidays.has(exception.date), exception.date).toBe(false);
  });

  it('has opening hours whose ranges end after they start', () => {
    const ranges = [...Object.values(openingHours.weekly).flat(), ...openingHours.exceptions.flatMap((exception) => exception.hours)];
    for (const range of ranges) expect(range.from < range.to, `${range.from}–${range.to}`).toBe(true);
  });

  it('keeps Leichte Sprache sentences short (at most 15 words)', () => {
    const texts = [
      ...location.rooms.map((room) => room.directions['de-x-ls']),
      ...ownTopics.map((topic) => topic.name['de-x-ls']),
      ...queue.categories.map((category) => category.name['de-x-ls']),
    ].filter((text): text is string => text !== undefined);
    for (const text of texts) {
      for (const sentence of text.split(/(?<=[.!?])\s+/)) {
        expect(sentence.split(/\s+/).filter(Boolean).length, sentence).toBeLessThanOrEqual(15);
      }
    }
  });
});
