import neo4j from 'neo4j-driver';
import { describe, expect, inject, it } from 'vitest';
import { QueryRegistry } from '../../src/graph/queries.js';
import { DefinitionError, Definitions, formFor, type Definition } from '../../src/read/definitions.js';
import { fieldDomains } from '../../src/modules/schema.js';
import { testDriver } from '../support/api.js';

// A plain form (<Type>.<field>.plain.cypher) stands in for its definition when the parameters it
// leaves out are null: over the curated graph (partial dates of every precision, undated items,
// ties) both must give every parent the same items in the same order, whole and cut by $first.
const driver = testDriver();
const definitions = new Definitions(new QueryRegistry(), fieldDomains());
const withPlain = definitions.names()
  .map((name) => ({ name, def: definitions.get(name.split('/')[1]!.split('.')[0]!, name.split('.')[1]!, true) }))
  .filter((x): x is { name: string; def: Definition & { plain: Definition } } => Boolean(x.def?.plain) && x.def!.name === x.name);

/** Each parent's items: every column of each, nodes as their ids (a row type's definition has several). */
function itemsPerParent(def: Definition, label: string): string {
  return `MATCH (this:${label})
CALL (this) {
  ${def.body}
  WITH *, [${def.columns.map((c) => c.expr).join(', ')}] AS item
  ${def.orderBy ? `ORDER BY ${def.orderBy}` : ''}
  ${def.limit ? `LIMIT ${def.limit}` : ''}
  RETURN collect(item) AS ids
}
RETURN this.id AS parent, ids ORDER BY parent`;
}

/** A value as compared: nodes as their ids, recursively. */
const asIds = (v: unknown): unknown => {
  if (v instanceof neo4j.types.Node) return v.properties.id;
  if (Array.isArray(v)) return v.map(asIds);
  if (v && typeof v === 'object' && !neo4j.isInt(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asIds(x)]));
  return v;
};

describe('plain forms of field definitions', () => {
  it('exist for the dated lists', () => {
    expect(withPlain.map((x) => x.name)).toEqual(expect.arrayContaining([
      'organization/Authority.investigations', 'incident/Incident.investigations', 'incident/Incident.fines',
    ]));
  });

  it('are chosen only when the parameters they leave out are null', () => {
    const def = withPlain.find((x) => x.name === 'incident/Incident.fines')!.def;
    expect(formFor(def, { order: null, from: null, to: null, first: 5 })).toBe(def.plain);
    expect(formFor(def, { first: 5 })).toBe(def.plain);
    expect(formFor(def, { order: 'NEWEST_FIRST', from: null, to: null, first: 5 })).toBe(def);
    expect(formFor(def, { order: null, from: '2020-01-01', to: null, first: 5 })).toBe(def);
  });

  it('must not use a parameter its definition lacks', () => {
    const registry = new QueryRegistry();
    const texts = (registry as unknown as { texts: Map<string, string> }).texts;
    texts.set('incident/Incident.fines.plain', 'MATCH (this)<-[:FOR_INCIDENT]-(n:Fine)\nWHERE n.year = $year\nRETURN n\nORDER BY n.id\nLIMIT $first');
    expect(() => new Definitions(registry, fieldDomains())).toThrow(DefinitionError);
  });

  it.each(withPlain.filter((x) => x.def.usesThis).map((x) => [x.name, x.def] as const))('%s: the same items in the same order', async (name, def) => {
    const label = name.split('/')[1]!.split('.')[0]!;
    let parentsWithItems = 0;
    for (const first of [1000, 2]) {
      const params = { order: null, from: null, to: null, first: neo4j.int(first), asOf: null };
      const [full, plain] = await Promise.all([def, def.plain].map(async (d) =>
        (await driver.executeQuery(itemsPerParent(d, label), params, { database: inject('database') })).records
          .map((r) => ({ parent: r.get('parent') as string, ids: asIds(r.get('ids')) as unknown[] }))));
      expect(plain).toEqual(full);
      parentsWithItems = Math.max(parentsWithItems, full!.filter((p) => p.ids.length > 0).length);
    }
    expect(parentsWithItems).toBeGreaterThan(0);
  });

  // Root fields (Query.paths, Stats.largestIncidents...): the whole query, with the arguments an
  // analyst would give and every other parameter null; rows compared with nodes as their ids.
  const ROOT_PARAMS: Record<string, unknown> = {
    from: 'coupang-breach-2025', to: 'skt-breach-2025', maxHops: neo4j.int(4), first: neo4j.int(10), types: null,
    exclude: ['SOURCED_FROM', 'PUBLISHED_BY'], metric: 'ACCOUNTS_AFFECTED',
  };
  it.each(withPlain.filter((x) => !x.def.usesThis).map((x) => [x.name, x.def] as const))('%s (a root field): the same rows in the same order', async (name, def) => {
    const registry = new QueryRegistry();
    const params = Object.fromEntries(def.parameters.map((p) => [p, ROOT_PARAMS[p] ?? null]));
    const [full, plain] = await Promise.all([name, `${name}.plain`].map(async (n) =>
      (await driver.executeQuery(registry.get(n), params, { database: inject('database') })).records.map((r) => asIds(r.toObject()))));
    expect(plain).toEqual(full);
    expect(full!.length).toBeGreaterThan(0);
  });
});
