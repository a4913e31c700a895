import type { Service, Topic } from '#shared/content/contentPack';
import type { UiLanguage } from '#shared/i18n/languages';
import { tokenize } from './normalizeTerm';

/**
 * What the index holds per service: one field per kind of text and language, so a hit can say
 * which language matched and the citizen's language can be boosted at query time.
 */
export const fieldKinds = ['name', 'synonyms', 'summary', 'topics', 'parts'] as const;
export type FieldKind = (typeof fieldKinds)[number];

/** Languages whose words are compounds ("Personalausweis"): their names also get a `parts` field. */
const compoundingLanguages: ReadonlySet<UiLanguage> = new Set(['de', 'de-x-ls']);

/** The index field of one kind of text in one language, e.g. `name:de`. */
export function fieldName(kind: FieldKind, language: UiLanguage): string {
  return `${kind}:${language}`;
}

/** The kind and language of an index field (inverse of fieldName). */
export function parseFieldName(field: string): { kind: FieldKind; language: UiLanguage } {
  const colon = field.indexOf(':');
  return { kind: field.slice(0, colon) as FieldKind, language: field.slice(colon + 1) as UiLanguage };
}

/** Every field indexed for these languages. */
export function indexedFields(languages: readonly UiLanguage[]): string[] {
  return languages.flatMap((language) =>
    fieldKinds.filter((kind) => kind !== 'parts' || compoundingLanguages.has(language)).map((kind) => fieldName(kind, language)),
  );
}

/** A service flattened for MiniSearch: its id and the texts of the fields it has. */
export type ServiceDocument = Readonly<Record<string, string>> & { readonly id: string };

/** The index document of one service; `topicsById` gives the names of its topics. */
export function serviceDocument(service: Service, topicsById: ReadonlyMap<string, Topic>, languages: readonly UiLanguage[]): ServiceDocument {
  const document: Record<string, string> = { id: service.id };
  // Empty fields are left out, not set to '': MiniSearch would count them in the average field length.
  const set = (kind: FieldKind, language: UiLanguage, value: string): void => {
    if (value.trim() !== '') document[fieldName(kind, language)] = value;
  };
  const topics = service.topics.map((id) => topicsById.get(id)).filter((topic) => topic !== undefined);
  for (const language of languages) {
    const name = service.name[language] ?? '';
    // One synonym per line, so the tokenizer never glues the last word of one to the next.
    const synonyms = (service.synonyms?.[language] ?? []).join('\n');
    set('name', language, name);
    set('synonyms', language, synonyms);
    set('summary', language, service.summary?.[language] ?? '');
    set('topics', language, topics.map((topic) => topic.name[language] ?? '').join('\n'));
    if (compoundingLanguages.has(language)) set('parts', language, `${name}\n${synonyms}`);
  }
  return document as ServiceDocument;
}

/**
 * The German words that occur on their own in the pack's names, synonyms and topic names: the
 * words a compound may be split into (see compoundParts). `normalized`: a token as the index keeps it, null for none.
 */
export function compoundVocabulary(services: readonly Service[], topics: readonly Topic[], normalized: (token: string) => string | null): Set<string> {
  const vocabulary = new Set<string>();
  const texts = [
    ...services.flatMap((service) => [...compoundingLanguages].flatMap((language) => [service.name[language] ?? '', ...(service.synonyms?.[language] ?? [])])),
    ...topics.flatMap((topic) => [...compoundingLanguages].map((language) => topic.name[language] ?? '')),
  ];
  for (const text of texts) {
    for (const token of tokenize(text)) {
      const term = normalized(token);
      if (term !== null && term.length >= 4) vocabulary.add(term);
    }
  }
  return vocabulary;
}
