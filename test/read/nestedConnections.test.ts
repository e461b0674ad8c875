import { buildSchema, parse, type FieldNode, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { QueryRegistry } from '../../src/graph/queries.js';
import { fieldMeta } from '../../src/modules/index.js';
import { fieldDomains, loadTypeDefs } from '../../src/modules/schema.js';
import { Cursors } from '../../src/pagination/cursor.js';
import { Compiler } from '../../src/read/compile.js';
import { Definitions } from '../../src/read/definitions.js';
import { fieldKey } from '../../src/read/keys.js';
import { nestedConnection, nestedPage } from '../../src/read/nested.js';

// A connection beside a nested list (src/read/nested.ts), compiled without a database: one
// subquery per parent inside the root field's, its page and count from the list's own definition.
const schema = buildSchema(loadTypeDefs().join('\n'));
const cursors = new Cursors(Buffer.alloc(32, 7));
const compiler = new Compiler(new Definitions(new QueryRegistry(), fieldDomains()), fieldMeta, cursors);
const query = (type: string) => schema.getType(type) as GraphQLObjectType;
const rootOf = (q: string) => (parse(q).definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode;
const sub = (node: FieldNode, name: string) => node.selectionSet!.selections.find((s) => (s as FieldNode).name?.value === name) as FieldNode;

const compile = (q: string) => {
  const root = rootOf(q);
  const b = compiler.builder({ schema, fragments: {}, variableValues: {} });
  return { root, b, block: compiler.root(b, query('Query'), [root], { id: 'pipc' }) };
};

describe('nested connections, compiled', () => {
  it('the page and count of each parent sit in the root field\'s one subquery, projected for the page only', () => {
    const after = cursors.encode('Authority.finesImposed:NEWEST_FIRST', ['pipc', 3, 'f-4']);
    const { root, b, block } = compile(`{ authority(id: "pipc") { finesImposedConnection(orderBy: NEWEST_FIRST, first: 2, after: "${after}") {
      totalCount edges { cursor node { id company { name } } } } } }`);
    // the list's own definition, read whole, then sliced
    expect(block.call).toContain('MATCH (this)-[:IMPOSED]->(f:Fine)');
    expect(block.call).toMatch(/WITH collect\(_x\w+\) AS _a\w+/);
    expect(block.call).toMatch(/UNWIND _g\w+ AS _y\w+/);
    // the fine's company is read for the page's fines only: inside the UNWIND of the slice
    expect(block.call.indexOf('UNWIND')).toBeLessThan(block.call.lastIndexOf('MATCH (this)'));
    const values = Object.entries(b.params);
    expect(values.find(([k]) => k.endsWith('_cid'))?.[1]).toBe('f-4');
    expect(String(values.find(([k]) => k.endsWith('_size'))?.[1])).toBe('2');
    expect(String(values.find(([k]) => k.endsWith('_cat'))?.[1])).toBe('3');
    // [count, start, end, items] becomes the page the resolver reads
    const conn = fieldKey(sub(root, 'finesImposedConnection'));
    const company = fieldKey(sub(sub(sub(sub(root, 'finesImposedConnection'), 'edges'), 'node'), 'company'));
    expect(block.decode!(['pipc', [7, 4, 6, [['f-5', ['c', 'Acme']], ['f-6', null]]]])).toEqual({
      id: 'pipc', [conn]: { total: 7, start: 4, end: 6, nodes: [{ id: 'f-5', [company]: { id: 'c', name: 'Acme' } }, { id: 'f-6', [company]: null }] },
    });
  });

  it('a refused cursor keeps the connection out of the query (its resolver reports it at its path)', () => {
    const foreign = cursors.encode('Company.finesReceived:', ['c', 0, 'f']);
    const { block } = compile(`{ authority(id: "pipc") { name finesImposedConnection(first: 2, after: "${foreign}") { totalCount } } }`);
    expect(block.call).not.toContain('IMPOSED');
  });
});

describe('nested pages and cursors', () => {
  const page = (after?: string) => nestedPage('Authority.finesImposed:', { first: 2, after: after ?? null }, cursors);
  const nodes = [{ id: 'a' }, { id: 'b' }];

  it('pageInfo from where the slice sits in the whole list, cursors naming parent, position and item', () => {
    const c = nestedConnection(cursors, page(), 'pipc', { total: 5, start: 0, end: 2, nodes });
    expect(c.totalCount).toBe(5);
    expect(c.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(cursors.decode(c.edges[1]!.cursor, 'Authority.finesImposed:', 'after')).toEqual(['pipc', 1, 'b']);
    const last = nestedConnection(cursors, page(c.pageInfo.endCursor!), 'pipc', { total: 4, start: 2, end: 4, nodes });
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    // past the end: an empty page, nothing next
    const empty = nestedConnection(cursors, page(last.pageInfo.endCursor!), 'pipc', { total: 4, start: 4, end: 6, nodes: [] });
    expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it('a cursor of another parent, list or ordering, or not one of ours, is BAD_USER_INPUT', () => {
    const other = cursors.encode('Authority.finesImposed:', ['ico', 0, 'a']);
    expect(() => nestedConnection(cursors, page(other), 'pipc', { total: 1, start: 1, end: 3, nodes: [] })).toThrow(/another list/);
    expect(() => page(cursors.encode('Authority.finesImposed:NEWEST_FIRST', ['pipc', 0, 'a']))).toThrow(/another ordering/);
    expect(() => page(cursors.encode('Fine:sortDate:A', ['2025', 'a']))).toThrow(/another list/);
    expect(() => page(new Cursors(Buffer.alloc(32, 8)).encode('Authority.finesImposed:', ['pipc', 0, 'a']))).toThrow(/not one this API issued/);
    expect(() => page(cursors.encode('Authority.finesImposed:', ['pipc', -1, 'a']))).toThrow(/does not fit/);
    const code = (f: () => unknown) => {
      try { f(); } catch (e) { return (e as { extensions?: { code?: string } }).extensions?.code; }
      return 'accepted';
    };
    expect(code(() => page('x'))).toBe('BAD_USER_INPUT');
    expect(code(() => nestedConnection(cursors, page(other), 'pipc', { total: 0, start: 0, end: 0, nodes: [] }))).toBe('BAD_USER_INPUT');
  });
});
