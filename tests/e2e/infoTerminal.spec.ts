import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { VirtualEscPosPrinter } from '#tests/support/virtualEscposPrinter';
import { fixtureConfig, launchKiosk, type RunningKiosk } from './support/kioskProcess';
import { closedPack, openPack } from './support/contentPacks';
import { openIdCardService } from './support/screenVisitors';
import { openAssist } from './support/staff';

/**
 * The information terminal end to end: the real serial printer driver prints to the virtual ESC/POS
 * printer on a socat pty pair, and the test reads back what came out of it.
 */
let kiosk: RunningKiosk | undefined;
test.afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
  await VirtualEscPosPrinter.stopAll();
});

const base = JSON.parse(readFileSync(fixtureConfig('info-short-idle.json'), 'utf8')) as Record<string, unknown>;
/** The staff section with the test PIN, so staff can see the device and content state in assist mode. */
const { staff } = JSON.parse(readFileSync(fixtureConfig('info-staff.json'), 'utf8')) as { staff: unknown };

/** A terminal with the virtual printer and the given content pack. */
function configWith(printerPath: string, pack: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kiosk-info-')), 'info.json');
  const config = {
    ...base,
    session: { idleTimeoutSeconds: 600, warningSeconds: 30 },
    content: { folder: pack },
    staff,
    devices: [{ id: 'receipt-printer', kind: 'printer', driver: 'escpos-serial', path: printerPath, statusPollSeconds: 60 }],
  };
  // It holds the staff PIN hashes: readable by the kiosk's user only.
  writeFileSync(file, JSON.stringify(config), { mode: 0o600 });
  return file;
}

