import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { QueryRegistry } from '../../src/graph/queries.js';
import { checkDefinitions } from '../../src/read/definitionCheck.js';
import { prefixParameters, splitTopLevel, stripComments, topLevelKeyword } from '../../src/cypher/text.js';
import { DefinitionError, Definitions, parseDefinition } from '../../src/read/definitions.js';
import { fieldMeta } from '../../src/modules/index.js';
import { fieldDomains, loadTypeDefs } from '../../src/modules/schema.js';

describe('field definitions (cypher/<domain>/<Type>.<field>.cypher)', () => {
  it('every field read through a definition has one, and every definition serves a field', () => {
    const definitions = new Definitions(new QueryRegistry(), fieldDomains());
    expect(definitions.names().length).toBeGreaterThan(50);
    expect(checkDefinitions(buildSchema(loadTypeDefs().join('\n')), definitions, fieldMeta)).toEqual([]);
  });

  it('a misnamed or missing definition is reported', () => {
    const registry = new QueryRegistry();
    const texts = (registry as unknown as { texts: Map<string, string> }).texts;
    texts.delete('incident/Incident.company');
    texts.set('incident/Incident.compnay', 'MATCH (this)-[:AFFECTED]->(n:Company)\nRETURN n');
    const problems = checkDefinitions(buildSchema(loadTypeDefs().join('\n')), new Definitions(registry, fieldDomains()), fieldMeta);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringContaining('Incident.company is read through a definition'),
      expect.stringContaining('incident/Incident.compnay.cypher names no field'),
    ]));
  });

  it('takes a definition apart: body, columns, order, limit, parameters', () => {
    const d = parseDefinition('x/T.f', `// comment with RETURN in it
MATCH (this)-[r:SOURCED_FROM]->(n:Source) // trailing ORDER BY
WHERE n.title <> 'RETURN x, y ORDER BY z'
CALL (this) { MATCH (this)--(m) RETURN m ORDER BY m.id LIMIT 1 }
RETURN n AS source, {a: [1, 2], b: r.x} AS extra, coalesce(r.about, []) AS about
ORDER BY n.publishedOn, n.id
LIMIT $first`);
    expect(d.columns).toEqual([
      { name: 'source', expr: 'n' }, { name: 'extra', expr: '{a: [1, 2], b: r.x}' }, { name: 'about', expr: 'coalesce(r.about, [])' },
    ]);
    expect(d.orderBy).toBe('n.publishedOn, n.id');
    expect(d.limit).toBe('$first');
    expect(d.parameters).toEqual(['first']);
    expect(d.usesThis).toBe(true);
    expect(d.body).not.toContain('comment');
  });

  it('refuses what the compiler cannot nest', () => {
    expect(() => parseDefinition('x/T.f', 'MATCH (n) RETURN count(n) AS c')).toThrow(DefinitionError);
    expect(() => parseDefinition('x/T.f', 'MATCH (n) RETURN DISTINCT n')).toThrow(DefinitionError);
    expect(() => parseDefinition('x/T.f', 'MATCH (_n) RETURN _n AS n')).toThrow(/reserved/);
    expect(() => parseDefinition('x/T.f', 'MATCH (n)')).toThrow(/RETURN/);
    expect(() => parseDefinition('x/T.f', 'MATCH (n) RETURN n.id + 1')).toThrow(/needs a name/);
    // A COLLECT subquery is not an aggregation.
    expect(parseDefinition('x/T.f', 'MATCH (n) RETURN COLLECT { MATCH (n)--(m) RETURN m.id } AS ids').columns[0]!.name).toBe('ids');
  });
});

describe('Cypher text helpers', () => {
  it('see keywords, commas and parameters only in code, not in strings or comments', () => {
    const t = "MATCH (n) WHERE n.x = 'ORDER BY $no' // RETURN $no\nRETURN n, {a: 1, b: 2} AS m ORDER BY n.id";
    expect(topLevelKeyword(t, 'ORDER BY')).toEqual([t.lastIndexOf('ORDER BY')]);
    expect(topLevelKeyword(t, 'RETURN')).toEqual([t.lastIndexOf('RETURN')]);
    expect(splitTopLevel('n, {a: 1, b: [2, 3]} AS m, f(x, y)')).toEqual(['n', '{a: 1, b: [2, 3]} AS m', 'f(x, y)']);
    expect(prefixParameters("MATCH (n {id: $id}) WHERE n.x = '$id' RETURN $id.y", 'p1_')).toBe("MATCH (n {id: $p1_id}) WHERE n.x = '$id' RETURN $p1_id.y");
    // Worked out once per text, and right for every prefix after that.
    expect(prefixParameters("MATCH (n {id: $id}) WHERE n.x = '$id' RETURN $id.y", 'q7_')).toBe("MATCH (n {id: $q7_id}) WHERE n.x = '$id' RETURN $q7_id.y");
    expect(prefixParameters('$a$b', 'x_')).toBe('$x_a$x_b');
    expect(stripComments("a // x 'y'\n/* z */ b 'c // d'")).toBe("a\n  b 'c // d'");
  });
});
