import { join } from 'node:path';

/**
 * The real third-party data the importers are tested on (see its README): the workplace's
 * `shared/data` beside the repository (CI clones the repository next to it), unless
 * KIOSK_SOURCE_DATA names another folder. Tests fail, not skip, when it is missing, so a green run
 * always means the real data was checked.
 */
export const sourceDataDir = process.env.KIOSK_SOURCE_DATA ?? join(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'data');

export const leikaCsvPath = join(sourceDataDir, 'ozg-leika.csv');
export const berlinDldbDir = join(sourceDataDir, 'berlin-dldb');
