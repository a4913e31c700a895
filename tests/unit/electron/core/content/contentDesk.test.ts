import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createKioskCore } from '#core/app/kioskCore';
import { createContentDesk, type ContentDesk } from '#core/content/contentDesk';
import type { ContentPack } from '#shared/content/contentPack';
import { contentRequestChannels, type ServiceDetail } from '#shared/contract/contentContract';
import { uiLanguages } from '#shared/i18n/languages';
import type { Result } from '#shared/result';
import { fixedContent, loadJenaPack } from '#tests/unit/support/contentFakes';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';
import { testConfig } from '#tests/unit/support/testConfig';

/** The content channels' answers on the real Jena pack. */

// Monday 16 March 2026, 10:00 in Berlin: open (Mon 08:00–18:00).
const mondayMorning = new Date('2026-03-16T10:00:00+01:00');
// Saturday 21 March 2026: closed; the next opening is Monday 08:00.
const saturday = new Date('2026-03-21T10:00:00+01:00');

let pack: ContentPack;
let onMonday: ContentDesk;
beforeAll(async () => {
  pack = await loadJenaPack();
  onMonday = createContentDesk(fixedContent(pack), { now: () => mondayMorning, languages: [...uiLanguages] });
});

/** The desk on Monday morning (its search index is built once), or at another time. */
function desk(now = mondayMorning): ContentDesk {
  return now === mondayMorning ? onMonday : createContentDesk(fixedContent(pack), { now: () => now, languages: [...uiLanguages] });
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('content desk on the Jena pack', () => {
  it('home: featured topics, the opening state and the queue categories, matching the contract', () => {
    const home = desk().home('de');
    expect(contentRequestChannels['content.home'].response.safeParse(home).success).toBe(true);
    expect(home.available).toBe(true);
    expect(home.sampleData).toBe(true);
    expect(home.topics.map((t) => t.id)).toContain('ausweise-und-paesse');
    expect(home.topics.map((t) => t.id)).not.toContain('reisen');
    expect(home.opening).toEqual({ open: true, nextOpening: null });
    expect(home.queue.map((c) => `${c.prefix} ${c.id}`)).toEqual(['A ausweise', 'B melden', 'C fahrzeuge', 'D sonstiges']);
    expect(home.queue[0]?.name).toEqual({ text: 'Ausweise und Pässe', lang: 'de' });
  });

  it('home: closed on a Saturday, with the next opening on Monday at 08:00 Berlin time', () => {
    const home = desk(saturday).home('en');
    expect(home.opening).toEqual({ open: false, nextOpening: new Date('2026-03-23T08:00:00+01:00').toISOString() });
    expect(home.queue[0]?.name).toEqual({ text: 'ID cards and passports', lang: 'en' });
  });

  it('topic: the services of a topic, the Bürgerservice’s own first; an unknown topic is not-found', () => {
    const topic = value(desk().topic('ausweise-und-paesse', 'de'));
    expect(contentRequestChannels['content.topic'].response.safeParse(topic).success).toBe(true);
    expect(topic.name.text).toBe('Ausweise und Pässe');
    const ids = topic.services.map((s) => s.id);
    expect(ids).toContain('personalausweis-ab-16');
    const firstNonLocal = topic.services.findIndex((s) => !s.local);
    if (firstNonLocal >= 0) expect(topic.services.slice(firstNonLocal).every((s) => !s.local)).toBe(true);
    expect(desk().topic('no-such-topic', 'de')).toEqual({ ok: false, error: { code: 'not-found', detail: 'no such topic' } });
  });

  it('search: "perso" finds the Personalausweis first; nonsense finds nothing', () => {
    const hits = value(desk().search('perso', 'de')).hits;
    expect(hits[0]?.id).toBe('personalausweis-ab-16');
    expect(hits.length).toBeLessThanOrEqual(12);
    expect(contentRequestChannels['content.search'].response.safeParse({ hits }).success).toBe(true);
    expect(value(desk().search('xqzzyv', 'de')).hits).toEqual([]);
  });

  it('service: the detail with its place, the floor plan and where the terminal stands', () => {
    const detail = value(desk().service('personalausweis-ab-16', 'de'));
    expect(contentRequestChannels['content.service'].response.safeParse(detail).success).toBe(true);
    expect(detail.name).toEqual({ text: 'Personalausweis für Person ab 16 Jahren', lang: 'de' });
    expect(detail.bring.length).toBeGreaterThan(0);
    expect(detail.onlineUrl).toBe('https://www.personalausweisportal.de/');
    const place = detail.place;
    expect(place?.room.number).toBe('E.02');
    expect(place?.floor).toMatchObject({ id: 'eg', level: 0 });
    expect(place?.plan.svg).toMatch(/<svg[\s>]/);
    expect(place?.here).toEqual({ x: 230, y: 470 });
    expect(place?.hereFloor.text).toBe('Erdgeschoss');
  });

  it('service on another floor than the terminal: no "you are here" on its plan', () => {
    const place = value(desk().service('fuehrerschein-ausgabe', 'de')).place;
    expect(place?.floor.id).toBe('og1');
    expect(place?.here).toBeNull();
    expect(place?.hereFloor.text).toBe('Erdgeschoss');
  });

  it('marks texts the pack lacks in the asked language with the language shown instead', () => {
    const detail: ServiceDetail = value(desk().service('personalausweis-ab-16', 'tr'));
    expect(detail.name).toEqual({ text: 'Kimlik kartı (16 yaş ve üzeri)', lang: 'tr' });
    // No Turkish summary: English, marked as such.
    expect(detail.summary?.lang).toBe('en');
    // Leichte Sprache falls back to German, never to English.
    const easy = value(desk().service('personalausweis-ab-16', 'de-x-ls'));
    expect(easy.name.lang).toBe('de');
    expect(easy.bring.every((item) => item.lang === 'de' || item.lang === 'de-x-ls')).toBe(true);
  });

  it('an unknown service is not-found', () => {
    expect(desk().service('no-such-service', 'de')).toEqual({ ok: false, error: { code: 'not-found', detail: 'no such service' } });
  });
});

describe('a core without a content pack', () => {
  it('answers home as unavailable and every other content channel with unavailable', async () => {
    const core = createKioskCore({ config: testConfig(), logger: captureLog().logger, clock: new FakeClock(), reloadUi: vi.fn() });
    const trusted = { trusted: true, description: 'test' };
    try {
      const home = await core.router.handle('content.home', { language: 'de' }, trusted);
      expect(home).toEqual({ ok: true, value: { available: false, sampleData: false, topics: [], opening: { open: false, nextOpening: null }, queue: [] } });
      const calls = [
        core.router.handle('content.topic', { language: 'de', topicId: 'ausweise-und-paesse' }, trusted),
        core.router.handle('content.search', { language: 'de', query: 'perso' }, trusted),
        core.router.handle('content.service', { language: 'de', serviceId: 'personalausweis-ab-16' }, trusted),
      ];
      for (const result of await Promise.all(calls)) expect(!result.ok && result.error.code).toBe('unavailable');
    } finally {
      await core.dispose();
    }
  });
});
