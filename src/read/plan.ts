import {
  getArgumentValues, getNamedType, getNullableType, isAbstractType, isListType, isObjectType,
  type FieldNode, type GraphQLField, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema,
} from 'graphql';
import type { Cursors } from '../pagination/cursor.js';
import { ALWAYS_KNOWN, AS_OF } from './asOf.js';
import { formFor, type Definition, type Definitions } from './definitions.js';
import { fieldKey } from './keys.js';
import { PAGE, type NestedPage } from './nested.js';
import { collectSubfields, type Request } from './selection.js';

/**
 * The first stage of the read compiler: a GraphQL selection becomes a tree of field definitions
 * with their parameters and the keys their values will sit under. Nothing here writes Cypher
 * (src/read/emit.ts does) or reads a result (src/read/decode.ts does); both walk this tree.
 */

/** What a resolver tells the compiler about its field. */
export interface FieldMeta {
  /** Record properties a value field's resolver reads (default: the field's own name). */
  reads?: readonly string[];
  /**
   * The field's GraphQL arguments as the definition's parameters; throws BAD_USER_INPUT on bad
   * input. A connection field's also hold its page under PAGE, its cursor checked with `cursors`.
   */
  params?: (args: Record<string, unknown>, cursors?: Cursors) => Record<string, unknown>;
  /** The field is read through its definition (cypher/<domain>/<Type>.<field>.cypher). */
  relation?: boolean;
  /**
   * A connection paging a nested list (src/read/nested.ts): the list field whose definition it
   * reads (`finesImposed` for `finesImposedConnection`); its type has edges { node } (and/or nodes).
   */
  connectionOf?: string;
}

export type MetaLookup = (type: string, field: string) => FieldMeta | undefined;

/** A relationship field: its definition (in the form its parameters choose), parameters, and how each item is read. */
export interface FieldPlan {
  /** The type the field belongs to. */
  owner: GraphQLObjectType;
  def: Definition;
  /** The definition's parameters by their names in its file. */
  params: Record<string, unknown>;
  /** A list of items, or one item (or null). */
  many: boolean;
  item: ItemPlan;
  /** A connection field: one value per parent, a page of the definition's items with their count. */
  page?: NestedPage;
  /** The day the field's items are filtered to those known by (src/read/asOf.ts); null: every item. */
  asOf: string | null;
}

/** One item of a relationship field: a node, a row of a row type, or a plain value (one column). */
export type ItemPlan =
  | { kind: 'node'; node: NodePlan }
  | { kind: 'row'; row: RowPlan }
  | { kind: 'value' };

/** A node's projection: id, `_labels` when its type is abstract, the properties read, then its relationship fields. */
export interface NodePlan {
  labels: boolean;
  /** The node may be of several types: each relationship field's subquery checks the label it belongs to. */
  guard: boolean;
  /** Property names in the order they are projected (after id and `_labels`). */
  props: string[];
  /**
   * Relationship fields with the key graphql-js finds each under, in the order met. A key can come
   * more than once when the node may be of several types that each have the field (an abstract
   * selection): alternatives told apart by label (alternativesByKey).
   */
  relations: { key: string; field: FieldPlan }[];
  /** Relationship fields of this node are left to the fallback loader (a node inside a list comprehension). */
  inline: boolean;
  /** The object types the node may be of. */
  types: string[];
  /**
   * Read as known on a day: the day, and the properties read otherwise then
   * (cypher/asof/<Type>.cypher), each with its expression per type that has one.
   */
  asOf: { day: string; props: Map<string, Map<string, string>> } | null;
}

/**
 * A row of a row type (SourceRef, Attendance, TimelineEntry...): one entry per field, in the order
 * projected. `relation`: a field of the row type with a definition of its own (those of Stats);
 * `column`: a column of the row's definition, given as is or, for a node, projected.
 */
export type RowEntry =
  | { kind: 'relation'; key: string; field: FieldPlan }
  | { kind: 'column'; name: string }
  | { kind: 'node'; name: string; node: NodePlan }
  | { kind: 'nodes'; name: string; node: NodePlan };

export interface RowPlan {
  entries: RowEntry[];
  /** The row's columns that hold a node of a type asOf filters: a row whose node was not known by then is left out. */
  knownColumns: string[];
}

