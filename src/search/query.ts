import { badInput } from '../errors.js';

export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_TERMS = 32;
export const SEARCH_FIELDS = ['name', 'aliases', 'title', 'summary', 'description', 'quote', 'url'] as const;

const bad = (message: string) => badInput(message, 'query');

/** The words of a user's search text, after Unicode normalisation. */
export function searchTerms(input: string): string[] {
  if (input.length > MAX_SEARCH_LENGTH) throw bad(`The search text is longer than ${MAX_SEARCH_LENGTH} characters.`);
  const terms = input.normalize('NFKC').trim().split(/\s+/u).filter(Boolean);
  if (terms.length === 0) throw bad('The search text is empty.');
  if (terms.length > MAX_SEARCH_TERMS) throw bad(`The search text has more than ${MAX_SEARCH_TERMS} words.`);
  return terms;
}

/**
 * A Lucene query that searches the user's words as text, never as syntax: each word becomes a
 * quoted phrase with only the two characters that matter inside quotes (\ and ") escaped, so
 * AND, OR, *, ~, +, : and unbalanced quotes are all plain text. Any word may match.
 */
export function toLuceneQuery(input: string): string {
  return searchTerms(input).map((t) => `"${t.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(' ');
}

/** Which of a record's text fields contain any of the words (case-insensitive). */
export function matchedFields(record: Record<string, unknown>, terms: readonly string[]): string[] {
  const words = terms.map((t) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()).flatMap((t) => t.split(' ')).filter(Boolean);
  return SEARCH_FIELDS.filter((f) => {
    const v = record[f];
    const text = (Array.isArray(v) ? v.join(' ') : typeof v === 'string' ? v : '').toLowerCase();
    return text !== '' && words.some((w) => text.includes(w));
  });
}
