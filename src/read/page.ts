import { getNamedType, type FieldNode, type GraphQLNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { badInput } from '../errors.js';
import type { PageInfoValue } from '../modules/common/records.js';
import { pageSize } from '../pagination/pageSize.js';
import { collectSubfields, type Request } from './selection.js';

/**
 * The page rule every root connection follows (root lists, src/read/connection.ts, and search,
 * src/modules/search/resolvers.ts): forwards with first/after or backwards with last/before, never
 * both; a page size within the cap (src/pagination/pageSize.ts); pageInfo from the edges.
 */

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageRequest {
  backward: boolean;
  size: number;
  /** The cursor the page starts after (or ends before, backwards), and the argument that gave it. */
  cursor: string | null;
  cursorArg: 'after' | 'before';
}

export function pageRequest(args: PageArgs): PageRequest {
  const backward = args.last != null || args.before != null;
  if (backward && (args.first != null || args.after != null)) throw badInput('Page with first/after or with last/before, not both.', 'last');
  return backward
    ? { backward, size: pageSize(args.last, 'last'), cursor: args.before ?? null, cursorArg: 'before' }
    : { backward, size: pageSize(args.first, 'first'), cursor: args.after ?? null, cursorArg: 'after' };
}

export function pageInfo(edges: readonly { cursor: string }[], hasNextPage: boolean, hasPreviousPage: boolean): PageInfoValue {
  return { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null };
}

export interface ConnectionSelection {
  /** The type under edges { node }, and one list of field nodes per place a node is selected. */
  nodeType: GraphQLNamedType;
  nodeGroups: FieldNode[][];
  totalCount: boolean;
  /** The other fields asked of the edges (search's matchedFields, score...). */
  edgeFields: Set<string>;
}

/** What a connection's selection asks: the nodes under edges { node }, totalCount, the edges' own fields. */
export function connectionSelection(req: Request, info: GraphQLResolveInfo): ConnectionSelection {
  const conn = getNamedType(info.returnType) as GraphQLObjectType;
  const edgeType = getNamedType(conn.getFields().edges!.type) as GraphQLObjectType;
  const nodeGroups: FieldNode[][] = [];
  const edgeFields = new Set<string>();
  let totalCount = false;
  for (const group of collectSubfields(req, conn, info.fieldNodes).values()) {
    const name = group[0]!.name.value;
    if (name === 'totalCount') totalCount = true;
    if (name !== 'edges') continue;
    for (const edge of collectSubfields(req, edgeType, group).values()) {
      const field = edge[0]!.name.value;
      if (field === 'node') nodeGroups.push(edge);
      else edgeFields.add(field);
    }
  }
  return { nodeType: getNamedType(edgeType.getFields().node!.type)!, nodeGroups, totalCount, edgeFields };
}
