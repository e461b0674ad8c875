import type { GraphQLResolveInfo } from 'graphql';
import type { EntityRecord } from '../modules/common/records.js';
import { bindClause, single, type Decode } from './compile.js';
import type { Context } from './context.js';
import { returnedColumns } from './definitions.js';
import { connectionSelection } from './page.js';
import { requestOf } from './reader.js';

/** A hit: the node projected for its selection, its score, and its text fields when they were asked for. */
export interface Hit {
  node: EntityRecord;
  score: number;
  text?: Record<string, unknown>;
}

export interface SearchWindow {
  /** Parameters of cypher/search/hits.cypher and count.cypher. */
  params: Record<string, unknown>;
  /** Whether any hit is read (a page of size 0, or one past the scan limit, reads none). */
  paging: boolean;
  /** Text properties to bring with each hit when the selection asks for a field computed from them (matchedFields). */
  textFields?: { edgeField: string; properties: readonly string[] };
}

/**
 * A full-text search as a root kind of the request's query: the page of hits
 * (cypher/search/hits.cypher) with each node projected for its selection, and the count
 * (cypher/search/count.cypher) when totalCount is selected, as one part run under the search budget.
 */
export function searchHits(ctx: Context, info: GraphQLResolveInfo, w: SearchWindow): Promise<{ hits: Hit[] | null; total: number | null }> {
  const req = requestOf(info);
  const shape = connectionSelection(req, info);
  return ctx.read.block('Query.search', req, (b) => {
    const p = b.bind(w.params);
    const out = b.name('_v');
    const hits = b.name('_v');
    const lines = ['CALL () {'];
    let decodeNode: Decode = (v) => v;
    if (w.paging) {
      const node = b.name('_x');
      const proj = ctx.read.compiler.node(b, node, shape.nodeType, shape.nodeGroups, req);
      decodeNode = proj.decode;
      const text = w.textFields && shape.edgeFields.has(w.textFields.edgeField)
        ? `, text: ${node} {${w.textFields.properties.map((f) => `.${f}`).join(', ')}}` : '';
      lines.push('CALL () {', p(ctx.read.queries.get('search/hits')), `WITH node AS ${node}, score`, ...bindClause(proj.bound),
        `RETURN collect({node: ${proj.map}, score: score${text}}) AS ${hits}`, '}');
    }
    const count = ctx.read.queries.get('search/count');
    if (shape.totalCount) lines.push('CALL () {', p(count), '}');
    lines.push(`RETURN {hits: ${w.paging ? hits : 'null'}, total: ${shape.totalCount ? returnedColumns(count)[0] : 'null'}} AS ${out}`, '}');
    return single({ call: lines.join('\n'), out, decode: (v: { hits: Hit[] | null; total: number | null }) => ({
      hits: v.hits?.map((h) => ({ ...h, node: decodeNode(h.node) as EntityRecord })) ?? null, total: v.total,
    }) });
  });
}
