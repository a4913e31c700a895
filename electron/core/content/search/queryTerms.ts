import { isStopWord, normalizeTerm, tokenize } from './normalizeTerm';

/** Longer input is cut: nobody types a service name that long, and it bounds the work per keystroke. */
export const maxQueryLength = 100;
const maxTerms = 12;
const endsWithSeparator = /[\n\r\p{Z}\p{P}]$/u;

/** A query as the index sees it: normalized terms, and whether the last one is still being typed. */
export interface QueryTerms {
  readonly terms: readonly string[];
  /** False after a trailing space: the last word is complete. */
  readonly lastTermInProgress: boolean;
}

/**
 * Splits and normalizes what was typed. Stop words are dropped, except a last word still being
 * typed: "ins" may become "insolvenz" with the next keystroke.
 */
export function queryTerms(query: unknown): QueryTerms {
  if (typeof query !== 'string') return { terms: [], lastTermInProgress: false };
  const capped = query.slice(0, maxQueryLength);
  const lastTermInProgress = !endsWithSeparator.test(capped);
  const normalized = tokenize(capped)
    .map(normalizeTerm)
    .filter((term) => term.length > 0);
  const terms = normalized.filter((term, index) => !isStopWord(term) || (lastTermInProgress && index === normalized.length - 1));
  return { terms: terms.slice(0, maxTerms), lastTermInProgress };
}
