import { randomInt } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Looking for a citizen's canary at rest: in every file below a folder, as stored and as a reader
 * would see it — gzip-compressed logs unpacked, a PDF's text as a PDF reader extracts it (a printed
 * page holds glyph numbers, not letters) — in UTF-8 and UTF-16.
 */

/** A canary of capital letters only, so it fits everywhere a citizen's words go: a search, a form, a file name, an MRZ name field. */
export function newCanary(): string {
  let letters = '';
  for (let i = 0; i < 12; i += 1) letters += String.fromCharCode(65 + randomInt(26));
  return `CANARY${letters}`;
}

/** The text of every page of a PDF, as pdf.js extracts it; empty when the bytes are no readable PDF. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const task = getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const document = await task.promise;
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    return pages.join('\n');
  } catch {
    return '';
  } finally {
    await task.destroy();
  }
}

/** The readable forms of a file's bytes. */
async function readableForms(path: string, bytes: Buffer): Promise<Buffer[]> {
  const forms = [bytes];
  if (path.endsWith('.gz')) {
    try {
      forms.push(gunzipSync(bytes));
    } catch {
      // not really gzip
    }
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') forms.push(Buffer.from(await pdfText(bytes), 'utf8'));
  return forms;
}

/** Every file below `dir` (relative paths) in which `needle` can be read. */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
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
    const forms = await readableForms(path, bytes);
    if (forms.some((form) => encodings.some((encoding) => form.includes(encoding)))) hits.push(entry);
  }
  return hits;
}

/** The browser profiles and temporary folders the kiosk's hosts make in the temp folder. */
export function kioskTempFolders(): string[] {
  return readdirSync(tmpdir())
    .filter((name) => /^(?:kiosk-window-|playwright_chromiumdev_profile-|playwright-artifacts-)/.test(name))
    .map((name) => join(tmpdir(), name));
}

/** Every place at rest below `folders` and the kiosk's temp folders where `canary` can be read; empty is the only passing answer. */
export async function canaryAtRest(canary: string, folders: readonly string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const folder of [...folders, ...kioskTempFolders()]) hits.push(...(await filesContaining(folder, canary)).map((file) => `${folder}: ${file}`));
  return hits;
}

/** Rotates the kiosk's log as logrotate does it on a terminal (copytruncate, compress): the log so far goes to kiosk.log.1.gz. */
export function rotateLog(dataDir: string): void {
  const log = join(dataDir, 'logs', 'kiosk.log');
  const rotated = `${log}.1.gz`;
  writeFileSync(`${rotated}.tmp`, gzipSync(readFileSync(log)));
  renameSync(`${rotated}.tmp`, rotated);
  writeFileSync(log, '');
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

/** The selection buffer (Linux PRIMARY) as a middle-click would paste it into a page of the browser. */
export async function selectionText(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent('<textarea id="paste" style="inline-size: 600px; block-size: 300px"></textarea>');
    await page.locator('#paste').click({ button: 'middle' });
    return await page.locator('#paste').inputValue();
  } finally {
    await context.close();
  }
}
