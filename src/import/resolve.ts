import { contentWords, isGeneric, key, looseKey, parseName, type ParsedName } from './names.js';

/** An authority or company already in the graph, as entity resolution sees it. */
export interface KnownEntity {
  id: string;
  label: 'Authority' | 'Company';
  name: string;
  aliases: string[];
  /** Its own country (IN_COUNTRY). */
  country: string | null;
  /**
   * A company a catalogue created has no country of its own: the countries of the authorities
   * whose decisions against it were imported tell it apart (Unicredit Bank SA of Romania and
   * UniCredit Bank of Czechia). Absent or empty: no country known.
   */
  countries?: string[];
}

/** One spelling of a party in one row of a catalogue. */
export interface Mention {
  label: 'Authority' | 'Company';
  name: string;
  /**
   * Parties are told apart by country: two countries each have a "Datatilsynet", and a company
   * named alike in two countries is two companies. For a company, the country of the authority
   * that decided on it.
   */
  country: string | null;
  /** The row the mention comes from (generic names stay one party per row). */
  row: string;
}

export type MatchHow =
  | 'id' // the text is the entity's id
  | 'exact' // the text is the entity's name or one of its aliases
  | 'normalised' // equal once case, accents, punctuation and legal forms are ignored
  | 'abbreviation' // its abbreviation in brackets is the entity's name, alias or abbreviation
  | 'group designator' // equal once "International", "Group"... are ignored as well
  | 'words' // its words are all in the entity's name, the only such entity in that country
  | 'variant in file'; // another spelling of it in the same file matched

export interface Resolution {
  /** Every mention's party: `${label}|${country}|${name}` (or `|row` for generic names) to id. */
  idOf: Map<string, string>;
  /** Entities of the graph that spellings resolved to; each spelling with how, and the first row that uses it. */
  matched: { label: string; id: string; name: string; texts: { text: string; how: MatchHow; row: string }[] }[];
  created: NewEntity[];
  /** Spellings that fit several entities: each got a new entity, and a warning. */
  ambiguous: { text: string; candidates: string[] }[];
}

export interface NewEntity {
  label: 'Authority' | 'Company';
  /** Chosen later (ids.ts): stable and readable. */
  id?: string;
  name: string;
  aliases: string[];
  abbreviation: string | null;
  country: string | null;
  generic: boolean;
  /** The mention keys that resolve to it. */
  mentionKeys: string[];
  firstRow: string;
}

export const mentionKey = (m: Mention, generic: boolean): string =>
  `${m.label}|${m.country ?? ''}|${m.name.trim()}${generic ? `|${m.row}` : ''}`;

/**
 * Resolves the parties named in a catalogue against the graph: first the spellings are grouped
 * within their country (the same key, the same bracketed abbreviation, or for authorities, one
 * name's words all within another's and no other's), then each group is looked up among the known
 * entities of its kind by id, name and aliases, normalised. A name finds an entity of another
 * country only by its id (a key stronger than a name); an entity with no country known takes a
 * name from any. A group that fits exactly one entity is matched to it; otherwise it becomes a new
 * entity whose other spellings are its aliases. Generic names ("Private individual") form a group
 * of their own in every row.
 */
export function resolveEntities(mentions: Mention[], known: KnownEntity[]): Resolution {
  const groups = groupMentions(mentions);
  const index = indexKnown(known);
  const idOf = new Map<string, string>();
  const matched = new Map<string, Resolution['matched'][number]>();
  const created: NewEntity[] = [];
  const ambiguous: Resolution['ambiguous'] = [];

  for (const g of groups) {
    const found = g.generic ? { kind: 'none' as const } : lookUp(g, index);
    if (found.kind === 'one') {
      let m = matched.get(found.entity.id);
      if (!m) matched.set(found.entity.id, m = { label: found.entity.label, id: found.entity.id, name: found.entity.name, texts: [] });
      for (const p of g.parsed) {
        if (!m.texts.some((t) => t.text === p.text)) m.texts.push({ text: p.text, how: found.how.get(p.text) ?? 'variant in file', row: g.rows.get(p.text)! });
      }
      for (const k of g.mentionKeys) idOf.set(k, found.entity.id);
      continue;
    }
    if (found.kind === 'many') ambiguous.push({ text: g.parsed[0]!.text, candidates: found.ids });
    created.push(newEntity(g));
  }
  return { idOf, matched: [...matched.values()], created, ambiguous };
}

