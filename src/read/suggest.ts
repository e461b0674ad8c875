import slugify from '@sindresorhus/slugify';
import levenshtein from 'damerau-levenshtein';

export interface Candidate {
  id: string;
  /** Names and aliases, matched as a person would type them. */
  names: readonly string[];
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** The parameters of a suggest query (cypher/common/suggest/): the id's variants an index can look up, and its first characters. */
export function suggestParameters(given: string): { variants: string[]; lowerPrefix: string; upperPrefix: string } {
  const trimmed = given.trim();
  const variants = [...new Set([trimmed, trimmed.toLowerCase(), trimmed.toUpperCase(), slugify(trimmed, { decamelize: false })])];
  const prefix = trimmed.slice(0, 2);
  return { variants, lowerPrefix: prefix.toLowerCase(), upperPrefix: prefix.toUpperCase() };
}

/**
 * The id a client most likely meant, or null when none is close: the same id in another case
 * ("kr" -> "KR"), an entity named so ("SK Telecom" -> "sk-telecom"), its slug, a typo away
 * (1 edit in 3-4 characters, 2 in 5 or more: "coupnag" -> "coupang"), or the one id it begins
 * ("phone" -> "phone-number").
 */
export function closestId(given: string, candidates: readonly Candidate[]): string | null {
  const g = fold(given);
  if (!g) return null;
  const byId = (pick: (c: Candidate) => boolean) => candidates.filter(pick).map((c) => c.id).sort()[0] ?? null;
  const slug = slugify(given, { decamelize: false });
  const exact = byId((c) => fold(c.id) === g) ?? byId((c) => c.names.some((n) => fold(n) === g)) ?? byId((c) => c.id === slug);
  if (exact) return exact;
  const allowed = g.length >= 5 ? 2 : g.length >= 3 ? 1 : 0;
  let best: { id: string; d: number } | null = null;
  for (const c of candidates) {
    // Damerau: a swap of two letters is one edit, as in the search's typo tolerance.
    const d = levenshtein(g, fold(c.id)).steps;
    if (d <= allowed && (!best || d < best.d || (d === best.d && c.id < best.id))) best = { id: c.id, d };
  }
  if (best) return best.id;
  if (g.length >= 3) {
    const starting = candidates.filter((c) => fold(c.id).startsWith(g));
    if (starting.length === 1) return starting[0]!.id;
  }
  return null;
}
