/**
 * Service search for the information terminal: a MiniSearch index over every language's names,
 * synonyms, summaries and topic names of a content pack, queried on every keystroke. Ranking is
 * MiniSearch's BM25+ with field and document boosts; this module only decides what goes into the
 * index and how a query is prepared (normalization, prefix and fuzzy per term).
 */
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import type { Service, Topic } from '#shared/content/contentPack';
import { uiLanguages, type UiLanguage } from '#shared/i18n/languages';
import { compoundParts, isStopWord, normalizeTerm, tokenize } from './normalizeTerm';
import { queryTerms } from './queryTerms';
import { compoundVocabulary, indexedFields, parseFieldName, serviceDocument, type FieldKind, type ServiceDocument } from './serviceDocuments';

/** One service found, best first. */
export interface SearchHit {
  readonly id: string;
  /** MiniSearch's relevance score (BM25+ with boosts); only the order is meaningful. */
  readonly score: number;
  /** The language whose texts matched the query (the citizen's language when it matched too). */
  readonly matchedLanguage: UiLanguage;
}

/** Per query: who is asking (language) and how many hits the screen shows. */
export interface ServiceSearchQueryOptions {
  /** The citizen's language: its texts weigh more, and it is the preferred matched language. */
  readonly language: UiLanguage;
  /** How many hits at most (default 10, at most 100). */
  readonly limit?: number;
}

/** The index over one content pack's services; build once per pack, query on every keystroke. */
export interface ServiceSearch {
  /** Services matching what was typed so far; no hits for an empty query, never throws. */
  search(query: string, options: ServiceSearchQueryOptions): SearchHit[];
}

/** Per index: what to index. */
export interface ServiceSearchOptions {
  /** The languages whose texts are indexed (the terminal's offered languages); default all. German always. */
  readonly languages?: readonly UiLanguage[];
}

// Field weights. Names and the pack's curated synonyms are what citizens type; topic names and
// summaries only help when nothing else matches; compound tails ("ausweis" in
// "Personalausweis") are weaker than a whole word.
const fieldBoost: Readonly<Record<FieldKind, number>> = { name: 3, synonyms: 3, summary: 0.6, topics: 0.8, parts: 1.2 };
/** Texts in the citizen's own language count this much more than the same match in another. */
const ownLanguageBoost = 1.5;
/**
 * Services offered here outrank the federal catalogue's entries for the same words; a factor, not
 * a filter, so a catalogue service that matches far better still shows.
 */
const localBoost = 3;
const defaultLimit = 10;
const minPrefixLength = 3;
const maxLimit = 100;

/** Edit distance allowed for a term: none for short words (too many neighbours), more for long ones. */
function fuzziness(term: string): number {
  if (term.length <= 4) return 0;
  return term.length < 12 ? 1 : 2;
}

/**
 * The index side of term processing: normalized, no stop words, compounds split in `parts` fields.
 * The same words come again and again across services and languages: each is worked out once while
 * the index is built (`forget` drops what was kept, once it is).
 */
function indexTerms(): {
  /** A token as the index keeps it; null when nothing is left or it is a stop word. */
  readonly normalized: (term: string) => string | null;
  readonly processor: (vocabulary: ReadonlySet<string>) => (term: string, field?: string) => string | string[] | null;
  readonly forget: () => void;
} {
  const plain = new Map<string, string | null>();
  const split = new Map<string, string[] | null>();
  const normalized = (term: string): string | null => {
    let value = plain.get(term);
    if (value === undefined) {
      const folded = normalizeTerm(term);
      value = folded === '' || isStopWord(folded) ? null : folded;
      plain.set(term, value);
    }
    return value;
  };
  return {
    normalized,
    processor: (vocabulary) => (term, field) => {
      if (field === undefined || parseFieldName(field).kind !== 'parts') return normalized(term);
      let parts = split.get(term);
      if (parts === undefined) {
        const value = normalized(term);
        parts = value === null ? null : compoundParts(value, vocabulary);
        split.set(term, parts);
      }
      return parts;
    },
    forget: () => {
      plain.clear();
      split.clear();
    },
  };
}

function boostsFor(language: UiLanguage, fields: readonly string[]): Record<string, number> {
  const boost: Record<string, number> = {};
  for (const field of fields) {
    const parsed = parseFieldName(field);
    boost[field] = fieldBoost[parsed.kind] * (parsed.language === language ? ownLanguageBoost : 1);
  }
  return boost;
}

/** The language whose fields matched most terms; the citizen's language when it matched at all. */
function matchedLanguage(result: SearchResult, preferred: UiLanguage): UiLanguage {
  const counts = new Map<UiLanguage, number>();
  for (const fields of Object.values(result.match)) {
    for (const field of fields) {
      const { language } = parseFieldName(field);
      counts.set(language, (counts.get(language) ?? 0) + 1);
    }
  }
  if (counts.has(preferred)) return preferred;
  let best: UiLanguage = 'de';
  let bestCount = 0;
  // uiLanguages order (German first) breaks ties.
  for (const language of uiLanguages) {
    const count = counts.get(language) ?? 0;
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return best;
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return defaultLimit;
  return Math.min(maxLimit, Math.max(0, Math.floor(limit)));
}

/** Builds the search index over the services (all their languages' texts and topic names). */
export function createServiceSearch(services: readonly Service[], topics: readonly Topic[], options: ServiceSearchOptions = {}): ServiceSearch {
  const languages = uiLanguages.filter((language) => language === 'de' || (options.languages ?? uiLanguages).includes(language));
  const fields = indexedFields(languages);
  const topicsById = new Map(topics.map((topic) => [topic.id, topic]));
  const localIds = new Set<string>();
  const terms = indexTerms();
  const processTerm = terms.processor(compoundVocabulary(services, topics, terms.normalized));
  const index = new MiniSearch<ServiceDocument>({ fields, tokenize, processTerm });
  const seen = new Set<string>();
  for (const service of services) {
    // A duplicate id would make MiniSearch throw; the pack loader reports duplicates, search keeps the first.
    if (seen.has(service.id)) continue;
    seen.add(service.id);
    if (service.local) localIds.add(service.id);
    index.add(serviceDocument(service, topicsById, languages));
  }
  terms.forget();
  const boostByLanguage = new Map(uiLanguages.map((language) => [language, boostsFor(language, fields)]));
  const boostDocument = (id: unknown): number => (localIds.has(id as string) ? localBoost : 1);

  return {
    search(query, { language, limit }) {
      const max = clampLimit(limit);
      const { terms } = queryTerms(query);
      if (terms.length === 0 || max === 0) return [];
      const searchOptions: SearchOptions = {
        boost: boostByLanguage.get(language) ?? boostByLanguage.get('de'),
        boostDocument,
        // Whole words that were typed out are also looked up as prefixes (inflection: "führerscheins");
        // one or two letters are not: they would match a large part of the catalogue and cost
        // over 20 ms per keystroke for a list nobody can use yet.
        prefix: (term) => term.length >= minPrefixLength,
        fuzzy: fuzziness,
        // The terms are already split and normalized (stop words handled by queryTerms).
        tokenize: (text) => text.split(' '),
        processTerm: (term) => term,
      };
      return index
        .search(terms.join(' '), searchOptions)
        .slice(0, max)
        .map((result) => ({ id: String(result.id), score: result.score, matchedLanguage: matchedLanguage(result, language) }));
    },
  };
}
