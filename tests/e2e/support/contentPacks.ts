import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from './kioskProcess';

const packDir = mkdtempSync(join(tmpdir(), 'kiosk-packs-'));

/**
 * The Jena content pack with its opening hours set to "always open" (or "always closed"), so the
 * queue screens do not depend on the time of day the tests run at.
 */
function packWithHours(name: string, open: boolean): string {
  const dir = join(packDir, name);
  cpSync(join(appRoot, 'kiosk-config', 'content', 'jena'), dir, { recursive: true });
  const day = open ? [{ from: '00:00', to: '23:59' }] : [];
  writeFileSync(
    join(dir, 'opening-hours.json'),
    JSON.stringify({
      timeZone: 'Europe/Berlin',
      weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
      holidays: [],
      exceptions: [],
    }),
  );
  return dir;
}
/** The Jena pack, open around the clock. */
export const openPack = packWithHours('pack-open', true);
/** The Jena pack, never open. */
export const closedPack = packWithHours('pack-closed', false);
