import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import {
  departmentsFileSchema,
  locationFileSchema,
  openingHoursFileSchema,
  packManifestSchema,
  queueFileSchema,
  servicesFileSchema,
  topicsFileSchema,
  type ContentPack,
  type Service,
  type Topic,
} from '#shared/content/contentPack';
import { readJsonFile, type FileProblem } from './jsonFile';

export type PackLoadResult = { readonly ok: true; readonly pack: ContentPack } | { readonly ok: false; readonly problems: readonly FileProblem[] };

const maxJsonBytes = 20_000_000;
const maxPlanBytes = 2_000_000;

/** Plans are shown as images; anything that could run or fetch is refused all the same. */
const unsafeSvg: readonly (readonly [RegExp, string])[] = [
  [/<script/i, 'contains a <script>'],
  [/<foreignObject/i, 'contains a <foreignObject>'],
  [/\son[a-z]+\s*=/i, 'contains an event attribute (on…=)'],
  [/(?:href|src)\s*=\s*["']\s*(?!#)[^"']*:/i, 'links to an outside address'],
  [/<!ENTITY/i, 'declares entities'],
];

function inside(dir: string, file: string): string | null {
  const full = normalize(join(dir, file));
  return full.startsWith(normalize(dir) + sep) ? full : null;
}

/** Checks that every reference between the files points at something that exists. */
function crossCheck(pack: ContentPack): FileProblem[] {
  const problems: FileProblem[] = [];
  const topicIds = new Set(pack.topics.map((t) => t.id));
  const departmentIds = new Set(pack.departments.map((d) => d.id));
  const roomIds = new Set(pack.location.rooms.map((r) => r.id));
  const floorIds = new Set(pack.location.floors.map((f) => f.id));
  pack.services.forEach((service, index) => {
    const at = `services[${String(index)}] (${service.id})`;
    for (const topic of service.topics)
      if (!topicIds.has(topic)) problems.push({ file: 'services', path: `${at}.topics`, message: `unknown topic "${topic}"` });
    if (service.department !== undefined && !departmentIds.has(service.department))
      problems.push({ file: 'services', path: `${at}.department`, message: `unknown department "${service.department}"` });
    if (service.room !== undefined && !roomIds.has(service.room))
      problems.push({ file: 'services', path: `${at}.room`, message: `unknown room "${service.room}"` });
  });
  pack.location.rooms.forEach((room, index) => {
    if (!floorIds.has(room.floor))
      problems.push({ file: pack.manifest.files.location, path: `rooms[${String(index)}].floor`, message: `unknown floor "${room.floor}"` });
  });
  if (!floorIds.has(pack.location.terminal.floor))
    problems.push({ file: pack.manifest.files.location, path: 'terminal.floor', message: `unknown floor "${pack.location.terminal.floor}"` });
  const seen = (values: readonly string[], file: string, path: string): void => {
    const set = new Set<string>();
    for (const value of values) {
      if (set.has(value)) problems.push({ file, path, message: `"${value}" is used twice` });
      set.add(value);
    }
  };
  seen(
    pack.topics.map((t) => t.id),
    'topics',
    'topics[].id',
  );
  seen(
    pack.location.rooms.map((r) => r.id),
    pack.manifest.files.location,
    'rooms[].id',
  );
  seen(
    pack.location.floors.map((f) => f.id),
    pack.manifest.files.location,
    'floors[].id',
  );
  seen(
    pack.queueCategories.map((c) => c.id),
    pack.manifest.files.queue,
    'categories[].id',
  );
  seen(
    pack.queueCategories.map((c) => c.prefix),
    pack.manifest.files.queue,
    'categories[].prefix',
  );
  return problems;
}

/**
 * Services from several files: an id twice is a problem; a catalogue entry whose LeiKa key a
 * local service already has gives way to the local one (the city's own text wins).
 */
function mergeServices(files: readonly { readonly file: string; readonly services: readonly Service[] }[]): { services: Service[]; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const localKeys = new Set(files.flatMap((f) => f.services.filter((s) => s.local && s.leikaKey !== undefined).map((s) => s.leikaKey)));
  const ids = new Set<string>();
  const services: Service[] = [];
  for (const { file, services: list } of files) {
    list.forEach((service, index) => {
      if (ids.has(service.id)) {
        problems.push({ file, path: `services[${String(index)}].id`, message: `service id "${service.id}" is used twice` });
        return;
      }
      if (!service.local && service.leikaKey !== undefined && localKeys.has(service.leikaKey)) return;
      ids.add(service.id);
      services.push(service);
    });
  }
  return { services, problems };
}

/** Loads a content pack folder and checks all of it; either the whole pack or every problem found. Never throws. */
export async function loadContentPack(dir: string): Promise<PackLoadResult> {
  const manifest = await readJsonFile(join(dir, 'pack.json'), 'pack.json', packManifestSchema, 1_000_000);
  if (!manifest.ok) return manifest;
  const { files } = manifest.value;
  const problems: FileProblem[] = [];
  const read = async <T>(
    file: string,
    load: (full: string) => Promise<{ ok: true; value: T } | { ok: false; problems: readonly FileProblem[] }>,
  ): Promise<T | null> => {
    const full = inside(dir, file);
    if (full === null) {
      problems.push({ file: 'pack.json', path: 'files', message: `"${file}" is outside the pack folder` });
      return null;
    }
    const result = await load(full);
    if (!result.ok) {
      problems.push(...result.problems);
      return null;
    }
    return result.value;
  };

  const serviceFiles = await Promise.all(
    files.services.map((file) =>
      read(file, (full) => readJsonFile(full, file, servicesFileSchema, maxJsonBytes)).then((v) => (v ? { file, services: v.services } : null)),
    ),
  );
  const topicFiles = await Promise.all(files.topics.map((file) => read(file, (full) => readJsonFile(full, file, topicsFileSchema, maxJsonBytes))));
  const departments = await read(files.departments, (full) => readJsonFile(full, files.departments, departmentsFileSchema, maxJsonBytes));
  const location = await read(files.location, (full) => readJsonFile(full, files.location, locationFileSchema, maxJsonBytes));
  const hours = await read(files.openingHours, (full) => readJsonFile(full, files.openingHours, openingHoursFileSchema, maxJsonBytes));
  const queue = await read(files.queue, (full) => readJsonFile(full, files.queue, queueFileSchema, maxJsonBytes));

  const plans: Record<string, string> = {};
  for (const floor of location?.floors ?? []) {
    const full = inside(dir, floor.plan);
    if (full === null) {
      problems.push({ file: files.location, path: `floors (${floor.id}).plan`, message: 'is outside the pack folder' });
      continue;
    }
    try {
      const svg = await readFile(full);
      if (svg.length > maxPlanBytes) throw new Error('too large');
      const text = svg.toString('utf8');
      const unsafe = unsafeSvg.find(([pattern]) => pattern.test(text));
      if (!/<svg[\s>]/i.test(text)) problems.push({ file: floor.plan, path: '(file)', message: 'is not an SVG image' });
      else if (unsafe) problems.push({ file: floor.plan, path: '(file)', message: `refused: ${unsafe[1]}` });
      else plans[floor.plan] = text;
    } catch {
      problems.push({ file: floor.plan, path: '(file)', message: 'plan file not found, unreadable or larger than 2 MB' });
    }
  }

  if (problems.length > 0 || serviceFiles.includes(null) || topicFiles.includes(null) || !departments || !location || !hours || !queue)
    return { ok: false, problems };
  const merged = mergeServices(serviceFiles.filter((f) => f !== null));
  const pack: ContentPack = {
    manifest: manifest.value,
    services: merged.services,
    topics: topicFiles.flatMap((f) => (f ? f.topics : ([] as Topic[]))),
    departments: departments.departments,
    location: { building: location.building, floors: location.floors, rooms: location.rooms, terminal: location.terminal },
    plans,
    openingHours: { weekly: hours.weekly, holidays: hours.holidays, exceptions: hours.exceptions },
    queueCategories: queue.categories,
  };
  const all = [...merged.problems, ...crossCheck(pack)];
  return all.length > 0 ? { ok: false, problems: all } : { ok: true, pack };
}
