import {
  getArgumentValues, getNamedType, getNullableType, isAbstractType, isListType, isObjectType,
  type FieldNode, type GraphQLField, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema,
} from 'graphql';
import { prefixParameters } from './cypherText.js';
import { formFor, type Column, type Definition, type Definitions } from './definitions.js';
import { fieldKey } from './keys.js';
import { collectSubfields, type Request } from './selection.js';

/** What a resolver tells the compiler about its field. */
export interface FieldMeta {
  /** Record properties a value field's resolver reads (default: the field's own name). */
  reads?: readonly string[];
  /** The field's GraphQL arguments as the definition's parameters; throws BAD_USER_INPUT on bad input. */
  params?: (args: Record<string, unknown>) => Record<string, unknown>;
  /** The field is read through its definition (cypher/<domain>/<Type>.<field>.cypher). */
  relation?: boolean;
}

export type MetaLookup = (type: string, field: string) => FieldMeta | undefined;

/**
 * Rebuilds a compiled value from what Neo4j sent. Nodes and rows come back as lists of their
 * values in an order the compiler fixed, not as maps: the driver decodes a map key by key (a
 * string and an Object.defineProperty each), which cost more of this API's CPU than anything
 * else it does per request, and Neo4j builds and sends the lists for less too. `parent` is the
 * object being rebuilt around the value (its `_labels` pick a multi-type field's shape).
 */
export type Decode = (value: any, parent?: Record<string, unknown>) => unknown;

/**
 * A part of a request's query: clauses (`CALL () { ... }`, possibly none) and the expression
 * holding its value once they have run; `decode` rebuilds that value when it is compiled.
 */
export interface Block {
  call: string;
  out: string;
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

/** A value as its decoder rebuilds it; null stays null. */
export const decoded = (decode: Decode | undefined, value: unknown): unknown => (value == null ? null : decode ? decode(value) : value);

/**
 * A projection and the subquery values it reads: `bound` are `<COLLECT { ... }> AS <name>` items
 * for a `WITH *, ...` before the map is built (bindClause). They cannot sit in the map itself:
 * Neo4j 5.26 refuses a map projection holding a COLLECT subquery that aggregates anywhere inside
 * ("Aggregation column contains implicit grouping expressions"), though as a column of its own
 * the same subquery is a plain per-row value.
 */
export interface Projection {
  bound: string[];
  /** The projection's expression: a list of its values, rebuilt into an object by `decode`. */
  map: string;
  decode: Decode;
}

export const bindClause = (bound: readonly string[]): string[] => (bound.length ? [`WITH *, ${bound.join(', ')}`] : []);

export interface CompiledQuery {
  text: string;
  params: Record<string, unknown>;
  /** Rebuilds each row's `value`. */
  decode: Decode;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Fresh names and the parameters of one query being built. */
export interface Builder {
  readonly req: Request;
  readonly params: Record<string, unknown>;
  name(prefix: string): string;
}

class Build implements Builder {
  readonly params: Record<string, unknown> = {};
  private n = 0;
  constructor(readonly req: Request) {}
  name(prefix: string): string {
    return `${prefix}${(this.n++).toString(36)}`;
  }
}

/** A node type of the graph: implements Node, or a union/interface of such types. */
export function isNodeType(schema: GraphQLSchema, t: GraphQLNamedType): boolean {
  if (isObjectType(t)) return t.getInterfaces().some((i) => i.name === 'Node');
  if (isAbstractType(t)) return schema.getPossibleTypes(t).every((p) => p.getInterfaces().some((i) => i.name === 'Node'));
  return false;
}

/** A relationship field's items as a COLLECT subquery, and its value from the variable they are bound to. */
interface Relation {
  items: string;
  value(items: string): string;
  /** Rebuilds value(items): the list of items, or the one item or null. */
  decode: Decode;
}

interface Parent {
  /** The Cypher variable holding the parent node. */
  variable: string;
  type: GraphQLObjectType;
  /** True when the node may be of another type too (an abstract selection): the field's subquery checks the label. */
  guard: boolean;
}

/**
 * Turns a GraphQL selection into Cypher: every relationship field becomes a subquery nested under
 * its parent (`COLLECT { CALL (parent) { ... } ... }`), built from the field's definition
 * (src/read/definitions.ts), and every node is projected to exactly the properties its selected
 * fields read. A whole request is one query; its result is a tree whose relationship values sit
 * in each record under fieldKey(fieldNode), where the resolvers read them.
 */
export class Compiler {
  constructor(private readonly definitions: Definitions, private readonly meta: MetaLookup) {}

