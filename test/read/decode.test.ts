import { buildSchema, parse, type FieldNode, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { QueryRegistry } from '../../src/graph/queries.js';
import { Compiler } from '../../src/read/compile.js';
import { Definitions } from '../../src/read/definitions.js';
import { fieldKey } from '../../src/read/keys.js';
import { fieldMeta } from '../../src/modules/index.js';
import { fieldDomains, loadTypeDefs } from '../../src/modules/schema.js';

// Nodes come back from Neo4j as lists of their values; these hold the decoder to the order the
// compiled list is written in, without a database (what Neo4j answers is tested in test/api/).
const schema = buildSchema(loadTypeDefs().join('\n'));
const compiler = new Compiler(new Definitions(new QueryRegistry(), fieldDomains()), fieldMeta);

function project(query: string) {
  const doc = parse(query);
  const op = doc.definitions[0] as OperationDefinitionNode;
  const root = op.selectionSet.selections[0] as FieldNode;
  const req = { schema, fragments: {}, variableValues: {} };
  const b = compiler.builder(req);
  const proj = compiler.node(b, 'x', schema.getType('Incident') as GraphQLObjectType, [[root]]);
  const company = root.selectionSet!.selections.find((s) => (s as FieldNode).name.value === 'company') as FieldNode;
  return { proj, companyKey: fieldKey(company) };
}

describe('compiled nodes as lists', () => {
  it('a node is a list of its id, the properties its fields read and its relationship fields, in that order', () => {
    const { proj, companyKey } = project('{ incident(id: "x") { id title company { id name } } }');
    expect(proj.map).toMatch(/^\[x\.id, x\.title, /);
    expect(proj.bound).toHaveLength(1);
    expect(proj.bound[0]).toMatch(/^COLLECT \{/);
    expect(proj.decode(['i1', 'A title', ['c1', 'Acme']])).toEqual({ id: 'i1', title: 'A title', [companyKey]: { id: 'c1', name: 'Acme' } });
  });

  it('a list of nulls is a null node (an optional one), and a null value stays null', () => {
    const { proj, companyKey } = project('{ incident(id: "x") { id title company { id name } } }');
    expect(proj.decode([null, null, null])).toBeNull();
    expect(proj.decode(['i1', null, null])).toEqual({ id: 'i1', title: null, [companyKey]: null });
  });
});
