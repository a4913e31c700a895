import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { fixtureConfig, launchKiosk, type RunningKiosk } from './support/kioskProcess';
import { openAssist } from './support/staff';

let kiosk: RunningKiosk | undefined;
test.afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

test('default config: every simulated device is ready, and a test print lands as a readable preview', async () => {
  // The default config with a staff PIN: the device list and the test print are in assist mode.
  kiosk = await launchKiosk({ config: fixtureConfig('info-staff.json') });
  const { page, dataDir } = kiosk;
  await expect(page.locator('[data-device-mark]')).toHaveAttribute('data-attention', '0');
  await openAssist(page);
  const panel = page.locator('[data-screen="assist"]');
  await expect(panel.locator('[data-device]')).toHaveCount(3);
  for (const id of ['receipt-printer', 'id-reader', 'signal-light'])
    await expect(panel.locator(`[data-device="${id}"]`)).toHaveAttribute('data-state', 'ready');

  await panel.locator('[data-action="test-print"]').click();
  await expect(panel.locator('[data-print-status]')).toHaveAttribute('data-print-status', 'printed');
  await expect(panel.locator('[data-print-status]')).toHaveText('Bitte nehmen Sie Ihren Beleg.');
  const previewDir = join(dataDir, 'printer-preview');
  const files = readdirSync(previewDir);
  const text = files.find((f) => f.endsWith('.txt'));
  const svg = files.find((f) => f.endsWith('.svg'));
  expect(text).toBeDefined();
  expect(svg).toBeDefined();
  const preview = readFileSync(join(previewDir, text ?? ''), 'utf8');
  expect(preview).toContain('Testdruck');
  expect(preview.replace(/\s+/g, ' ')).toContain('Äpfel, Öl, Übergröße, Straße, 12,50 €');
  expect(preview).toContain('[QR: kiosk-terminal:info-lobby]');
  expect(readFileSync(join(previewDir, svg ?? ''), 'utf8')).toMatch(/^<svg/);
});

test('printer out of paper: the print is refused calmly and the staff mark shows attention', async () => {
  kiosk = await launchKiosk({ config: fixtureConfig('info-staff.json') });
  const { page, dataDir } = kiosk;
  const previewDir = join(dataDir, 'printer-preview');
  mkdirSync(previewDir, { recursive: true });
  writeFileSync(join(previewDir, 'status.json'), JSON.stringify({ status: 'paper-end' }));
  await page.locator('[data-action="start-session"]').click();
  await openAssist(page);
  const panel = page.locator('[data-screen="assist"]');
  await panel.locator('[data-action="test-print"]').click();
  await expect(panel.locator('[data-print-status]')).toHaveAttribute('data-print-status', 'failed');
  await expect(panel.locator('[data-print-status]')).toContainText('Bitte nutzen Sie stattdessen den QR-Code.');
  await expect(panel.locator('[data-print-status]')).toContainText('kein Papier');
  await expect(panel.locator('[data-device="receipt-printer"]')).toHaveAttribute('data-state', 'fault');
  await expect(page.locator('[data-device-mark]')).toHaveAttribute('data-attention', '1');
  expect(readdirSync(previewDir).filter((f) => f.endsWith('.txt'))).toEqual([]);
  // The print status belongs to the session: gone after it ends.
  await panel.locator('[data-action="lock-assist"]').click();
  await page.locator('[data-action="end-session"]').click();
  await page.locator('[data-action="start-again"]').click();
  await openAssist(page);
  await expect(page.locator('[data-screen="assist"] [data-print-status]')).toHaveAttribute('data-print-status', 'idle');
});