interface Group {
  label: 'Authority' | 'Company';
  country: string | null;
  generic: boolean;
  /** Spellings in order of first appearance, with how many rows use each. */
  parsed: ParsedName[];
  counts: Map<string, number>;
  /** The first row of each spelling. */
  rows: Map<string, string>;
  mentionKeys: string[];
  firstRow: string;
}

function groupMentions(mentions: Mention[]): Group[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const m of mentions) {
    const p = parseName(m.name);
    const generic = isGeneric(p);
    const mk = mentionKey(m, generic);
    const scope = `${m.label}|${m.country ?? ''}`;
    const keys = generic ? [`generic|${mk}`] : keysOf(p).map((k) => `${scope}|${k}`);
    const existing = keys.map((k) => byKey.get(k)).filter((g): g is Group => !!g);
    let g = existing[0];
    if (!g) {
      g = { label: m.label, country: m.country, generic, parsed: [], counts: new Map(), rows: new Map(), mentionKeys: [], firstRow: m.row };
      groups.push(g);
    }
    // A spelling that links two groups joins them.
    for (const other of existing.slice(1)) if (other !== g) absorb(g, other, groups, byKey);
    if (!g.parsed.some((x) => x.text === p.text)) g.parsed.push(p);
    g.counts.set(p.text, (g.counts.get(p.text) ?? 0) + 1);
    if (!g.rows.has(p.text)) g.rows.set(p.text, m.row);
    if (!g.mentionKeys.includes(mk)) g.mentionKeys.push(mk);
    for (const k of keys) byKey.set(k, g);
  }
  // Authorities of one country: a name whose words all appear in exactly one other name of that
  // country is that body ("Personal Data Protection Office" within "Polish National Personal
  // Data Protection Office (UODO)"). Two candidates: left apart.
  for (const g of [...groups]) {
    if (g.label !== 'Authority' || !groups.includes(g)) continue;
    const mine = contentWords(g.parsed[0]!.base);
    const supersets = groups.filter((o) => o !== g && o.label === 'Authority' && o.country === g.country
      && o.parsed.some((p) => isSubset(mine, contentWords(p.base))));
    if (supersets.length === 1) absorb(supersets[0]!, g, groups, byKey);
  }
  return groups;
}

function absorb(into: Group, from: Group, groups: Group[], byKey: Map<string, Group>) {
  for (const p of from.parsed) if (!into.parsed.some((x) => x.text === p.text)) into.parsed.push(p);
  for (const [t, n] of from.counts) into.counts.set(t, (into.counts.get(t) ?? 0) + n);
  for (const [t, row] of from.rows) if (!into.rows.has(t)) into.rows.set(t, row);
  into.mentionKeys.push(...from.mentionKeys.filter((k) => !into.mentionKeys.includes(k)));
  groups.splice(groups.indexOf(from), 1);
  for (const [k, v] of byKey) if (v === from) byKey.set(k, into);
}

const isSubset = (a: Set<string>, b: Set<string>) => a.size > 0 && a.size < b.size && [...a].every((x) => b.has(x));

/** The keys a spelling is known by: its normalised base and its abbreviation. */
function keysOf(p: ParsedName): string[] {
  const keys = [`name:${key(p.base)}`];
  if (p.abbreviation) keys.push(`abbr:${key(p.abbreviation)}`);
  // A name that is itself one capitalised word ("ICO") is also an abbreviation.
  else if (/^[\p{Lu}\p{N}]{2,}$/u.test(p.base)) keys.push(`abbr:${key(p.base)}`);
  return keys;
}

interface KnownIndex {
  byKey: Map<string, KnownEntity[]>;
  byLooseKey: Map<string, KnownEntity[]>;
  entities: KnownEntity[];
}

