import { expect, test } from '@playwright/test';
import { fixtureConfig, launchKiosk, type RunningKiosk } from './support/kioskProcess';
import { cancels, recordSpeech, said } from './support/speechRecorder';

/** Speech output, recorded at the Web Speech API (support/speechRecorder.ts). */
let kiosk: RunningKiosk | undefined;
test.afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

test('read-aloud says headings, the focused control in its own language, the idle warning, and stops at the end', async () => {
  kiosk = await launchKiosk({ config: fixtureConfig('info-short-idle.json') });
  const { page } = kiosk;
  await recordSpeech(page);
  // Nothing is spoken until the citizen switches it on.
  await page.locator('[data-action="start-session"]').click();
  await expect(page.locator('[data-screen="home-info"]')).toBeVisible();
  expect(await said(page)).toEqual([]);

  await page.locator('.top-bar [data-action="open-accessibility"]').click();
  await page.locator('[data-setting="readAloud"] [data-value="on"]').click();
  await page.locator('[data-setting="volume"] [data-value="high"]').click();
  await page.locator('[data-action="repeat-speech"]').click();
  await expect.poll(async () => (await said(page)).at(-1)?.text).toBe('Anzeige anpassen');
  await page.locator('[data-action="close-accessibility"]').click();

  // The focused control is said; a language's name in that language.
  await page.locator('[data-action="open-languages"]').click();
  await page.keyboard.press('Tab');
  const focusedSpeech = await said(page);
  expect(focusedSpeech.at(-1)?.volume).toBe(1);
  await page.locator('[data-screen="language-menu"] [data-language="ar"]').focus();
  await expect.poll(async () => (await said(page)).at(-1)).toMatchObject({ text: 'العربية', lang: 'ar' });
  await page.locator('[data-screen="language-menu"] [data-language="en"]').click();
  // The screen's heading in the new language.
  await expect.poll(async () => (await said(page)).some((s) => s.text === 'Information terminal' && s.lang === 'en')).toBe(true);

  // The idle warning is spoken when it appears.
  await expect(page.locator('[data-screen="idle-warning"]')).toBeVisible({ timeout: 10_000 });
  await expect.poll(async () => (await said(page)).some((s) => s.text.startsWith('Are you still there?') && s.lang === 'en')).toBe(true);

  // New input stops the speech; "R" reads the screen again.
  const cancelsBefore = await cancels(page);
  await page.keyboard.press('r');
  expect(await cancels(page)).toBeGreaterThan(cancelsBefore);
  await expect.poll(async () => (await said(page)).at(-1)?.text).toBe('Are you still there?');

  // After the session, read-aloud is off again: nothing more is said.
  await page.locator('[data-action="end-now"]').click();
  await expect(page.locator('[data-screen="end-of-session"]')).toBeVisible();
  const count = (await said(page)).length;
  await page.locator('[data-action="start-again"]').click();
  await expect(page.locator('[data-screen="home-info"]')).toBeVisible();
  expect((await said(page)).length).toBe(count);
});
