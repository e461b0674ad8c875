import { buildSchema, parse, type FieldNode, type GraphQLObjectType, type InlineFragmentNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { QueryRegistry } from '../../src/graph/queries.js';
import { fieldMeta } from '../../src/modules/index.js';
import { fieldDomains, loadTypeDefs } from '../../src/modules/schema.js';
import { Compiler } from '../../src/read/compile.js';
import { Definitions } from '../../src/read/definitions.js';
import { fieldKey } from '../../src/read/keys.js';

// Shapes of the compiler that the published queries (test/read/compiled.test.ts) do not reach:
// a node of an abstract type whose members each bring relationship fields, and the batched
// fallback of one field for many parents. No database: plan -> emit -> decode only.
const schema = buildSchema(loadTypeDefs().join('\n'));
const compiler = new Compiler(new Definitions(new QueryRegistry(), fieldDomains()), fieldMeta);
const req = { schema, fragments: {}, variableValues: {} };

const rootOf = (query: string) => ((parse(query).definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode);
const inFragment = (root: FieldNode, type: string, field: string) => (root.selectionSet!.selections
  .find((s) => (s as InlineFragmentNode).typeCondition?.name.value === type) as InlineFragmentNode).selectionSet.selections
  .find((s) => (s as FieldNode).name.value === field) as FieldNode;

describe('compiler shapes', () => {
  it('an abstract node: its labels come first, and each type\'s relationship fields run only for nodes of that type', () => {
    const root = rootOf('{ node(id: "x") { id ... on Incident { title company { id name } } ... on Company { name incidents { id title } } } }');
    const b = compiler.builder(req);
    const proj = compiler.node(b, 'x', schema.getType('Node')!, [[root]]);
    expect(proj.map).toMatch(/^\[x\.id, labels\(x\), /);
    expect(proj.bound).toHaveLength(2);
    expect(proj.bound[0]).toContain('WITH x AS this WHERE this:Incident');
    expect(proj.bound[1]).toContain('WITH x AS this WHERE this:Company');
    const company = fieldKey(inFragment(root, 'Incident', 'company'));
    const incidents = fieldKey(inFragment(root, 'Company', 'incidents'));
    // An incident: the Company branch's subquery gave nothing (null stays null).
    expect(proj.decode(['i1', ['Incident', 'Entity'], 'A breach', null, ['c1', 'Acme'], null])).toEqual({
      id: 'i1', _labels: ['Incident', 'Entity'], title: 'A breach', name: null, [company]: { id: 'c1', name: 'Acme' }, [incidents]: null,
    });
  });

  it('the fallback for parents that came without a field: one query for all their ids, the field\'s subtree compiled in', () => {
    const root = rootOf('{ incident(id: "x") { company { id name incidents { id } } } }');
    const field = root.selectionSet!.selections[0] as FieldNode;
    const q = compiler.batch(req, schema.getType('Incident') as GraphQLObjectType, [field], {});
    expect(q.text.split('\n').slice(0, 2)).toEqual(['UNWIND $keys AS key', 'MATCH (_x0:Incident {id: key})']);
    expect(q.text).toMatch(/\nRETURN key, items\[0\] AS value$/);
    // The nested incidents list is a subquery of the company's, under the key its resolver reads.
    const incidents = fieldKey((field.selectionSet!.selections[2] as FieldNode));
    expect(q.decode(['c1', 'Acme', [['i1'], ['i2']]])).toEqual({ id: 'c1', name: 'Acme', [incidents]: [{ id: 'i1' }, { id: 'i2' }] });
  });
});
