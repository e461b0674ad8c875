import { parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Memo, nodeId } from '../../src/read/memo.js';
import { data } from '../support/api.js';

const fieldOf = (query: string) => ((parse(query).definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode);

describe('compiled queries kept across requests (src/read/memo.ts)', () => {
  it('keys by the field node itself: the same text parsed twice is another node', () => {
    const a = fieldOf('{ incident(id: "x") { id } }');
    const b = fieldOf('{ incident(id: "x") { id } }');
    expect(nodeId(a)).toBe(nodeId(a));
    expect(nodeId(a)).not.toBe(nodeId(b));
    const memo = new Memo<string>();
    memo.set(a, 'k', 'compiled', 8);
    expect(memo.get(a, 'k')).toBe('compiled');
    expect(memo.get(b, 'k')).toBeUndefined();
  });

  it('keeps a bounded number of variable sets per document', () => {
    const a = fieldOf('query ($id: ID!) { incident(id: $id) { id } }');
    const memo = new Memo<number>();
    for (let i = 0; i < 1000; i++) memo.set(a, `v${i}`, i, 100);
    expect(memo.get(a, 'v999')).toBe(999);
    expect(memo.get(a, 'v0')).toBeUndefined();
  });

  it('keeps a bounded size in all, however many documents come', () => {
    const memo = new Memo<number>(10_000);
    const nodes = Array.from({ length: 200 }, (_, i) => fieldOf(`{ incident(id: "i${i}") { id } }`));
    nodes.forEach((n, i) => memo.set(n, 'k', i, 999));
    expect(memo.get(nodes[199]!, 'k')).toBe(199);
    expect(memo.get(nodes[0]!, 'k')).toBeUndefined();
    expect(nodes.filter((n) => memo.get(n, 'k') !== undefined).length).toBeLessThanOrEqual(10);
  });

  // Through the server: the same document again with other variables must not get the first answer.
  const ONE = 'query ($id: ID!, $more: Boolean!) { incident(id: $id) { id title @include(if: $more) company { id } } }';

  it('the same document with other variables is compiled for them', async () => {
    const coupang = await data(ONE, { id: 'coupang-breach-2025', more: true });
    const skt = await data(ONE, { id: 'skt-breach-2025', more: false });
    const again = await data(ONE, { id: 'coupang-breach-2025', more: true });
    expect(coupang.incident).toMatchObject({ id: 'coupang-breach-2025', company: { id: 'coupang' } });
    expect(coupang.incident.title).toEqual(expect.any(String));
    expect(skt.incident).toEqual({ id: 'skt-breach-2025', company: { id: 'sk-telecom' } });
    expect(again).toEqual(coupang);
  });

  it('a list page and the page after it, asked with the same document', async () => {
    const LIST = 'query ($after: String) { incidents(first: 2, after: $after) { edges { node { id } } pageInfo { endCursor } } }';
    const first = await data(LIST, {});
    const second = await data(LIST, { after: first.incidents.pageInfo.endCursor });
    const firstAgain = await data(LIST, {});
    const ids = (r: typeof first) => r.incidents.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids(second)).toHaveLength(2);
    expect(ids(second)).not.toEqual(expect.arrayContaining(ids(first)));
    expect(ids(firstAgain)).toEqual(ids(first));
  });
});