function indexKnown(known: KnownEntity[]): KnownIndex {
  const byKey = new Map<string, KnownEntity[]>();
  const byLooseKey = new Map<string, KnownEntity[]>();
  const add = (m: Map<string, KnownEntity[]>, k: string, e: KnownEntity) => {
    const list = m.get(k) ?? [];
    if (!list.includes(e)) list.push(e);
    m.set(k, list);
  };
  for (const e of known) {
    add(byKey, `id:${e.id}`, e);
    for (const text of [e.name, ...e.aliases]) {
      const p = parseName(text);
      for (const k of keysOf(p)) add(byKey, k, e);
      // A known name or alias may be what a catalogue puts in brackets, and the other way round.
      add(byKey, `abbr:${key(p.base)}`, e);
      const loose = looseKey(p.base);
      add(byLooseKey, loose ?? key(p.base), e);
    }
  }
  return { byKey, byLooseKey, entities: known };
}

type LookUp = { kind: 'one'; entity: KnownEntity; how: Map<string, MatchHow> } | { kind: 'many'; ids: string[] } | { kind: 'none' };

function lookUp(g: Group, index: KnownIndex): LookUp {
  // The same country, or none known on either side; an id is a key of its own and fits anywhere.
  const fits = (e: KnownEntity, h?: MatchHow) => {
    if (e.label !== g.label) return false;
    const theirs = countriesOf(e);
    return h === 'id' || !g.country || theirs.length === 0 || theirs.includes(g.country);
  };
  const how = new Map<string, MatchHow>();
  const found = new Map<string, KnownEntity>();
  for (const p of g.parsed) {
    const hits: [KnownEntity, MatchHow][] = [];
    for (const e of index.byKey.get(`id:${p.text}`) ?? []) hits.push([e, 'id']);
    for (const e of index.entities) if (e.name === p.text || e.aliases.includes(p.text)) hits.push([e, 'exact']);
    for (const e of index.byKey.get(`name:${key(p.base)}`) ?? []) hits.push([e, 'normalised']);
    for (const k of keysOf(p).filter((x) => x.startsWith('abbr:'))) for (const e of index.byKey.get(k) ?? []) hits.push([e, 'abbreviation']);
    for (const [e, h] of hits) {
      if (!fits(e, h)) continue;
      found.set(e.id, e);
      if (!how.has(p.text)) how.set(p.text, h);
    }
  }
  if (found.size === 0 && g.label === 'Company') {
    for (const p of g.parsed) {
      for (const e of index.byLooseKey.get(looseKey(p.base) ?? key(p.base)) ?? []) {
        if (!fits(e)) continue;
        found.set(e.id, e);
        if (!how.has(p.text)) how.set(p.text, 'group designator');
      }
    }
  }
  if (found.size === 0 && g.label === 'Authority') {
    const inCountry = index.entities.filter((e) => fits(e) && countriesOf(e).includes(g.country!));
    for (const p of g.parsed) {
      const mine = contentWords(p.base);
      const hits = inCountry.filter((e) => [e.name, ...e.aliases].some((t) => isSubset(mine, contentWords(parseName(t).base))));
      if (hits.length === 1) { found.set(hits[0]!.id, hits[0]!); how.set(p.text, 'words'); }
    }
  }
  if (found.size === 1) return { kind: 'one', entity: [...found.values()][0]!, how };
  if (found.size > 1) return { kind: 'many', ids: [...found.keys()].sort() };
  return { kind: 'none' };
}

const countriesOf = (e: KnownEntity): string[] => (e.country ? [e.country] : e.countries ?? []);

/** The most used spelling names the new entity (ties: the first seen); the others are aliases. */
function newEntity(g: Group): NewEntity {
  const best = [...g.parsed].sort((a, b) => (g.counts.get(b.text)! - g.counts.get(a.text)!))[0]!;
  const name = g.generic ? best.text : best.base;
  const abbreviation = g.generic ? null : (best.abbreviation ?? g.parsed.find((p) => p.abbreviation)?.abbreviation ?? null);
  const aliases = [...new Set([abbreviation, ...g.parsed.map((p) => p.text)].filter((t): t is string => !!t && t !== name))];
  return { label: g.label, name, aliases, abbreviation, country: g.country, generic: g.generic, mentionKeys: g.mentionKeys, firstRow: g.firstRow };
}
