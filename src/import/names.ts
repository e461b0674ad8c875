import transliterate from '@sindresorhus/transliterate';

/**
 * How names are compared when a catalogue's spelling meets the graph's: keys that ignore case,
 * accents, punctuation and legal forms ("Vodafone España, S.A.U." and "Vodafone Espana" share
 * "vodafone espana"), with an abbreviation in brackets kept apart ("Information Commissioner (ICO)"
 * gives "information commissioner" and "ico").
 */
export interface ParsedName {
  /** The name as given, trimmed. */
  text: string;
  /** Without a trailing bracket: "Information Commissioner". */
  base: string;
  /** A single capitalised word in brackets: an abbreviation or local name ("ICO", "Persónuvernd"). */
  abbreviation: string | null;
  /** Any other bracketed text, a description ("football coach", "unknown"). */
  qualifier: string | null;
}

const BRACKET = /^(.*?)\s*\(([^()]+)\)\s*$/;
const QUOTES = /^['"‘’“”]+|['"‘’“”]+$/g;

export function parseName(raw: string): ParsedName {
  const text = raw.trim().replace(/\s+/g, ' ');
  const m = BRACKET.exec(text);
  if (!m || !m[1]) return { text, base: text, abbreviation: null, qualifier: null };
  const inner = m[2]!.trim().replace(QUOTES, '');
  const isAbbreviation = /^\p{Lu}[\p{L}\p{N}.&-]*$/u.test(inner) && !/\s/.test(inner);
  return { text, base: m[1], abbreviation: isAbbreviation ? inner : null, qualifier: isAbbreviation ? null : inner };
}

// Legal forms, written as normalisation leaves them (dots dropped, letters joined: "S.A.U." -> "sau").
const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'pllc',
  'sa', 'sau', 'sas', 'sasu', 'sarl', 'sca', 'scs', 'snc', 'srl', 'sl', 'slu', 'slne', 'spa', 'sapa', 'scarl',
  'gmbh', 'ag', 'se', 'kg', 'kgaa', 'gbr', 'ug', 'ohg', 'ev', 'eg', 'bv', 'nv', 'vof', 'cv', 'ab', 'as', 'asa',
  'aps', 'oy', 'oyj', 'hf', 'ehf', 'kft', 'zrt', 'nyrt', 'bt', 'spzoo', 'zoo', 'sro', 'spol', 'doo', 'dd', 'ad',
  'ead', 'eood', 'ood', 'et', 'ifn', 'lda', 'sgps', 'oe', 'ee', 'ike', 'epe', 'uab', 'ab', 'sia', 'ou', 'pty',
]);
// Legal forms that stand before the name ("SC Enel Energie S.A.", "UAB MisterTango").
const LEGAL_PREFIXES = new Set(['sc', 'uab', 'sia', 'ooo', 'zao', 'pao', 'oao']);
// Words a group puts after its name; dropped only for a second, looser comparison of companies
// ("Marriott International" and "Marriott").
const DESIGNATORS = new Set(['international', 'group', 'holding', 'holdings', 'worldwide']);

/** Lower case, no accents, "&" as "and", possessive "'s" dropped, other punctuation as spaces. */
export function words(text: string): string[] {
  const plain = transliterate(text).toLowerCase()
    .replace(/['’`]s\b/g, '')
    .replace(/['’`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (!plain) return [];
  // Runs of single letters are one abbreviation: "s a u" (from "S.A.U.") is "sau".
  const out: string[] = [];
  let run = '';
  for (const w of plain.split(' ')) {
    if (w.length === 1 && /[a-z]/.test(w)) { run += w; continue; }
    if (run) { out.push(run); run = ''; }
    out.push(w);
  }
  if (run) out.push(run);
  return out;
}

/** The words of a name without its legal form: what two spellings of one company share. */
export function nameWords(text: string): string[] {
  const w = words(text);
  while (w.length > 1 && LEGAL_FORMS.has(w.at(-1)!)) w.pop();
  while (w.length > 1 && LEGAL_PREFIXES.has(w[0]!)) w.shift();
  return w;
}

export const key = (text: string): string => nameWords(text).join(' ');

/** key() without the designators a group adds ("marriott international" -> "marriott"), or null. */
export function looseKey(text: string): string | null {
  const w = nameWords(text);
  let changed = false;
  while (w.length > 1 && DESIGNATORS.has(w.at(-1)!)) { w.pop(); changed = true; }
  while (w.length > 1 && LEGAL_FORMS.has(w.at(-1)!)) { w.pop(); changed = true; }
  return changed ? w.join(' ') : null;
}

// Words that describe a party without naming it. A name made only of these ("Private individual",
// "Telecommunication Service Provider", "Bank (unknown)") is generic: two rows that say it may be
// two different parties, so such names are never merged with each other or matched to the graph.
const GENERIC_WORDS = new Set(`
  unknown unknwon not available disclosed undisclosed known anonymous unnamed
  private public individual individuals person persons people natural self employed entrepreneur sole trader
  company companies firm business businesses enterprise corporation organisation organization association
  bank banks insurer insurance financial finance credit brokerage broker lender debt collection collector agency
  sector institution representative agent enforcement commercial trade trading retail retailer merchant shop store
  restaurant bar cafe cafeteria hotel hospitality bookmaker betting casino
  telecommunication telecommunications telecom mobile operator operators service services provider providers network
  online internet website wesbite web platform app legal law office offices lawyer
  hospital hospitals clinic medical medicine doctor doctors physician health healthcare care nursing pharmacy addiction
  center centre practice dental dentist
  police officer officers mayor mayors city town village councilor councillor council municipality municipal
  government ministry state local authority military army
  school schools university college kindergarten teacher
  employer employee employees landlord homeowners tenants housing
  newspaper media publisher broadcaster
  political party
  sports sport club association football
  food utility energy transport shipping car renting rental delivery courier logistics
  small medium large big
  social security
  controller processor data
`.split(/\s+/).filter(Boolean));
const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'for', 'and', 'with', 'at', 'on', 'by', 'from', 'to']);

export function isGeneric(name: ParsedName): boolean {
  const w = words(name.base).filter((x) => !STOP_WORDS.has(x));
  return w.length > 0 && w.every((x) => GENERIC_WORDS.has(x));
}

/** The words that carry meaning, for comparing sets of words ("office" in both, "of" in neither). */
export function contentWords(text: string): Set<string> {
  return new Set(nameWords(text).filter((x) => !STOP_WORDS.has(x)));
}
