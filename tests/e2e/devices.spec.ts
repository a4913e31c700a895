import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { launchKiosk, type RunningKiosk } from './support/kioskProcess';

let kiosk: RunningKiosk | undefined;
test.afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

test('default config: every simulated device is ready, and a test print lands as a readable preview', async () => {
  kiosk = await launchKiosk();
  const { page, dataDir } = kiosk;
  const indicator = page.locator('[data-action="device-status"]');
  await expect(indicator).toHaveAttribute('data-attention', '0');
  await indicator.click();
  const panel = page.locator('[data-screen="device-status"]');
  await expect(panel.locator('[data-device]')).toHaveCount(3);
  for (const id of ['receipt-printer', 'id-reader', 'signal-light']) await expect(panel.locator(`[data-device="${id}"]`)).toHaveAttribute('data-state', 'ready');

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

test('printer out of paper: the print is refused calmly and the staff indicator shows attention', async () => {
  kiosk = await launchKiosk();
  const { page, dataDir } = kiosk;
  const previewDir = join(dataDir, 'printer-preview');
  mkdirSync(previewDir, { recursive: true });
  writeFileSync(join(previewDir, 'status.json'), JSON.stringify({ status: 'paper-end' }));
  await page.locator('[data-action="start-session"]').click();
  await page.locator('[data-action="device-status"]').click();
  const panel = page.locator('[data-screen="device-status"]');
  await panel.locator('[data-action="test-print"]').click();
  await expect(panel.locator('[data-print-status]')).toHaveAttribute('data-print-status', 'failed');
  await expect(panel.locator('[data-print-status]')).toContainText('Bitte nutzen Sie stattdessen den QR-Code.');
  await expect(panel.locator('[data-print-status]')).toContainText('kein Papier');
  await expect(panel.locator('[data-device="receipt-printer"]')).toHaveAttribute('data-state', 'fault');
  await expect(page.locator('[data-action="device-status"]')).toHaveAttribute('data-attention', '1');
  expect(readdirSync(previewDir).filter((f) => f.endsWith('.txt'))).toEqual([]);
  // The print status belongs to the session: gone after it ends.
  await panel.locator('[data-action="close-devices"]').click();
  await page.locator('[data-action="end-session"]').click();
  await page.locator('[data-action="start-again"]').click();
  await page.locator('[data-action="device-status"]').click();
  await expect(page.locator('[data-screen="device-status"] [data-print-status]')).toHaveAttribute('data-print-status', 'idle');
});
