import levenshtein from 'damerau-levenshtein';
import { badInput } from '../../errors.js';

export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_TERMS = 32;

/**
 * The node properties the full-text index `entity_search_3` reads (cypher/schema/constraints.cypher)
 * and the name each goes by in SearchEdge.matchedFields. The search* properties are kept by
 * seeds/99-derived-values.cypher: the attributions inside the sources behind a node (for an
 * incident, behind its facts too) and an incident's exposure details.
 */
export const SEARCH_FIELDS: Readonly<Record<string, string>> = {
  name: 'name', aliases: 'aliases', title: 'title', summary: 'summary', description: 'description', quote: 'quote', url: 'url',
  reason: 'reason', question: 'question', outcome: 'outcome', searchAttributions: 'attributions', searchExposed: 'exposedData', searchNotExposed: 'notExposedData',
};

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
 * How much more a word counts in these fields than in the others, in both queries: a name or an
 * alias is what an entity is called, so it outranks a mention of the words elsewhere (a source's
 * title, a URL); an incident's exposed data is what a data category's words ("phone numbers")
 * ask for; a title names an incident, investigation, position or event. The whole text as one
 * phrase counts four times again in each: a title or name typed out in full ("PIPC investigation
 * into the LG Uplus breach") outranks a name that has only some of its words ("LG Uplus").
 */
export const FIELD_BOOSTS: Readonly<Record<string, number>> = { name: 8, aliases: 8, searchExposed: 8, title: 2 };
const PHRASE_BOOST = 4;

/** A user's word (or words) as a quoted Lucene phrase: only \ and " mean anything inside quotes, and they are escaped. */
const quote = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/**
 * A Lucene query that searches the user's words as text, never as syntax: each word becomes a
 * quoted phrase with only the two characters that matter inside quotes (\ and ") escaped, so
 * AND, OR, *, ~, +, : and unbalanced quotes are all plain text. Any word may match, in any field;
 * the same phrases again on the fields of FIELD_BOOSTS (field names are ours, never the user's)
 * weigh where they were found.
 */
export function toLuceneQuery(input: string): string {
  const terms = searchTerms(input);
  const words = terms.map(quote);
  const clauses = [...words];
  for (const [field, boost] of Object.entries(FIELD_BOOSTS)) {
    for (const w of words) clauses.push(`${field}:${w}^${boost}`);
    if (terms.length > 1) clauses.push(`${field}:${quote(terms.join(' '))}^${PHRASE_BOOST * boost}`);
  }
  return clauses.join(' ');
}

/** The search text as a name is compared with it (cypher/search/hits.cypher: a name starting with it ranks higher). */
export function namePrefix(input: string): string {
  return searchTerms(input).join(' ').toLowerCase();
}

// UAX #29 word boundaries, as Lucene's standard tokenizer splits text.
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Lower-case runs of letters and digits: the only text a forgiving query is built from. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (!s.isWordLike) continue;
    for (const part of s.segment.split(/[^\p{L}\p{N}]+/u)) if (part) out.push(part);
  }
  return out;
}

/** Edits a word may be away from a word of the text and still match, by its length (as Elasticsearch's AUTO). */
export function allowedEdits(token: string): number {
  const n = [...token].length;
  return n < 3 ? 0 : n < 6 ? 1 : 2;
}

/** A word matches as a prefix from this many characters on ("Coup" finds Coupang). */
const MIN_PREFIX = 3;

/**
 * The forgiving query: each word of the text as a prefix and within its allowed edits
 * (transpositions count as one, "Coupnag" finds Coupang). Built from tokens of letters and
 * digits only, so nothing the user typed can act as Lucene syntax. Null when no word is long
 * enough to be forgiven.
 */
export function toForgivingQuery(input: string): string | null {
  const clauses = new Set<string>();
  for (const t of new Set(searchTerms(input).flatMap(tokens))) {
    const forms: string[] = [];
    if ([...t].length >= MIN_PREFIX) forms.push(`${t}*`);
    const edits = allowedEdits(t);
    if (edits > 0) forms.push(`${t}~${edits}`);
    for (const f of forms) {
      clauses.add(f);
      for (const [field, boost] of Object.entries(FIELD_BOOSTS)) clauses.add(`${field}:${f}^${boost}`);
    }
  }
  return clauses.size ? [...clauses].join(' ') : null;
}

/** Whether a word of a field matches a word of the search: as written, as a prefix, or within its allowed edits. */
function matches(word: string, term: string): boolean {
  if (word === term) return true;
  if ([...term].length >= MIN_PREFIX && word.startsWith(term)) return true;
  const edits = allowedEdits(term);
  return edits > 0 && Math.abs(word.length - term.length) <= edits && levenshtein(word, term).steps <= edits;
}

/**
 * The fields of a record where the search found its words, by the rules the index matched them
 * with (as written, prefix, typo tolerance): a hit found by forgiveness says where, too.
 */
export function matchedFields(record: Record<string, unknown>, terms: readonly string[]): string[] {
  const wanted = [...new Set(terms.flatMap(tokens))];
  const found: string[] = [];
  for (const [prop, field] of Object.entries(SEARCH_FIELDS)) {
    const v = record[prop];
    const text = Array.isArray(v) ? v.join(' ') : typeof v === 'string' ? v : '';
    if (!text) continue;
    const words = new Set(tokens(text));
    if (wanted.some((t) => [...words].some((w) => matches(w, t))) && !found.includes(field)) found.push(field);
  }
  return found;
}
