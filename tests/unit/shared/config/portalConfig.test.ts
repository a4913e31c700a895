import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskConfigSchema, resolveConfig } from '#shared/config/kioskConfig';
import { portalConfigSchema, portalTileSchema, resolvePortalConfig } from '#shared/config/portalConfig';
import { findAppRoot } from '#tests/support/appRoot';

function tile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'jena-online-services',
    label: { de: 'Online-Dienste der Stadt Jena', en: 'City of Jena online services' },
    icon: 'document',
    startUrl: 'https://service.jena.de/de/start',
    origins: ['https://service.jena.de', 'https://id.bund.de'],
    ...overrides,
  };
}

/** The problems zod reports for a tile, as "path: message". */
function tileProblems(overrides: Record<string, unknown>): string[] {
  const result = portalTileSchema.safeParse(tile(overrides));
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

function config(role: 'info' | 'workstation', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    formatVersion: 1,
    terminal: { id: 'workstation-1', name: 'SB-Arbeitsplatz 1', role, site: 'Bürgerservice Jena' },
    languages: { default: 'de', offered: ['de', 'en'] },
    ...extra,
  };
}

describe('portal tile: valid tiles', () => {
  it('accepts a tile and fills in the defaults', () => {
    const parsed = portalTileSchema.parse(tile());
    expect(parsed).toMatchObject({ permissions: [], printPdfs: true });
    expect(parsed.uploadFolder).toBeUndefined();
  });

  it('accepts every option', () => {
    expect(tileProblems({ permissions: ['camera', 'microphone'], printPdfs: false, uploadFolder: '/srv/kiosk/scans', icon: 'id-card' })).toEqual([]);
  });

  it('accepts a local test portal on 127.0.0.1 or localhost over plain http, with a port', () => {
    expect(tileProblems({ startUrl: 'http://127.0.0.1:4711/portal/', origins: ['http://127.0.0.1:4711'] })).toEqual([]);
    expect(tileProblems({ startUrl: 'http://localhost:8080/', origins: ['http://localhost:8080'] })).toEqual([]);
  });

  it('accepts a non-default port and punycode hosts', () => {
    expect(tileProblems({ startUrl: 'https://pay.example.de:8443/', origins: ['https://pay.example.de:8443'] })).toEqual([]);
    expect(tileProblems({ startUrl: 'https://xn--mnchen-3ya.de/', origins: ['https://xn--mnchen-3ya.de'] })).toEqual([]);
  });

  it('accepts a start URL written differently from its origin (case, default port, IDN)', () => {
    expect(tileProblems({ startUrl: 'https://SERVICE.jena.de:443/x' })).toEqual([]);
    expect(tileProblems({ startUrl: 'https://münchen.de/', origins: ['https://xn--mnchen-3ya.de'] })).toEqual([]);
  });
});

describe('portal tile: start URL', () => {
  it.each([
    ['plain http to the internet', 'http://service.jena.de/', /https/],
    ['plain http to another private address', 'http://192.168.1.10:8080/', /https/],
    ['plain http to loopback without a port', 'http://127.0.0.1/', /port/],
    ['ftp', 'ftp://service.jena.de/', /https/],
    ['javascript:', 'javascript:alert(1)', /https/],
    ['data:', 'data:text/html,x', /https/],
    ['file:', 'file:///srv/portal/index.html', /https/],
    ['no address at all', 'service.jena.de', /full web address/],
    ['user info', 'https://user:pw@service.jena.de/', /user name or password/],
    ['a trailing dot', 'https://service.jena.de./', /dot/],
    ['the eID client', 'http://127.0.0.1:24727/eID-Client', /eID/],
  ])('refuses %s', (_label, startUrl, message) => {
    const problems = tileProblems({ startUrl });
    expect(problems[0]).toMatch(/^startUrl: /);
    expect(problems[0]).toMatch(message);
  });

  it('refuses a start URL whose origin is not listed, naming the missing origin', () => {
    expect(tileProblems({ startUrl: 'https://www.jena.de/' })).toEqual(['origins: must include the start URL\'s origin "https://www.jena.de"']);
    expect(tileProblems({ startUrl: 'https://service.jena.de:8443/' })).toEqual([
      'origins: must include the start URL\'s origin "https://service.jena.de:8443"',
    ]);
  });

  it('says in the schema description that only loopback may use plain http', () => {
    expect(portalTileSchema.shape.startUrl.description).toMatch(/https:\/\/.*127\.0\.0\.1:<port>.*localhost:<port>/);
  });
});