test('search "perso" → ID card → room on the plan → the printed slip holds the name, the checklist and the online link as QR', async () => {
  const printer = await VirtualEscPosPrinter.start();
  kiosk = await launchKiosk({ config: configWith(printer.devicePath, openPack) });
  const { page } = kiosk;
  await page.locator('[data-action="start-session"]').click();
  await openIdCardService(page);
  const service = page.locator('[data-screen="info-service"]');
  await expect(service.locator('h1')).toHaveText('Personalausweis für Person ab 16 Jahren');
  await expect(service.locator('.checklist li')).not.toHaveCount(0);
  const checklist = await service.locator('.checklist li').allTextContents();
  const online = await service.locator('.qr-code').getAttribute('data-qr');
  expect(online).toMatch(/^https:\/\//);

  // The way: the plan with "you are here" and the room marked, and the room number in the heading.
  await service.locator('[data-action="show-way"]').click();
  const way = page.locator('[data-screen="info-wayfinding"]');
  await expect(way.locator('h1')).toHaveText('Weg zu Raum E.02');
  await expect(way.locator('[data-mark="here"]')).toHaveCount(1);
  await expect(way.locator('[data-mark="target"]')).toHaveCount(1);
  await page.locator('[data-action="back"]').click();

  await page.locator('[data-action="print-slip"]').click();
  await expect(page.locator('[data-print-status]')).toHaveAttribute('data-print-status', 'printed', { timeout: 15_000 });
  const receipts = printer.receipts();
  expect(receipts).toHaveLength(1);
  // Printed lines wrap at the paper's width; compare the text as one line.
  const text = (receipts[0]?.lines.map((line) => line.text).join(' ') ?? '').replace(/\s+/g, ' ');
  expect(text).toContain('Personalausweis für Person ab 16 Jahren');
  // The printer has no typographic dashes; the slip prints them as hyphens.
  for (const item of checklist) expect(text).toContain(item.replace(/\s+/g, ' ').replace(/[–—]/g, '-'));
  expect(receipts[0]?.qrCodes).toContain(online);
});

test('Arabic: the slip is printed in German, because the printer cannot print Arabic script', async () => {
  const printer = await VirtualEscPosPrinter.start();
  kiosk = await launchKiosk({ config: configWith(printer.devicePath, openPack) });
  const { page } = kiosk;
  await page.locator('[data-screen="attract"] [data-language="ar"]').click();
  await openIdCardService(page);
  await page.locator('[data-action="print-slip"]').click();
  await expect(page.locator('[data-print-status]')).toHaveAttribute('data-print-status', 'printed', { timeout: 15_000 });
  const text = (
    printer
      .receipts()[0]
      ?.lines.map((line) => line.text)
      .join(' ') ?? ''
  ).replace(/\s+/g, ' ');
  expect(text).toContain('Personalausweis für Person ab 16 Jahren');
  expect(text).toContain('Das bringen Sie mit');
  expect(text).not.toContain('?');
});

test('queue ticket: a number per category, printed, then the next number; the next session starts fresh', async () => {
  const printer = await VirtualEscPosPrinter.start();
  kiosk = await launchKiosk({ config: configWith(printer.devicePath, openPack) });
  const { page } = kiosk;
  await page.locator('[data-action="start-session"]').click();
  await page.locator('[data-action="open-queue"]').click();
  await page.locator('[data-category="ausweise"]').click();
  await expect(page.locator('[data-ticket]')).toHaveText('A 1');
  await expect(page.locator('.ticket__print')).toContainText('Bitte nehmen Sie Ihren Zettel');
  await expect.poll(() => printer.receipts().length, { timeout: 15_000 }).toBe(1);
  expect(
    printer
      .receipts()[0]
      ?.lines.map((l) => l.text)
      .join('\n'),
  ).toContain('A 1');
  await page.locator('[data-action="ticket-done"]').click();
  await page.locator('[data-action="open-queue"]').click();
  await page.locator('[data-category="ausweise"]').click();
  await expect(page.locator('[data-ticket]')).toHaveText('A 2');
  await page.locator('[data-action="end-session"]').click();
  await page.locator('[data-action="start-again"]').click();
  await expect(page.locator('[data-screen="home-info"]')).toBeVisible();
});

test('closed: the terminal says so with the next opening time and offers no ticket', async () => {
  kiosk = await launchKiosk({ config: configWith('/dev/null-no-printer', closedPack) });
  const { page } = kiosk;
  await page.locator('[data-action="start-session"]').click();
  await expect(page.locator('.opening--closed')).toBeVisible();
  await expect(page.locator('[data-action="open-queue"]')).toHaveCount(0);
  await expect(page.locator('[data-topic]').first()).toBeVisible();
});

test('an invalid edit of the content pack is refused with its problems; the last good pack stays and staff see it', async () => {
  const pack = join(mkdtempSync(join(tmpdir(), 'kiosk-pack-')), 'jena');
  cpSync(openPack, pack, { recursive: true });
  kiosk = await launchKiosk({ config: configWith('/dev/null-no-printer', pack) });
  const { page } = kiosk;
  await page.locator('[data-action="start-session"]').click();
  await expect(page.locator('[data-topic]').first()).toBeVisible();
  const before = Number(await page.locator('[data-device-mark]').getAttribute('data-attention'));

  // A typo in the queue file: "prefix" must be one capital letter.
  const queueFile = join(pack, 'queue.json');
  writeFileSync(queueFile, readFileSync(queueFile, 'utf8').replace('"prefix": "A"', '"prefix": "AA"'));
  await expect(page.locator('[data-device-mark]')).toHaveAttribute('data-attention', String(before + 1), { timeout: 10_000 });
  await openAssist(page);
  const status = page.locator('[data-screen="assist"] [data-content-state]');
  await expect(status).toHaveAttribute('data-content-state', 'kept');
  await expect(status).toContainText('queue.json');
  await expect(status).toContainText('categories[0].prefix');
  await page.locator('[data-action="lock-assist"]').click();

  // The terminal keeps working with the last good pack.
  await page.locator('[data-action="open-queue"]').click();
  await expect(page.locator('[data-category="ausweise"]')).toBeVisible();
});

test('what a citizen searched and where they went is gone after the session', async () => {
  kiosk = await launchKiosk({ config: configWith('/dev/null-no-printer', openPack) });
  const { page } = kiosk;
  await page.locator('[data-action="start-session"]').click();
  await openIdCardService(page);
  await expect(page.locator('[data-screen="info-service"]')).toBeVisible();
  await page.locator('[data-action="end-session"]').click();
  await page.locator('[data-action="start-again"]').click();
  // A new session starts at the home screen with an empty search.
  await expect(page.locator('[data-screen="home-info"]')).toBeVisible();
  await page.locator('[data-action="open-search"]').click();
  await expect(page.locator('#service-search')).toHaveValue('');
  await expect(page.locator('[data-screen="info-search"] [data-service]')).toHaveCount(0);
});

test('low reach: the controls move down, and a long page still starts at its heading and scrolls', async () => {
  kiosk = await launchKiosk({ config: configWith('/dev/null-no-printer', openPack) });
  const { page } = kiosk;
  await page.locator('[data-action="start-session"]').click();
  await page.locator('.top-bar [data-action="open-accessibility"]').click();
  await page.locator('[data-setting="reach"] [data-value="low"]').click();
  await page.locator('[data-action="close-accessibility"]').click();
  const bar = await page.locator('.top-bar').boundingBox();
  expect(bar?.y ?? 0).toBeGreaterThan(800);
  await openIdCardService(page);
  await expect(page.locator('[data-screen="info-service"] h1')).toBeInViewport();
  await page.locator('[data-action="print-slip"]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-action="print-slip"]')).toBeInViewport();
});
