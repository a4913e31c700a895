import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, inflateSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

/**
 * Looking for a citizen's canary at rest: in every file below a folder, as stored and as a reader
 * would see it — gzip-compressed logs unpacked, a PDF's compressed streams inflated — in UTF-8 and
 * UTF-16.
 */

/** The readable forms of a file's bytes. */
function readableForms(path: string, bytes: Buffer): Buffer[] {
  const forms = [bytes];
  if (path.endsWith('.gz')) {
    try {
      forms.push(gunzipSync(bytes));
    } catch {
      // not really gzip
    }
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const text = bytes.toString('latin1');
    for (const match of text.matchAll(/stream\r?\n/g)) {
      const start = match.index + match[0].length;
      const end = text.indexOf('endstream', start);
      if (end < 0) continue;
      try {
        forms.push(inflateSync(bytes.subarray(start, end)));
      } catch {
        // not a Flate stream
      }
    }
  }
  return forms;
}

/** Every file below `dir` (relative paths) in which `needle` can be read. */
export function filesContaining(dir: string, needle: string): string[] {
  if (!existsSync(dir)) return [];
  const hits: string[] = [];
  const encodings = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, entry);
    let bytes: Buffer;
    try {
      if (!statSync(path).isFile()) continue;
      bytes = readFileSync(path);
    } catch {
      continue; // gone meanwhile (a browser's profile changes while it runs)
    }
    if (readableForms(path, bytes).some((form) => encodings.some((encoding) => form.includes(encoding)))) hits.push(entry);
  }
  return hits;
}

/** The browser profiles and temporary folders the kiosk's hosts make in the temp folder. */
export function kioskTempFolders(): string[] {
  return readdirSync(tmpdir())
    .filter((name) => /^(?:kiosk-window-|playwright_chromiumdev_profile-|playwright-artifacts-)/.test(name))
    .map((name) => join(tmpdir(), name));
}

/** The clipboard as any page of the browser would read it (a context of the test's own, on `url`'s origin, allowed to read). */
export async function clipboardText(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext();
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    const page = await context.newPage();
    await page.goto(url);
    return await page.evaluate(() => navigator.clipboard.readText());
  } finally {
    await context.close();
  }
}