  /** A root field and everything under it, bound to `out`. */
  root(b: Builder, type: GraphQLObjectType, fieldNodes: readonly FieldNode[], params: Record<string, unknown>): Block {
    const { field, def } = this.defined(b.req, type, fieldNodes[0]!.name.value);
    const out = b.name('_v');
    const r = this.relation(b as Build, null, field, def, fieldNodes, params);
    return { call: `WITH ${r.items} AS ${out}`, out: r.value(out), decode: r.decode };
  }

  /**
   * A relationship field for many parents at once (the fallback when a parent record did not come
   * with the field): rows (key, value) for $keys, the parents' ids.
   */
  batch(req: Request, type: GraphQLObjectType, fieldNodes: readonly FieldNode[], params: Record<string, unknown>): CompiledQuery {
    const b = new Build(req);
    const { field, def } = this.defined(req, type, fieldNodes[0]!.name.value);
    const parent = b.name('_x');
    const r = this.relation(b, { variable: parent, type, guard: false }, field, def, fieldNodes, params);
    const text = `UNWIND $keys AS key\nMATCH (${parent}:${label(type)} {id: key})\nWITH key, ${r.items} AS items\nRETURN key, ${r.value('items')} AS value`;
    return { text, params: b.params, decode: r.decode };
  }

  /**
   * The projection of a node variable for a selection, subqueries included: used for the nodes
   * of root lists and searches, whose rows the caller matches itself.
   */
  node(b: Builder, variable: string, type: GraphQLNamedType, groups: readonly (readonly FieldNode[])[]): Projection {
    return this.projectNode(b as Build, variable, type, groups);
  }

  /** A fresh builder for callers that assemble the outer query themselves (lists, search). */
  builder(req: Request): Builder {
    return new Build(req);
  }

  isRelation(req: Request, type: GraphQLObjectType, field: string): boolean {
    return this.definitions.get(type.name, field, isNodeType(req.schema, type)) !== undefined;
  }

  private defined(req: Request, type: GraphQLObjectType, name: string): { field: GraphQLField<unknown, unknown>; def: Definition } {
    const field = type.getFields()[name];
    const def = field && this.definitions.get(type.name, name, isNodeType(req.schema, type));
    if (!field || !def) throw new Error(`${type.name}.${name} has no definition under cypher/`);
    return { field, def };
  }

  /**
   * One relationship field as an expression its parent binds (Projection.bound):
   * `COLLECT { CALL (parent) { <definition> RETURN item } RETURN item }` (its first item for a
   * single value). The CALL keeps the definition's own names (this, n...) apart from those of the
   * definitions around it; the COLLECT expression costs Neo4j less than the same CALL followed by
   * collect() in the parent's rows (~20% more queries/s for an incident with five nested fields).
   */
  private relation(b: Build, parent: Parent | null, field: GraphQLField<unknown, unknown>, full: Definition, fieldNodes: readonly FieldNode[], params: Record<string, unknown>): Relation {
    const def = formFor(full, params);
    const out = b.name('_v');
    const prefix = `${b.name('p')}_`;
    for (const name of def.parameters) {
      if (!(name in params)) throw new Error(`cypher/${def.name}.cypher uses $${name}, which its field's params() does not give`);
      b.params[prefix + name] = params[name];
    }
    const p = (text: string) => prefixParameters(text, prefix);
    const type = getNullableType(field.type);
    const many = isListType(type);
    const named = getNamedType(type);
    const columns = def.columns.map((c) => ({ ...c, expr: p(c.expr), variable: b.name('_x') }));
    let item: Projection;
    if (isNodeType(b.req.schema, named)) {
      if (columns.length !== 1) throw new Error(`cypher/${def.name}.cypher: a ${named.name} field returns one node column`);
      item = this.projectNode(b, columns[0]!.variable, named, [fieldNodes]);
    } else if (isObjectType(named)) {
      item = this.projectRow(b, columns, named, [fieldNodes]);
    } else {
      item = { bound: [], map: columns[0]!.variable, decode: (v) => v };
    }
    const limit = many ? def.limit && p(def.limit) : '1';
    const lines = [
      'COLLECT {',
      `CALL (${parent && def.usesThis ? parent.variable : ''}) {`,
      parent && def.usesThis ? `WITH ${parent.variable} AS this${parent.guard ? ` WHERE this:${label(parent.type)}` : ''}` : '',
      p(def.body),
      `WITH *, ${columns.map((c) => `${c.expr} AS ${c.variable}`).join(', ')}`,
      def.orderBy ? `ORDER BY ${p(def.orderBy)}` : '',
      limit ? `LIMIT ${limit}` : '',
      ...bindClause(item.bound),
      `RETURN ${item.map} AS ${out}`,
      '}',
      `RETURN ${out}`,
      '}',
    ];
    const one = item.decode;
    return {
      items: lines.filter(Boolean).join('\n'),
      value: (v) => (many ? v : `${v}[0]`),
      decode: many ? (v: unknown[]) => v.map((x) => one(x)) : one,
    };
  }

