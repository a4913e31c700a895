import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentPrinterConfigSchema } from '#shared/config/documentPrinterConfig';
import { kioskConfigSchema, resolveConfig } from '#shared/config/kioskConfig';
import { portalConfigSchema, resolvePortalConfig } from '#shared/config/portalConfig';
import { findAppRoot } from '#tests/support/appRoot';

/** The problems zod reports for a printer config, as "path: message". */
function problems(value: unknown): string[] {
  const result = documentPrinterConfigSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('document printer config: pdf-folder', () => {
  it.each([['printed-documents'], ['out/printed'], ['/srv/kiosk/printed'], ['./printed'], ['Ausdrucke Bürgerservice']])('accepts the folder %s', (folder) => {
    expect(problems({ kind: 'pdf-folder', folder })).toEqual([]);
  });

  it.each([
    ['an empty folder', '', /^folder: must name a folder/],
    ['a ".." segment', '../elsewhere', /^folder: must not contain "\.\." segments/],
    ['a ".." segment in the middle', '/srv/kiosk/../../etc', /^folder: must not contain "\.\." segments/],
    ['a ".." segment with backslashes', 'out\\..\\..\\x', /^folder: must not contain "\.\." segments/],
    ['a home folder "~"', '~/printed', /^folder: must not start with "~"/],
    ['a control character', 'printed\ndocuments', /^folder: must not contain control characters/],
    ['a path that is too long', 'x'.repeat(401), /^folder: /],
  ])('refuses %s', (_label, folder, message) => {
    const found = problems({ kind: 'pdf-folder', folder });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('refuses a missing folder and unknown keys', () => {
    expect(problems({ kind: 'pdf-folder' })).toEqual([expect.stringMatching(/^folder: /)]);
    expect(problems({ kind: 'pdf-folder', folder: 'x', queue: 'Dokumente' })[0]).toMatch(/Unrecognized key.*queue/);
  });

  it('says in the schema how a relative folder is resolved', () => {
    expect(JSON.stringify(documentPrinterConfigSchema.options[0].shape.folder.description)).toMatch(
      /relative path is resolved against the kiosk's data folder \(KIOSK_DATA_DIR/,
    );
  });
});

describe('document printer config: cups', () => {
  it('accepts a queue with and without options', () => {
    expect(problems({ kind: 'cups', queue: 'Dokumentdrucker' })).toEqual([]);
    expect(
      problems({ kind: 'cups', queue: 'HP_LaserJet-M404', options: { sides: 'two-sided-long-edge', colorMode: 'monochrome' }, timeoutSeconds: 60 }),
    ).toEqual([]);
    expect(problems({ kind: 'cups', queue: 'q'.repeat(127) })).toEqual([]);
  });

  it.each([
    ['a space', 'Dokument drucker'],
    ['a slash (CUPS instance syntax)', 'Dokumente/duplex'],
    ['a leading dash (would read as an option)', '-Dokumente'],
    ['a "#"', 'Drucker#1'],
    ['a dot', 'drucker.local'],
    ['an "@" (remote queue syntax)', 'drucker@server'],
    ['an umlaut', 'Drucker-Bürgerservice'],
    ['shell characters', 'x;rm -rf /'],
    ['an empty name', ''],
    ['128 characters', 'q'.repeat(128)],
  ])('refuses a queue name with %s, naming the rule', (_label, queue) => {
    expect(problems({ kind: 'cups', queue })).toEqual([
      'queue: must be a CUPS queue name: letters, digits, "-" and "_" (not first), at most 127 characters, e.g. "Dokumentdrucker"',
    ]);
  });

  it.each([
    ['an unknown option', { options: { copies: 2 } }, /^options: Unrecognized key.*copies/],
    ['an unknown sides value', { options: { sides: 'duplex' } }, /^options\.sides: /],
    ['an unknown colour mode', { options: { colorMode: 'colour' } }, /^options\.colorMode: /],
    ['a timeout under 5 s', { timeoutSeconds: 1 }, /^timeoutSeconds: /],
    ['a timeout over 300 s', { timeoutSeconds: 301 }, /^timeoutSeconds: /],
    ['a fractional timeout', { timeoutSeconds: 7.5 }, /^timeoutSeconds: /],
    ['a folder on a cups printer', { folder: 'x' }, /Unrecognized key.*folder/],
  ])('refuses %s', (_label, extra, message) => {
    const found = problems({ kind: 'cups', queue: 'Dokumente', ...extra });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('refuses an unknown kind at the path "kind"', () => {
    const found = problems({ kind: 'ipp', queue: 'Dokumente' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^kind: /);
  });
});

describe('portal.printer', () => {
  const tiles = { tiles: [] };

  it('resolves to null without a printer (printing then answers no-printer)', () => {
    expect(resolvePortalConfig(portalConfigSchema.parse(tiles))?.printer).toBeNull();
  });

  it('resolves the configured printer unchanged', () => {
    expect(resolvePortalConfig(portalConfigSchema.parse({ ...tiles, printer: { kind: 'pdf-folder', folder: 'printed-documents' } }))?.printer).toEqual({
      kind: 'pdf-folder',
      folder: 'printed-documents',
    });
    expect(
      resolvePortalConfig(portalConfigSchema.parse({ ...tiles, printer: { kind: 'cups', queue: 'Dokumente', options: { sides: 'one-sided' } } }))?.printer,
    ).toEqual({
      kind: 'cups',
      queue: 'Dokumente',
      options: { sides: 'one-sided' },
    });
  });

  it('reports a bad printer with its full path in the kiosk config', () => {
    const result = kioskConfigSchema.safeParse({
      formatVersion: 1,
      terminal: { id: 'workstation-1', name: 'SB-Arbeitsplatz 1', role: 'workstation', site: 'Bürgerservice Jena' },
      languages: { default: 'de', offered: ['de'] },
      portal: { tiles: [], printer: { kind: 'cups', queue: 'a b' } },
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['portal.printer.queue']);
  });

  it('kiosk-config/workstation.json prints into the pdf folder "printed-documents"', () => {
    const file = join(findAppRoot(import.meta.dirname), 'kiosk-config', 'workstation.json');
    const config = resolveConfig(kioskConfigSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
    expect(config.portal?.printer).toEqual({ kind: 'pdf-folder', folder: 'printed-documents' });
  });
});
