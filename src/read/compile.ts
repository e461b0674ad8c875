import type { FieldNode, GraphQLNamedType, GraphQLObjectType } from 'graphql';
import { decoded, fieldDecoder, nodeDecoder, type Decode } from './decode.js';
import type { Cursors } from '../pagination/cursor.js';
import type { Definitions } from './definitions.js';
import { emitField, emitNode, label, QueryBuilder, type Builder, type Part, type Projection } from './emit.js';
import { Planner, type MetaLookup } from './plan.js';
import type { Request } from './selection.js';

/**
 * The read compiler: a GraphQL selection becomes one Cypher query in three stages, each a file of
 * its own and each testable without a database (test/read/compiled.test.ts keeps the Cypher of
 * every IDE example and benchmark query as a snapshot):
 *   plan   (src/read/plan.ts)    selection -> tree of field definitions, parameters and keys;
 *   emit   (src/read/emit.ts)    tree -> Cypher text and parameters;
 *   decode (src/read/decode.ts)  rows -> the objects the resolvers read.
 * Every relationship field becomes a subquery nested under its parent, built from the field's
 * definition (cypher/<domain>/<Type>.<field>.cypher), and every node is projected to exactly the
 * properties its selected fields read. A whole request is one query; its result is a tree whose
 * relationship values sit in each record under fieldKey(fieldNode), where the resolvers read them.
 */

export type { Builder, Part, Projection } from './emit.js';
export type { Decode } from './decode.js';
export { decoded } from './decode.js';
export { bindClause, subquery } from './emit.js';
export { isNodeType, type FieldMeta, type MetaLookup } from './plan.js';

/** A part of a request's query with how to rebuild its value when it is compiled. */
export interface Block extends Part {
  decode?: Decode;
}

/**
 * What a root field adds to its request's query: subqueries whose rows (each binding its `out`)
 * are streamed back as they are, and how those rows make the field's value. A page of a list
 * comes back a row per item: one row holding the whole page costs Neo4j and the driver far more
 * than the same items as rows.
 */
export interface RootBlock {
  parts: Block[];
  assemble(rows: unknown[][]): unknown;
}

/** A block whose one row is the value. */
export const single = (block: Block): RootBlock => ({ parts: [block], assemble: ([rows]) => decoded(block.decode, rows?.[0] ?? null) });

export interface CompiledQuery {
  text: string;
  params: Record<string, unknown>;
  /** Rebuilds each row's `value`. */
  decode: Decode;
}

/** A node projection with its decoder (the nodes of root lists and searches, whose rows the caller matches itself). */
export interface NodeProjection extends Projection {
  decode: Decode;
}

export class Compiler {
  private readonly planner: Planner;

  /** `cursors`: what checks the cursors of nested connections (src/read/nested.ts); none, a cursor there is an error. */
  constructor(definitions: Definitions, meta: MetaLookup, cursors?: Cursors) {
    this.planner = new Planner(definitions, meta, cursors);
  }

  /** A fresh builder for one request's query. */
  builder(req: Request): Builder {
    return new QueryBuilder(req);
  }

  isRelation(req: Request, type: GraphQLObjectType, field: string): boolean {
    return this.planner.isRelation(req, type, field);
  }

  /**
   * A root field and everything under it, bound to `out`. `req`: the field's own (its asOf), where
   * the builder's is the first of the request's root fields.
   */
  root(b: Builder, type: GraphQLObjectType, fieldNodes: readonly FieldNode[], params: Record<string, unknown>, req: Request = b.req): Block {
    const plan = this.planner.field(req, type, fieldNodes, params);
    const out = b.name('_v');
    const r = emitField(b, plan, null);
    return { call: `WITH ${r.items} AS ${out}`, out: r.value(out), decode: fieldDecoder(plan) };
  }

  /**
   * A relationship field for many parents at once (the fallback when a parent record did not come
   * with the field): rows (key, value) for $keys, the parents' ids.
   */
  batch(req: Request, type: GraphQLObjectType, fieldNodes: readonly FieldNode[], params: Record<string, unknown>): CompiledQuery {
    const plan = this.planner.field(req, type, fieldNodes, params);
    const b = new QueryBuilder(req);
    const parent = b.name('_x');
    const r = emitField(b, plan, { variable: parent, guard: false });
    const text = `UNWIND $keys AS key\nMATCH (${parent}:${label(type)} {id: key})\nWITH key, ${r.items} AS items\nRETURN key, ${r.value('items')} AS value`;
    return { text, params: b.params, decode: fieldDecoder(plan) };
  }

  /** The projection of a node variable for a selection, subqueries included. */
  node(b: Builder, variable: string, type: GraphQLNamedType, groups: readonly (readonly FieldNode[])[], req: Request = b.req): NodeProjection {
    const plan = this.planner.node(req, type, groups);
    return { ...emitNode(b, variable, plan), decode: nodeDecoder(plan) };
  }
}