  /**
   * A node's map projection: id, the properties its value fields read, its labels when its type
   * is abstract, and one entry per relationship field, a subquery expression. `groups` holds one
   * list of field nodes per place graphql-js will resolve this node from (several when the node is
   * reached under aliases: `a: edges { node {...} } b: edges { node {...} }`); each place finds its
   * relationship values under the key of its own first field node, as graphql-js hands it over.
   */
  private projectNode(b: Build, variable: string, type: GraphQLNamedType, groups: readonly (readonly FieldNode[])[], inline = false): Projection {
    const schema = b.req.schema;
    const types = isAbstractType(type) ? schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
    const entries = new Map<string, Entry>([['id', { expr: `${variable}.id` }]]);
    if (isAbstractType(type)) entries.set('_labels', { expr: `labels(${variable})` });
    const bound: string[] = [];
    const relations = new Map<string, { type: GraphQLObjectType; out: string; decode: Decode }[]>();
    for (const t of types) {
      for (const fieldNodes of groups) {
        for (const group of collectSubfields(b.req, t, fieldNodes).values()) {
          const name = group[0]!.name.value;
          const field = t.getFields()[name];
          if (!field) continue; // __typename and other meta fields
          const def = this.definitions.get(t.name, name, true);
          if (!def) {
            for (const prop of this.meta(t.name, name)?.reads ?? [name]) {
              if (!IDENTIFIER.test(prop)) throw new Error(`${t.name}.${name} reads "${prop}", which is not a property name`);
              entries.set(prop, { expr: `${variable}.${prop}` });
            }
            continue;
          }
          // Nodes inside a list comprehension get their relations from the fallback loader.
          if (inline) continue;
          const key = fieldKey(group[0]!);
          if (relations.get(key)?.some((r) => r.type === t)) continue; // the same field node reached twice (a shared fragment)
          let params: Record<string, unknown>;
          try {
            params = this.meta(t.name, name)?.params?.(getArgumentValues(field, group[0]!, b.req.variableValues)) ?? {};
          } catch {
            continue; // bad arguments: the field's resolver takes the fallback path and reports the error at its path
          }
          const items = b.name('_w');
          const r = this.relation(b, { variable, type: t, guard: types.length > 1 }, field, def, group, params);
          bound.push(`${r.items} AS ${items}`);
          relations.set(key, [...(relations.get(key) ?? []), { type: t, out: r.value(items), decode: r.decode }]);
        }
      }
    }
    for (const [key, outs] of relations) {
      entries.set(key, outs.length === 1 ? { expr: outs[0]!.out, decode: outs[0]!.decode } : {
        expr: `CASE ${outs.map((o) => `WHEN ${variable}:${label(o.type)} THEN ${o.out}`).join(' ')} END`,
        // The node's labels are rebuilt before its relationship fields (entries keep their order).
        decode: (v, node) => {
          const labels = node?._labels as string[] | undefined;
          const own = outs.find((o) => labels?.includes(o.type.name));
          return own ? own.decode(v) : v;
        },
      });
    }
    return { bound, ...listOf(entries, true) };
  }