/** A node's relationship fields grouped by key, keys in the order first met. */
export function alternativesByKey<T extends { key: string }>(relations: readonly T[]): Map<string, T[]> {
  const byKey = new Map<string, T[]>();
  for (const r of relations) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  return byKey;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A node type of the graph: implements Node, or a union/interface of such types. */
export function isNodeType(schema: GraphQLSchema, t: GraphQLNamedType): boolean {
  if (isObjectType(t)) return t.getInterfaces().some((i) => i.name === 'Node');
  if (isAbstractType(t)) return schema.getPossibleTypes(t).every((p) => p.getInterfaces().some((i) => i.name === 'Node'));
  return false;
}

export class Planner {
  constructor(private readonly definitions: Definitions, private readonly meta: MetaLookup, private readonly cursors?: Cursors) {}

  isRelation(req: Request, type: GraphQLObjectType, field: string): boolean {
    return this.definitionOf(type.name, field, isNodeType(req.schema, type)) !== undefined;
  }

  /** A field's definition: its own, or for a connection field the definition of the list it pages. */
  private definitionOf(type: string, field: string, isEntity: boolean): Definition | undefined {
    return this.definitions.get(type, this.meta(type, field)?.connectionOf ?? field, isEntity);
  }

  /** A relationship field selected by `fieldNodes` (a root field, or one batched over many parents), with `params` already worked out. */
  field(req: Request, type: GraphQLObjectType, fieldNodes: readonly FieldNode[], params: Record<string, unknown>): FieldPlan {
    const name = fieldNodes[0]!.name.value;
    const field = type.getFields()[name];
    const def = field && this.definitionOf(type.name, name, isNodeType(req.schema, type));
    if (!field || !def) throw new Error(`${type.name}.${name} has no definition under cypher/`);
    return this.relation(req, type, field, def, fieldNodes, params);
  }

  /** The projection of nodes of `type` for a selection (one list of field nodes per place the node is resolved from). */
  node(req: Request, type: GraphQLNamedType, groups: readonly (readonly FieldNode[])[], inline = false): NodePlan {
    const schema = req.schema;
    const types = isAbstractType(type) ? schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
    const props = new Set<string>();
    const relations: { key: string; field: FieldPlan }[] = [];
    const asOfProps = new Map<string, Map<string, string>>();
    for (const t of types) {
      for (const fieldNodes of groups) {
        for (const group of collectSubfields(req, t, fieldNodes).values()) {
          const name = group[0]!.name.value;
          const field = t.getFields()[name];
          if (!field) continue; // __typename and other meta fields
          const def = this.definitionOf(t.name, name, true);
          if (!def) {
            for (const prop of this.meta(t.name, name)?.reads ?? [name]) {
              if (!IDENTIFIER.test(prop)) throw new Error(`${t.name}.${name} reads "${prop}", which is not a property name`);
              if (prop === 'id') continue;
              props.add(prop);
              const expr = req.asOf ? this.definitions.asOfProperty(t.name, prop) : undefined;
              if (expr) asOfProps.set(prop, (asOfProps.get(prop) ?? new Map()).set(t.name, expr));
            }
            continue;
          }
          // Nodes inside a list comprehension get their relations from the fallback loader.
          if (inline) continue;
          const key = fieldKey(group[0]!);
          if (relations.some((r) => r.key === key && r.field.owner === t)) continue; // the same field node reached twice (a shared fragment)
          const params = this.params(req, t, field, group[0]!);
          if (!params) continue;
          relations.push({ key, field: this.relation(req, t, field, def, group, params) });
        }
      }
    }
    return {
      labels: isAbstractType(type),
      guard: types.length > 1,
      props: [...props],
      relations,
      inline,
      types: types.map((t) => t.name),
      asOf: req.asOf ? { day: req.asOf, props: asOfProps } : null,
    };
  }

  /** The field's arguments as its definition's parameters; null when they are bad (its resolver then takes the fallback path and reports the error at its path). */
  private params(req: Request, type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> | null {
    try {
      return this.meta(type.name, field.name)?.params?.(getArgumentValues(field, node, req.variableValues), this.cursors) ?? {};
    } catch {
      return null;
    }
  }

  private relation(req: Request, owner: GraphQLObjectType, field: GraphQLField<unknown, unknown>, full: Definition, fieldNodes: readonly FieldNode[], given: Record<string, unknown>): FieldPlan {
    // A definition that reads $asOf itself (a best value, a count, a walk through links) gets the
    // read's day; null as the graph stands, which its plain form (if any) leaves out.
    const params = full.parameters.includes(AS_OF) ? { ...given, [AS_OF]: req.asOf ?? null } : given;
    const def = formFor(full, params);
    for (const name of def.parameters) {
      if (!(name in params)) throw new Error(`cypher/${def.name}.cypher uses $${name}, which its field's params() does not give`);
    }
    const type = getNullableType(field.type);
    const named = getNamedType(type);
    const asOf = req.asOf ?? null;
    if (this.meta(owner.name, field.name)?.connectionOf) return this.connection(req, owner, field, def, fieldNodes, params, asOf);
    let item: ItemPlan;
    if (isNodeType(req.schema, named)) {
      if (def.columns.length !== 1) throw new Error(`cypher/${def.name}.cypher: a ${named.name} field returns one node column`);
      item = { kind: 'node', node: this.node(req, named, [fieldNodes]) };
    } else if (isObjectType(named)) {
      item = { kind: 'row', row: this.row(req, def, named, [fieldNodes]) };
    } else {
      item = { kind: 'value' };
    }
    return { owner, def, params, many: isListType(type), item, asOf };
  }

  /** A connection over a nested list: its page, and the nodes selected under edges { node } and nodes. */
  private connection(req: Request, owner: GraphQLObjectType, field: GraphQLField<unknown, unknown>, def: Definition, fieldNodes: readonly FieldNode[],
    params: Record<string, unknown>, asOf: string | null): FieldPlan {
    const page = params[PAGE] as NestedPage | undefined;
    if (!page) throw new Error(`${owner.name}.${field.name}: a connection field's params() gives its page`);
    const conn = getNamedType(field.type) as GraphQLObjectType;
    const fields = conn.getFields();
    const edge = fields.edges && getNamedType(fields.edges.type) as GraphQLObjectType;
    const nodeType = getNamedType((edge?.getFields().node ?? fields.nodes)!.type);
    if (def.columns.length !== 1 || !isNodeType(req.schema, nodeType)) throw new Error(`cypher/${def.name}.cypher: a connection pages one node column`);
    const groups: FieldNode[][] = [];
    for (const group of collectSubfields(req, conn, fieldNodes).values()) {
      const name = group[0]!.name.value;
      if (name === 'nodes') groups.push(group);
      if (name !== 'edges' || !edge) continue;
      for (const sub of collectSubfields(req, edge, group).values()) if (sub[0]!.name.value === 'node') groups.push(sub);
    }
    return { owner, def, params, many: false, page, item: { kind: 'node', node: this.node(req, nodeType, groups) }, asOf };
  }

  private row(req: Request, def: Definition, type: GraphQLObjectType, groups: readonly (readonly FieldNode[])[]): RowPlan {
    // Per column field name: one list of field nodes per place the row is resolved from.
    const selected = new Map<string, FieldNode[][]>();
    const entries: RowEntry[] = [];
    const done = new Set<string>();
    for (const fieldNodes of groups) {
      const byName = new Map<string, FieldNode[]>();
      for (const group of collectSubfields(req, type, fieldNodes).values()) {
        const name = group[0]!.name.value;
        const field = type.getFields()[name];
        const sub = field && this.definitionOf(type.name, name, false);
        if (field && sub) {
          const key = fieldKey(group[0]!);
          if (done.has(key)) continue;
          done.add(key);
          const params = this.params(req, type, field, group[0]!);
          if (!params) continue;
          entries.push({ kind: 'relation', key, field: this.relation(req, type, field, sub, group, params) });
          continue;
        }
        byName.set(name, [...(byName.get(name) ?? []), ...group]);
      }
      for (const [name, nodes] of byName) selected.set(name, [...(selected.get(name) ?? []), nodes]);
    }
    const knownColumns: string[] = [];
    for (const c of def.columns) {
      const field = type.getFields()[c.name];
      const named = field && getNamedType(field.type);
      if (!field || !named || !isNodeType(req.schema, named)) {
        entries.push({ kind: 'column', name: c.name });
        continue;
      }
      if (req.asOf && !isListType(getNullableType(field.type)) && !ALWAYS_KNOWN.has(named.name)) knownColumns.push(c.name);
      const nodeGroups = selected.get(c.name);
      if (!nodeGroups) continue;
      entries.push(isListType(getNullableType(field.type))
        ? { kind: 'nodes', name: c.name, node: this.node(req, named, nodeGroups, true) }
        : { kind: 'node', name: c.name, node: this.node(req, named, nodeGroups) });
    }
    return { entries, knownColumns };
  }
}
