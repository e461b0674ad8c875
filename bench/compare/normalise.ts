/**
 * The three servers answer in their own shapes; these functions bring each answer to one
 * canonical form so that "the same answer" can be checked by comparing strings.
 *
 * Canonical form: this API's field names; a to-one relationship is an object or null; money is
 * flat (`amount`, `currency`: the stored properties); a date is its ISO string (the stored
 * property); a connection is the list of its nodes. Lists below the root are sorted (by id, or by
 * their canonical text when items have no id) because their order is not part of any contract
 * compared here; the root list keeps its order where the kind asks for one.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * This API: `edges { node }` -> nodes, `PartialDate { iso }` -> the ISO string,
 * `amount: Money { amount currency }` -> `amount` and `currency` on the parent.
 */
export function fromApi(v: unknown): Json {
  if (Array.isArray(v)) return v.map(fromApi);
  if (!isObject(v)) return (v ?? null) as Json;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === 'edges' && Array.isArray(v.edges)) return v.edges.map((e) => fromApi((e as { node: unknown }).node));
  if (keys.length === 1 && keys[0] === 'iso') return v.iso as string;
  const out: Record<string, Json> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'amount' && isObject(x) && 'currency' in x) {
      out.amount = (x.amount ?? null) as Json;
      out.currency = (x.currency ?? null) as Json;
    } else out[k] = fromApi(x);
  }
  return out;
}

/** @neo4j/graphql has no to-one relationship fields: these lists hold at most one node. */
const TO_ONE = new Set(['company', 'incident', 'person', 'category', 'authority']);

/**
 * @neo4j/graphql: to-one lists -> the node or null, `exposures(where: {exposed: true})` ->
 * `exposedData`, `sourcesConnection { edges { properties node } }` -> SourceRef-like items.
 */
export function fromLib(v: unknown): Json {
  if (Array.isArray(v)) return v.map(fromLib);
  if (!isObject(v)) return (v ?? null) as Json;
  const out: Record<string, Json> = {};
  for (const [k, x] of Object.entries(v)) {
    if (TO_ONE.has(k) && Array.isArray(x)) {
      // More than one node where this API has one is a real disagreement: keep the list to show it.
      out[k] = x.length === 0 ? null : x.length === 1 ? fromLib(x[0]) : fromLib(x);
    } else if (k === 'exposures') {
      out.exposedData = fromLib(x);
    } else if (k === 'sourcesConnection' && isObject(x) && Array.isArray(x.edges)) {
      out.sources = x.edges.map((e) => {
        const { properties, node } = e as { properties: { attribution?: string | null; about?: string[] | null }; node: unknown };
        // This API answers `about` as coalesce(r.about, []): the same rule, applied here.
        return { attribution: properties.attribution ?? null, about: properties.about ?? [], source: fromLib(node) };
      });
    } else out[k] = fromLib(x);
  }
  return out;
}

/** Hand-written Cypher returns the canonical shape itself (see bench/compare/cypher/). */
export const fromCypher = (v: unknown): Json => (v ?? null) as Json;

const text = (v: Json): string => JSON.stringify(v);

/** Keys sorted, lists below the root sorted; the root list is sorted only when `ordered` is false. */
export function canon(v: Json, ordered: boolean, depth = 0): Json {
  if (Array.isArray(v)) {
    const items = v.map((x) => canon(x, ordered, depth + 1));
    if (depth === 0 && ordered) return items;
    const key = (x: Json) => (isObject(x) && typeof x.id === 'string' ? `0${x.id}` : `1${text(x)}`);
    return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  if (!isObject(v)) return v;
  const out: Record<string, Json> = {};
  for (const k of Object.keys(v).sort()) out[k] = canon(v[k]!, ordered, depth + 1);
  return out;
}

/** The first place two canonical answers differ, as a path and both values (shortened). */
export function firstDifference(a: Json, b: Json, path = '$'): string | null {
  if (text(a) === text(b)) return null;
  const short = (x: Json) => { const s = text(x) ?? 'undefined'; return s.length > 160 ? `${s.slice(0, 160)}...` : s; };
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let k = 0; k < Math.min(a.length, b.length); k++) {
      const d = firstDifference(a[k]!, b[k]!, `${path}[${k}]`);
      if (d) return d;
    }
    return `${path}: ${a.length} items vs ${b.length} items (first extra: ${short((a.length > b.length ? a : b)[Math.min(a.length, b.length)]!)})`;
  }
  if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k] ?? null, b[k] ?? null, `${path}.${k}`);
      if (d) return d;
      if (!(k in a) || !(k in b)) return `${path}.${k}: present in only one answer`;
    }
  }
  return `${path}: ${short(a)} vs ${short(b)}`;
}

/** How many objects an answer holds (a size check: an empty answer measures nothing). */
export function countObjects(v: Json): number {
  if (Array.isArray(v)) return v.reduce<number>((n, x) => n + countObjects(x), 0);
  if (!isObject(v)) return 0;
  return 1 + Object.values(v).reduce<number>((n, x) => n + countObjects(x), 0);
}

export type { Json };