  /**
   * A row of a row type (SourceRef, Attendance, TimelineEntry...): one entry per column, named
   * after the field it serves; node columns are projected for their selection, others go as is.
   * Fields of the row type that have definitions of their own (those of Stats) are subqueries.
   */
  private projectRow(b: Build, columns: (Column & { variable: string })[], type: GraphQLObjectType, groups: readonly (readonly FieldNode[])[]): Projection {
    // Per column field name: one list of field nodes per place the row is resolved from.
    const selected = new Map<string, FieldNode[][]>();
    const bound: string[] = [];
    const entries = new Map<string, Entry>();
    const done = new Set<string>();
    for (const fieldNodes of groups) {
      const byName = new Map<string, FieldNode[]>();
      for (const group of collectSubfields(b.req, type, fieldNodes).values()) {
        const name = group[0]!.name.value;
        const field = type.getFields()[name];
        const def = field && this.definitions.get(type.name, name, false);
        if (field && def) {
          const key = fieldKey(group[0]!);
          if (done.has(key)) continue;
          done.add(key);
          let params: Record<string, unknown>;
          try {
            params = this.meta(type.name, name)?.params?.(getArgumentValues(field, group[0]!, b.req.variableValues)) ?? {};
          } catch {
            continue;
          }
          const items = b.name('_w');
          const r = this.relation(b, null, field, def, group, params);
          bound.push(`${r.items} AS ${items}`);
          entries.set(key, { expr: r.value(items), decode: r.decode });
          continue;
        }
        byName.set(name, [...(byName.get(name) ?? []), ...group]);
      }
      for (const [name, nodes] of byName) selected.set(name, [...(selected.get(name) ?? []), nodes]);
    }
    for (const c of columns) {
      const field = type.getFields()[c.name];
      const named = field && getNamedType(field.type);
      if (!field || !named || !isNodeType(b.req.schema, named)) {
        entries.set(c.name, { expr: c.variable });
        continue;
      }
      const nodeGroups = selected.get(c.name);
      if (!nodeGroups) continue;
      if (isListType(getNullableType(field.type))) {
        const each = b.name('_y');
        const node = this.projectNode(b, each, named, nodeGroups, true);
        entries.set(c.name, { expr: `[${each} IN ${c.variable} | ${node.map}]`, decode: (v: unknown[]) => v.map((x) => node.decode(x)) });
      } else {
        const proj = this.projectNode(b, c.variable, named, nodeGroups);
        bound.push(...proj.bound);
        entries.set(c.name, { expr: proj.map, decode: proj.decode });
      }
    }
    return { bound, ...listOf(entries) };
  }
}

/** One value of a node or row: its expression, and how to rebuild it when it is compiled itself. */
interface Entry {
  expr: string;
  decode?: Decode;
}

/**
 * A node's or row's entries as one Cypher list, and the decoder that makes it the object the
 * resolvers read (keyed as the entries are; null values stay null). A node's list starts with its
 * id, which every node has: a list of nulls is a null node (an optional column), as its map
 * projection would have been.
 */
function listOf(entries: ReadonlyMap<string, Entry>, node = false): { map: string; decode: Decode } {
  const keys = [...entries.keys()];
  const subs = [...entries.values()].map((e) => e.decode);
  return {
    map: `[${[...entries.values()].map((e) => e.expr).join(', ')}]`,
    decode: (values: unknown[]) => {
      if (node && values[0] == null) return null;
      const o: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const v = values[i];
        const sub = subs[i];
        o[keys[i]!] = v == null ? null : sub ? sub(v, o) : v;
      }
      return o;
    },
  };
}

/** Labels are the GraphQL type names (src/resolvers/typeOf.ts); checked, as they are written into the query. */
function label(type: GraphQLObjectType): string {
  if (!IDENTIFIER.test(type.name)) throw new Error(`Type name ${type.name} is not a label`);
  return type.name;
}
