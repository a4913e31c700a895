import { join } from 'node:path';
import type { Service, Topic } from '#shared/content/contentPack';
import { loadContentPack } from '#core/content/loadContentPack';
import { findAppRoot } from '#tests/support/appRoot';

/** Where the real Jena content pack lives. */
export const jenaPackDir = join(findAppRoot(import.meta.dirname), 'kiosk-config', 'content', 'jena');

/** The services and topics of the Jena pack. */
export interface SearchablePack {
  readonly services: readonly Service[];
  readonly topics: readonly Topic[];
}

/**
 * The Jena pack's services and topics as the kiosk sees them: loaded with the kiosk's own loader
 * (every file validated with its schema, catalogue entries that duplicate a local service's LeiKa
 * key dropped). A missing pack or one with problems throws them, as search must be measured on
 * data the kiosk would accept.
 */
export async function loadJenaPackForSearch(): Promise<SearchablePack> {
  const result = await loadContentPack(jenaPackDir);
  if (!result.ok) {
    const problems = result.problems.map(
      (problem) => `${problem.file}${problem.line === undefined ? '' : `:${String(problem.line)}`} ${problem.path}: ${problem.message}`,
    );
    throw new Error(`the Jena content pack has problems:\n  ${problems.join('\n  ')}`);
  }
  return { services: result.pack.services, topics: result.pack.topics };
}
