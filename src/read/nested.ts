import neo4j from 'neo4j-driver';
import { badInput } from '../errors.js';
import type { ConnectionValue } from '../modules/common/records.js';
import type { Cursors } from '../pagination/cursor.js';
import { pageInfo, pageRequest, type PageArgs } from './page.js';

/**
 * A connection over a list nested in an entity (`finesImposedConnection` beside `finesImposed`):
 * the same definition (cypher/<domain>/<Type>.<list>.cypher), paged per parent inside the
 * request's one query (src/read/emit.ts, emitPage). The definition's order is arbitrary Cypher
 * (dates cut to days, undated rules...), so a page is a slice of the parent's ordered items, and a
 * cursor names the item it was issued for (and its position, used only when that item has left
 * the list): the next page starts right after that item wherever it now is, so items added or
 * removed elsewhere neither repeat nor skip one.
 */

/** Where a connection field keeps its page in its definition's parameters (no definition parameter starts with "_"). */
export const PAGE = '_page';

/** A nested page as planned: direction, size, and the item (and position) its cursor names. */
export interface NestedPage {
  /** The list and ordering cursors are issued for: "Authority.finesImposed:NEWEST_FIRST". */
  list: string;
  backward: boolean;
  size: number;
  /** The cursor's parent id (checked against the parent's own), item id and position; null without a cursor. */
  parent: string | null;
  itemId: string | null;
  at: number | null;
  cursorArg: 'after' | 'before';
}

/** The page's parameters in the query (integers as Neo4j integers: they index a list). */
export const pageParameters = (page: NestedPage): Record<string, unknown> => ({
  back: page.backward,
  size: neo4j.int(page.size),
  cid: page.itemId,
  cat: page.at == null ? null : neo4j.int(page.at),
});

/** first/after or last/before of a nested connection, its cursor checked (signature, list and ordering) when given. */
export function nestedPage(list: string, args: PageArgs, cursors: Cursors | undefined): NestedPage {
  const { backward, size, cursor, cursorArg } = pageRequest(args);
  let parent: string | null = null;
  let itemId: string | null = null;
  let at: number | null = null;
  if (cursor != null) {
    if (!cursors) throw new Error(`${list}: a cursor needs the cursor secret`);
    const v = cursors.decode(cursor, list, cursorArg);
    if (v.length !== 3 || typeof v[0] !== 'string' || typeof v[1] !== 'number' || !Number.isInteger(v[1]) || v[1] < 0 || typeof v[2] !== 'string') {
      throw badInput('The cursor does not fit this list.', cursorArg);
    }
    [parent, at, itemId] = v as [string, number, string];
  }
  return { list, backward, size, parent, itemId, at, cursorArg };
}

/** What the query gives for one parent's page: the parent's whole count, where the slice starts and ends, its items. */
export interface PageValue<T> {
  total: number;
  start: number;
  end: number;
  nodes: T[];
}

/**
 * The connection of one parent: edges with cursors (parent id, position, item id), pageInfo from
 * where the slice sits in the whole list, totalCount. A cursor issued under another parent is
 * refused here, where the parent is known.
 */
export function nestedConnection<T extends { id: string }>(cursors: Cursors, page: NestedPage, parentId: string, value: PageValue<T>): ConnectionValue<T> {
  if (page.parent !== null && page.parent !== parentId) {
    throw badInput('This cursor was issued by another list: pass it back to the list it came from.', page.cursorArg);
  }
  const start = Math.min(value.start, value.total);
  const edges = value.nodes.map((node, i) => ({ cursor: cursors.encode(page.list, [parentId, start + i, node.id]), node }));
  return {
    edges,
    pageInfo: pageInfo(edges, start + edges.length < value.total, start > 0),
    totalCount: value.total,
  };
}
