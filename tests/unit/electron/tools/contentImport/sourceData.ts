import { join } from 'node:path';
import { findAppRoot } from '#tests/support/appRoot';

/**
 * The real third-party data the importers are tested on, shipped unchanged in
 * tests/fixtures/source-data (see its README for sources and licences), unless KIOSK_SOURCE_DATA
 * names another folder of the same layout.
 */
export const sourceDataDir = process.env.KIOSK_SOURCE_DATA ?? join(findAppRoot(import.meta.dirname), 'tests', 'fixtures', 'source-data');

export const leikaCsvPath = join(sourceDataDir, 'ozg-leika.csv');
export const berlinDldbDir = join(sourceDataDir, 'berlin-dldb');