describe('portal tile: origins', () => {
  it.each([
    ['a path', 'https://id.bund.de/login', /write "https:\/\/id\.bund\.de"/],
    ['a trailing slash', 'https://id.bund.de/', /write "https:\/\/id\.bund\.de"/],
    ['a query', 'https://id.bund.de?x=1', /write "https:\/\/id\.bund\.de"/],
    ['upper case', 'https://ID.bund.de', /write "https:\/\/id\.bund\.de"/],
    ['the default port', 'https://id.bund.de:443', /write "https:\/\/id\.bund\.de"/],
    ['a non-punycode IDN', 'https://münchen.de', /write "https:\/\/xn--mnchen-3ya\.de"/],
    ['a wildcard', 'https://*.bund.de', /no wildcards/],
    ['a bare host', 'id.bund.de', /origin such as/],
    ['plain http', 'http://id.bund.de', /https/],
    ['user info', 'https://user@id.bund.de', /user name/],
    ['a trailing dot', 'https://id.bund.de.', /dot/],
    ['the eID client', 'http://127.0.0.1:24727', /eID/],
  ])('refuses an origin with %s', (_label, origin, message) => {
    const problems = tileProblems({ origins: ['https://service.jena.de', origin] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^origins\.1: /);
    expect(problems[0]).toMatch(message);
  });

  it('refuses an origin listed twice', () => {
    expect(tileProblems({ origins: ['https://service.jena.de', 'https://id.bund.de', 'https://service.jena.de'] })).toEqual([
      'origins.2: lists "https://service.jena.de" twice',
    ]);
  });

  it('refuses an empty list', () => {
    expect(tileProblems({ origins: [] })[0]).toMatch(/^origins: /);
  });
});

describe('portal tile: other fields', () => {
  it.each([
    ['an id with capitals', { id: 'Jena' }, /^id: must be lower-case/],
    ['an id with spaces', { id: 'jena portal' }, /^id: /],
    ['a label without German', { label: { en: 'Jena' } }, /^label\.de: /],
    ['a label in an unknown language', { label: { de: 'Jena', xx: 'Jena' } }, /^label: /],
    ['a label too long for a tile', { label: { de: 'x'.repeat(61) } }, /^label\.de: is too long/],
    ['an unknown icon', { icon: 'rocket' }, /^icon: /],
    ['an unknown permission', { permissions: ['geolocation'] }, /^permissions\.0: /],
    ['a permission listed twice', { permissions: ['camera', 'camera'] }, /^permissions: lists a permission twice/],
    ['a relative upload folder', { uploadFolder: 'scans' }, /^uploadFolder: must be an absolute path/],
    ['an upload folder with ..', { uploadFolder: '/srv/kiosk/../../etc' }, /^uploadFolder: must not contain/],
    ['printPdfs not a boolean', { printPdfs: 'yes' }, /^printPdfs: /],
    ['an unknown key', { colour: 'blue' }, /Unrecognized key/],
  ])('refuses %s', (_label, overrides, message) => {
    const problems = tileProblems(overrides);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});

describe('portal section', () => {
  it('refuses duplicate tile ids with the path of the second', () => {
    const result = portalConfigSchema.safeParse({ tiles: [tile(), tile({ icon: 'house' })] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['tiles.1.id', 'tile id "jena-online-services" is used twice'],
    ]);
  });

  it('allows at most 12 tiles', () => {
    const tiles = (count: number) => Array.from({ length: count }, (_, index) => tile({ id: `tile-${String(index)}` }));
    expect(portalConfigSchema.safeParse({ tiles: tiles(12) }).success).toBe(true);
    expect(portalConfigSchema.safeParse({ tiles: tiles(13) }).error?.issues[0]?.message).toBe('lists more than 12 tiles');
  });

  it('allows a workstation without tiles', () => {
    expect(portalConfigSchema.safeParse({ tiles: [] }).success).toBe(true);
  });

  it('resolves defaults: no permissions, PDFs printed, no upload folder', () => {
    expect(resolvePortalConfig(undefined)).toBeNull();
    expect(resolvePortalConfig(portalConfigSchema.parse({ tiles: [tile()] }))?.tiles[0]).toEqual({
      id: 'jena-online-services',
      label: { de: 'Online-Dienste der Stadt Jena', en: 'City of Jena online services' },
      icon: 'document',
      startUrl: 'https://service.jena.de/de/start',
      origins: ['https://service.jena.de', 'https://id.bund.de'],
      permissions: [],
      printPdfs: true,
      uploadFolder: null,
    });
  });
});

describe('kiosk config: portal by role', () => {
  it('accepts a portal on a workstation and resolves it', () => {
    const parsed = kioskConfigSchema.parse(config('workstation', { portal: { tiles: [tile({ uploadFolder: '/srv/scans' })] } }));
    expect(resolveConfig(parsed).portal?.tiles[0]).toMatchObject({ id: 'jena-online-services', uploadFolder: '/srv/scans' });
  });

  it('resolves a missing portal to null, on either role', () => {
    expect(resolveConfig(kioskConfigSchema.parse(config('workstation'))).portal).toBeNull();
    expect(resolveConfig(kioskConfigSchema.parse(config('info'))).portal).toBeNull();
  });

  it('refuses a portal on the information terminal with a clear message', () => {
    const result = kioskConfigSchema.safeParse(config('info', { portal: { tiles: [] } }));
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['portal', 'is only for role "workstation" (this terminal\'s role is "info")'],
    ]);
  });

  it('reports the portal on role info together with other problems', () => {
    const result = kioskConfigSchema.safeParse(config('info', { portal: { tiles: [] }, session: { warningSeconds: 5 } }));
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['portal', 'session.warningSeconds']);
  });

  it('loads the example tiles of kiosk-config/workstation.json', () => {
    const file = join(findAppRoot(import.meta.dirname), 'kiosk-config', 'workstation.json');
    const parsed = kioskConfigSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const portal = resolveConfig(parsed).portal;
    expect(portal?.tiles.length).toBeGreaterThanOrEqual(2);
    for (const example of portal?.tiles ?? []) expect(example.origins).toContain(new URL(example.startUrl).origin);
  });
});
