import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createContentService } from '#core/content/contentService';
import { loadContentPack } from '#core/content/loadContentPack';

const week = { mon: [{ from: '08:00', to: '18:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

/** A small valid pack in a fresh folder; `change` edits one file's JSON text before writing. */
function writePack(change: (files: Record<string, string>) => void = () => undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-pack-'));
  mkdirSync(join(dir, 'plans'));
  const files: Record<string, string> = {
    'pack.json': JSON.stringify(
      {
        formatVersion: 1,
        id: 'test',
        version: 'v1',
        title: { de: 'Test' },
        sampleData: true,
        attribution: ['written for the tests'],
        files: {
          services: ['services.json', 'catalogue.json'],
          topics: ['topics.json'],
          departments: 'departments.json',
          location: 'location.json',
          openingHours: 'hours.json',
          queue: 'queue.json',
        },
      },
      null,
      2,
    ),
    'services.json': JSON.stringify(
      {
        services: [
          {
            id: 'perso',
            leikaKey: '99102013000000',
            name: { de: 'Personalausweis', en: 'ID card' },
            topics: ['ausweise'],
            local: true,
            department: 'buergerservice',
            room: 'e02',
          },
        ],
      },
      null,
      2,
    ),
    'catalogue.json': JSON.stringify(
      {
        services: [
          { id: 'leika-99102013000000', leikaKey: '99102013000000', name: { de: 'Personalausweis beantragen' }, topics: [] },
          { id: 'leika-99012001000000', leikaKey: '99012001000000', name: { de: 'Abbruchgenehmigung' }, topics: [] },
        ],
      },
      null,
      2,
    ),
    'topics.json': JSON.stringify({ topics: [{ id: 'ausweise', name: { de: 'Ausweise' }, kind: 'topic', featured: true }] }, null, 2),
    'departments.json': JSON.stringify({ departments: [{ id: 'buergerservice', name: { de: 'Bürgerservice' } }] }, null, 2),
    'location.json': JSON.stringify(
      {
        building: { name: { de: 'Haus' }, address: 'Am Anger 15' },
        floors: [{ id: 'eg', name: { de: 'Erdgeschoss' }, level: 0, plan: 'plans/eg.svg', size: { width: 100, height: 50 } }],
        rooms: [{ id: 'e02', number: 'E.02', name: { de: 'Schalter' }, floor: 'eg', at: { x: 10, y: 10 }, directions: { de: 'Geradeaus.' } }],
        terminal: { floor: 'eg', at: { x: 50, y: 40 } },
      },
      null,
      2,
    ),
    'hours.json': JSON.stringify({ timeZone: 'Europe/Berlin', weekly: week, holidays: [], exceptions: [] }, null, 2),
    'queue.json': JSON.stringify({ categories: [{ id: 'a', prefix: 'A', name: { de: 'Ausweise' } }] }, null, 2),
    'plans/eg.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><rect width="100" height="50" fill="#eee"/></svg>',
  };
  change(files);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('loading a content pack', () => {
  it('loads a valid pack; a catalogue entry gives way to the local service with the same LeiKa key', async () => {
    const result = await loadContentPack(writePack());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.services.map((s) => s.id)).toEqual(['perso', 'leika-99012001000000']);
    expect(Object.keys(result.pack.plans)).toEqual(['plans/eg.svg']);
  });

  it('reports schema problems with file, JSON path and line', async () => {
    const dir = writePack((files) => {
      files['services.json'] = (files['services.json'] ?? '').replace('"local": true', '"local": "yes"').replace('"ID card"', '"ID card", "xx": "?"');
    });
    const result = await loadContentPack(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(expect.objectContaining({ file: 'services.json', path: 'services[0].local', line: expect.any(Number) as number }));
    expect(result.problems).toContainEqual(
      expect.objectContaining({ file: 'services.json', path: 'services[0].name.xx', message: 'unknown key (is it misspelt?)' }),
    );
    const localLine =
      readFileSync(join(dir, 'services.json'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"local"')) + 1;
    expect(result.problems.find((p) => p.path === 'services[0].local')?.line).toBe(localLine);
  });

  it('reports broken JSON with its line, and missing files', async () => {
    const result = await loadContentPack(
      writePack((files) => {
        files['topics.json'] = '{\n  "topics": [\n    { "id": "a", }\n  ]\n}';
        delete files['queue.json'];
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(expect.objectContaining({ file: 'topics.json', line: 3 }));
    expect(result.problems).toContainEqual(expect.objectContaining({ file: 'queue.json', message: 'file not found' }));
  });

  it('checks references between files', async () => {
    const result = await loadContentPack(
      writePack((files) => {
        files['services.json'] = (files['services.json'] ?? '').replace('"ausweise"', '"nope"').replace('"e02"', '"e99"');
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message)).toEqual(expect.arrayContaining(['unknown topic "nope"', 'unknown room "e99"']));
  });

  it('refuses plans that could run code or fetch, and files outside the pack', async () => {
    for (const svg of [
      '<svg><script>alert(1)</script></svg>',
      '<svg onload="x()"></svg>',
      '<svg><image href="https://example.org/x.png"/></svg>',
      '<svg><foreignObject/></svg>',
    ]) {
      const result = await loadContentPack(writePack((files) => (files['plans/eg.svg'] = svg)));
      expect(result.ok, svg).toBe(false);
    }
    const outside = await loadContentPack(writePack((files) => (files['pack.json'] = (files['pack.json'] ?? '').replace('"queue.json"', '"../queue.json"'))));
    expect(outside.ok).toBe(false);
  });
});

describe('content service', () => {
  const logger = pino({ level: 'silent' });

  it('keeps the last good pack when an edit is invalid, tells staff, and takes the next good edit', async () => {
    const dir = writePack();
    const content = await createContentService({ dir, logger, debounceMs: 50 });
    try {
      expect(content.status()).toMatchObject({ state: 'ok', version: 'v1' });
      const seen: string[] = [];
      content.onChange((status) => seen.push(status.state));
      writeFileSync(join(dir, 'queue.json'), '{ "categories": [] }');
      await expect.poll(() => content.status().state, { timeout: 5000 }).toBe('kept');
      expect(content.current()?.manifest.version).toBe('v1');
      expect(content.status().problems[0]).toMatchObject({ file: 'queue.json', path: 'categories' });
      const manifest = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8')) as { version: string };
      writeFileSync(join(dir, 'queue.json'), JSON.stringify({ categories: [{ id: 'b', prefix: 'B', name: { de: 'Melden' } }] }));
      writeFileSync(join(dir, 'pack.json'), JSON.stringify({ ...manifest, version: 'v2' }));
      await expect.poll(() => content.status(), { timeout: 5000 }).toMatchObject({ state: 'ok', version: 'v2' });
      expect(content.current()?.queueCategories[0]?.id).toBe('b');
      expect(seen).toContain('kept');
    } finally {
      content.close();
    }
  });

  it('starts without a pack when none is valid, and says so', async () => {
    const content = await createContentService({ dir: join(tmpdir(), 'no-such-pack-folder'), logger, watch: false });
    expect(content.current()).toBeNull();
    expect(content.status()).toMatchObject({ state: 'missing', version: null });
    content.close();
  });
});
