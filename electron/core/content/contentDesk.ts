import type { ContentPack, Service } from '#shared/content/contentPack';
import type { ContentHome, ServiceDetail, ServiceSummary } from '#shared/contract/contentContract';
import type { UiLanguage } from '#shared/i18n/languages';
import { fail, ok, type Result } from '#shared/result';
import { isOpen, nextOpening } from '../queue/openingHours';
import type { ContentService } from './contentService';
import { localize, localizeOptional } from './localize';
import { createServiceSearch, type ServiceSearch } from './search/serviceSearch';

/** What the information terminal's screens ask for, answered from the content pack in use. */
export interface ContentDesk {
  home(language: UiLanguage): ContentHome;
  topic(topicId: string, language: UiLanguage): Result<{ name: ServiceDetail['name']; services: ServiceSummary[] }>;
  search(query: string, language: UiLanguage): Result<{ hits: ServiceSummary[] }>;
  service(serviceId: string, language: UiLanguage): Result<ServiceDetail>;
  pack(): ContentPack | null;
}

/** Per pack: lookups by id and the search index (rebuilt only when the pack changes). */
interface Prepared {
  readonly pack: ContentPack;
  readonly services: ReadonlyMap<string, Service>;
  /** The index, built on first use (or in the background, see below). */
  search(): ServiceSearch;
}

const maxHits = 12;

function prepare(pack: ContentPack, languages: readonly UiLanguage[]): Prepared {
  let index: ServiceSearch | null = null;
  return {
    pack,
    services: new Map(pack.services.map((s) => [s.id, s])),
    search: () => (index ??= createServiceSearch(pack.services, pack.topics, { languages })),
  };
}

/** Answers the content channels; follows the content service's reloads. */
export function createContentDesk(content: ContentService, options: { readonly now: () => Date; readonly languages: readonly UiLanguage[] }): ContentDesk {
  let prepared: Prepared | null = null;
  const current = (): Prepared | null => {
    const pack = content.current();
    if (pack === null) return null;
    if (prepared?.pack !== pack) prepared = prepare(pack, options.languages);
    return prepared;
  };
  // The index takes about half a second to build over the whole catalogue: not when the first
  // citizen types, and not in the way of the start either. It is built in the next turn of the
  // event loop, while the host waits for its browser window, and after every reload.
  const buildSoon = (): void => {
    setTimeout(() => {
      current()?.search();
    }, 0).unref();
  };
  buildSoon();
  content.onChange(buildSoon);

  const summary = (p: Prepared, service: Service, language: UiLanguage): ServiceSummary => {
    const topic = service.topics.map((id) => p.pack.topics.find((t) => t.id === id)).find((t) => t !== undefined);
    return { id: service.id, name: localize(service.name, language), local: service.local, topic: topic ? localize(topic.name, language) : null };
  };

  return {
    home: (language) => {
      const p = current();
      if (!p) return { available: false, sampleData: false, topics: [], opening: { open: false, nextOpening: null }, queue: [] };
      const now = options.now();
      const open = isOpen(p.pack.openingHours, now);
      return {
        available: true,
        sampleData: p.pack.manifest.sampleData,
        topics: p.pack.topics.filter((t) => t.featured).map((t) => ({ id: t.id, name: localize(t.name, language) })),
        opening: { open, nextOpening: open ? null : (nextOpening(p.pack.openingHours, now)?.toISOString() ?? null) },
        queue: p.pack.queueCategories.map((c) => ({ id: c.id, prefix: c.prefix, name: localize(c.name, language), note: localizeOptional(c.note, language) })),
      };
    },
    topic: (topicId, language) => {
      const p = current();
      if (!p) return fail('unavailable', 'no content pack');
      const topic = p.pack.topics.find((t) => t.id === topicId);
      if (!topic) return fail('not-found', 'no such topic');
      const services = p.pack.services.filter((s) => s.topics.includes(topicId));
      // The Bürgerservice's own services first, then by name in the citizen's language.
      services.sort((a, b) => Number(b.local) - Number(a.local) || localize(a.name, language).text.localeCompare(localize(b.name, language).text, language));
      return ok({ name: localize(topic.name, language), services: services.slice(0, 1000).map((s) => summary(p, s, language)) });
    },
    search: (query, language) => {
      const p = current();
      if (!p) return fail('unavailable', 'no content pack');
      const hits = p.search().search(query, { language, limit: maxHits });
      return ok({
        hits: hits.flatMap((hit) => {
          const service = p.services.get(hit.id);
          return service ? [summary(p, service, language)] : [];
        }),
      });
    },
    service: (serviceId, language) => {
      const p = current();
      if (!p) return fail('unavailable', 'no content pack');
      const service = p.services.get(serviceId);
      if (!service) return fail('not-found', 'no such service');
      const { location } = p.pack;
      const room = service.room === undefined ? undefined : location.rooms.find((r) => r.id === service.room);
      const floor = room ? location.floors.find((f) => f.id === room.floor) : undefined;
      const hereFloor = location.floors.find((f) => f.id === location.terminal.floor);
      const plan = floor ? p.pack.plans[floor.plan] : undefined;
      const department = service.department === undefined ? undefined : p.pack.departments.find((d) => d.id === service.department);
      return ok({
        id: service.id,
        name: localize(service.name, language),
        local: service.local,
        summary: localizeOptional(service.summary, language),
        bring: (service.bring ?? []).map((item) => localize(item, language)),
        fees: localizeOptional(service.fees, language),
        durationMinutes: service.durationMinutes ?? null,
        appointment: service.appointment ?? null,
        onlineUrl: service.onlineUrl ?? null,
        appointmentUrl: service.appointmentUrl ?? null,
        department: department ? localize(department.name, language) : null,
        advice: localizeOptional(service.advice, language),
        place:
          room && floor && plan !== undefined && hereFloor
            ? {
                room: { number: room.number, name: localize(room.name, language), directions: localize(room.directions, language), at: room.at },
                floor: { id: floor.id, name: localize(floor.name, language), level: floor.level },
                plan: { svg: plan, width: floor.size.width, height: floor.size.height },
                here: location.terminal.floor === floor.id ? location.terminal.at : null,
                hereFloor: localize(hereFloor.name, language),
              }
            : null,
      });
    },
    pack: () => current()?.pack ?? null,
  };
}
