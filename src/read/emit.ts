import type { GraphQLObjectType } from 'graphql';
import { prefixParameters } from '../cypher/text.js';
import { ALWAYS_KNOWN } from './asOf.js';
import { returnedColumns } from './definitions.js';
import { pageParameters } from './nested.js';
import { alternativesByKey, type FieldPlan, type NodePlan, type RowPlan } from './plan.js';
import type { Request } from './selection.js';

/**
 * The second stage of the read compiler: a planned field (src/read/plan.ts) becomes Cypher text.
 * Every name the text binds comes from the request's one Builder, and every parameter goes in
 * through bind(), so parts of one request never clash however many root fields it has.
 */

/** Fresh names and the parameters of one query being built. */
export interface Builder {
  readonly req: Request;
  readonly params: Record<string, unknown>;
  name(prefix: string): string;
  /**
   * Gives `params` a prefix of their own in this query and returns the function that rewrites a
   * text's `$name`s to them: the one way a part of a query takes its parameters.
   */
  bind(params: Record<string, unknown>, names?: readonly string[]): (text: string) => string;
}

export class QueryBuilder implements Builder {
  readonly params: Record<string, unknown> = {};
  private n = 0;
  constructor(readonly req: Request) {}
  name(prefix: string): string {
    return `${prefix}${(this.n++).toString(36)}`;
  }
  bind(params: Record<string, unknown>, names: readonly string[] = Object.keys(params)): (text: string) => string {
    const prefix = `${this.name('p')}_`;
    for (const k of names) this.params[prefix + k] = params[k];
    return (text) => prefixParameters(text, prefix);
  }
}

/**
 * A part of a request's query: clauses (`CALL () { ... }`, possibly none) and the expression
 * holding its value once they have run.
 */
export interface Part {
  call: string;
  out: string;
}

/**
 * A query file run as a part of the request's query, as it is: `CALL () { <text> }`, whose value
 * is the one column the file's final RETURN names (cypher/common/known/*.cypher: `missing`). The
 * name is free: each part is a UNION ALL branch of its own (src/read/reader.ts), where nothing else
 * is bound. A part that must sit beside another in one scope binds its column to a fresh name first.
 */
export function subquery(b: Builder, text: string, params: Record<string, unknown>): Part {
  const columns = returnedColumns(text);
  if (columns.length !== 1) throw new Error(`A subquery returns one column, this returns ${columns.length}: ${text.slice(0, 80)}`);
  return { call: ['CALL () {', b.bind(params)(text), '}'].join('\n'), out: columns[0]! };
}

/**
 * A projection and the subquery values it reads: `bound` are `<COLLECT { ... }> AS <name>` items
 * for a `WITH *, ...` before the list is built (bindClause). They cannot sit in the projection
 * itself: Neo4j 5.26 refuses a map or list holding a COLLECT subquery that aggregates anywhere
 * inside ("Aggregation column contains implicit grouping expressions"), though as a column of its
 * own the same subquery is a plain per-row value.
 */
export interface Projection {
  bound: string[];
  /** The projection's expression: a list of its values (src/read/decode.ts rebuilds the object). */
  map: string;
}

export const bindClause = (bound: readonly string[]): string[] => (bound.length ? [`WITH *, ${bound.join(', ')}`] : []);

/** A relationship field's items as a COLLECT subquery, and its value from the variable they are bound to. */
export interface EmittedField {
  items: string;
  value(items: string): string;
}

/**
 * One relationship field as an expression its parent binds (Projection.bound):
 * `COLLECT { CALL (parent) { <definition> RETURN item } RETURN item }` (its first item for a
 * single value). The CALL keeps the definition's own names (this, n...) apart from those of the
 * definitions around it; the COLLECT expression costs Neo4j less than the same CALL followed by
 * collect() in the parent's rows (~20% more queries/s for an incident with five nested fields).
 * `parent`: the variable holding the parent node (none for a root field), and whether it may be
 * of another type too (an abstract selection), when the subquery checks its label.
 */
export function emitField(b: Builder, field: FieldPlan, parent: { variable: string; guard: boolean } | null): EmittedField {
  if (field.page) return emitPage(b, field, parent);
  const { def } = field;
  const out = b.name('_v');
  const p = b.bind(field.params, def.parameters);
  const columns = def.columns.map((c) => ({ name: c.name, expr: p(c.expr), variable: b.name('_x') }));
  let item: Projection;
  if (field.item.kind === 'node') item = emitNode(b, columns[0]!.variable, field.item.node);
  else if (field.item.kind === 'row') item = emitRow(b, columns, field.item.row);
  else item = { bound: [], map: columns[0]!.variable };
  const limit = field.many ? def.limit && p(def.limit) : '1';
  const scoped = parent && def.usesThis;
  const known = knownWhere(b, field, columns);
  const lines = [
    'COLLECT {',
    `CALL (${scoped ? parent.variable : ''}) {`,
    scoped ? `WITH ${parent.variable} AS this${parent.guard ? ` WHERE this:${label(field.owner)}` : ''}` : '',
    p(def.body),
    `WITH *, ${columns.map((c) => `${c.expr} AS ${c.variable}`).join(', ')}`,
    ...known(def.orderBy || limit),
    def.orderBy ? `ORDER BY ${p(def.orderBy)}` : '',
    limit ? `LIMIT ${limit}` : '',
    // Only the columns go on: a COLLECT subquery below sees every variable in scope, and one of
    // its own definitions declaring a name the definition above used (`f` in an authority's
    // fines of a fine's authority) is refused by Neo4j as shadowing.
    item.bound.length ? `WITH ${columns.map((c) => c.variable).join(', ')}` : '',
    ...bindClause(item.bound),
    `RETURN ${item.map} AS ${out}`,
    '}',
    `RETURN ${out}`,
    '}',
  ];
  return { items: lines.filter(Boolean).join('\n'), value: (v) => (field.many ? v : `${v}[0]`) };
}

/**
 * A nested connection (src/read/nested.ts) as one value per parent, [count, start, end, items]:
 * the definition's items in its order, collected (a parent's own list: an authority's fines), the
 * page's slice of them found from the cursor's item (else its position), and only the slice's
 * nodes projected, each with its own subqueries. The count is the collected list's size, so
 * totalCount costs nothing more; the definition's `$first` is the whole list (its params()).
 */
function emitPage(b: Builder, field: FieldPlan, parent: { variable: string; guard: boolean } | null): EmittedField {
  const { def } = field;
  const p = b.bind(field.params, def.parameters);
  const pg = b.bind(pageParameters(field.page!));
  const [x, all, i, at, k, s, e, n, slice, each, projected, items, out] = ['_x', '_a', '_i', '_t', '_k', '_s', '_e', '_n', '_g', '_y', '_v', '_w', '_v'].map((v) => b.name(v));
  if (field.item.kind !== 'node') throw new Error(`cypher/${def.name}.cypher: a connection pages nodes`);
  const item = emitNode(b, each!, field.item.node);
  const scoped = parent && def.usesThis;
  const known = knownWhere(b, field, [{ name: def.columns[0]!.name, variable: x! }]);
  const lines = [
    'COLLECT {',
    `CALL (${scoped ? parent.variable : ''}) {`,
    scoped ? `WITH ${parent.variable} AS this${parent.guard ? ` WHERE this:${label(field.owner)}` : ''}` : '',
    p(def.body),
    `WITH *, ${p(def.columns[0]!.expr)} AS ${x}`,
    ...known(def.orderBy || def.limit),
    def.orderBy ? `ORDER BY ${p(def.orderBy)}` : '',
    def.limit ? `LIMIT ${p(def.limit)}` : '',
    `WITH collect(${x}) AS ${all}`,
    pg(`WITH ${all}, head([${i} IN range(0, size(${all}) - 1) WHERE ${all}[${i}].id = $cid]) AS ${at}`),
    // After (or before) the cursor's item; at its old position when it has left the list.
    pg(`WITH ${all}, CASE WHEN $cid IS NULL THEN CASE WHEN $back THEN size(${all}) ELSE 0 END WHEN ${at} IS NULL THEN $cat WHEN $back THEN ${at} ELSE ${at} + 1 END AS ${k}`),
    pg(`WITH ${all}, CASE WHEN NOT $back THEN ${k} WHEN ${k} > $size THEN ${k} - $size ELSE 0 END AS ${s}, CASE WHEN $back THEN ${k} ELSE ${k} + $size END AS ${e}`),
    `WITH size(${all}) AS ${n}, ${s}, ${e}, ${all}[${s}..${e}] AS ${slice}`,
    `WITH ${n}, ${s}, ${e}, COLLECT {`,
    `UNWIND ${slice} AS ${each}`,
    ...bindClause(item.bound),
    `RETURN ${item.map} AS ${projected}`,
    `} AS ${items}`,
    `RETURN [${n}, ${s}, ${e}, ${items}] AS ${out}`,
    '}',
    `RETURN ${out}`,
    '}',
  ];
  return { items: lines.filter(Boolean).join('\n'), value: (v) => `${v}[0]` };
}

/**
 * A node's projection as a list: id, `_labels` when its type is abstract, the properties its
 * selected fields read, and one entry per relationship field key, a subquery's value.
 */
export function emitNode(b: Builder, variable: string, node: NodePlan): Projection {
  const exprs = [`${variable}.id`, ...(node.labels ? [`labels(${variable})`] : []), ...node.props.map((prop) => property(b, variable, node, prop))];
  const bound: string[] = [];
  const values = node.relations.map(({ field }) => {
    const items = b.name('_w');
    const r = emitField(b, field, { variable, guard: node.guard });
    bound.push(`${r.items} AS ${items}`);
    return { owner: field.owner, out: r.value(items) };
  });
  const byKey = alternativesByKey(node.relations.map((r, i) => ({ key: r.key, ...values[i]! })));
  for (const outs of byKey.values()) {
    exprs.push(outs.length === 1 ? outs[0]!.out : `CASE ${outs.map((o) => `WHEN ${variable}:${label(o.owner)} THEN ${o.out}`).join(' ')} END`);
  }
  return { bound, map: `[${exprs.join(', ')}]` };
}

/** A row's projection as a list, one entry per planned entry: subqueries, columns as they are, node columns projected. */
function emitRow(b: Builder, columns: readonly { name: string; variable: string }[], row: RowPlan): Projection {
  const variableOf = new Map(columns.map((c) => [c.name, c.variable]));
  const bound: string[] = [];
  const exprs = row.entries.map((e) => {
    if (e.kind === 'relation') {
      const items = b.name('_w');
      const r = emitField(b, e.field, null);
      bound.push(`${r.items} AS ${items}`);
      return r.value(items);
    }
    const column = variableOf.get(e.name)!;
    if (e.kind === 'column') return column;
    if (e.kind === 'nodes') {
      const each = b.name('_y');
      return `[${each} IN ${column} | ${emitNode(b, each, e.node).map}]`;
    }
    const proj = emitNode(b, column, e.node);
    bound.push(...proj.bound);
    return proj.map;
  });
  return { bound, map: `[${exprs.join(', ')}]` };
}

/**
 * A node's property as read: stored, or as known on the read's day where cypher/asof/<Type>.cypher
 * gives it otherwise (a best value's basis as it was chosen then), per type for an abstract node.
 */
function property(b: Builder, variable: string, node: NodePlan, prop: string): string {
  const byType = node.asOf?.props.get(prop);
  if (!byType) return `${variable}.${prop}`;
  const day = dayParameter(b, node.asOf!.day);
  const expr = (e: string) => `(${e.replace(/\bthis\b/g, variable).replace(/\$asOf\b/g, day)})`;
  if (node.types.length === 1) return expr(byType.get(node.types[0]!)!);
  return `CASE ${[...byType].map(([t, e]) => `WHEN ${variable}:${t} THEN ${expr(e)}`).join(' ')} ELSE ${variable}.${prop} END`;
}

/** The request's parameter holding a day, once per day in the query. */
const days = new WeakMap<Builder, Map<string, string>>();
function dayParameter(b: Builder, day: string): string {
  let byDay = days.get(b);
  if (!byDay) days.set(b, byDay = new Map());
  let name = byDay.get(day);
  if (!name) byDay.set(day, name = b.bind({ asOf: day })('$asOf'));
  return name;
}

/**
 * Read as known on a day: the clauses that keep a field's items to those known by then, put
 * before its ORDER BY and LIMIT (`ordered`: there are some, after a WITH of their own). A node
 * counts when its knownOn (seeds/99-derived-values.cypher) is on or before the day; reference
 * types (Country, DataCategory) always; a row when each of its node columns does (or is null).
 */
function knownWhere(b: Builder, field: FieldPlan, columns: readonly { name: string; variable: string }[]): (ordered: unknown) => string[] {
  if (!field.asOf) return () => [];
  const day = dayParameter(b, field.asOf);
  const conditions: string[] = [];
  if (field.item.kind === 'node') {
    const condition = knownNode(columns[0]!.variable, field.item.node.types, day);
    if (condition) conditions.push(condition);
  } else if (field.item.kind === 'row') {
    for (const name of field.item.row.knownColumns) {
      const v = columns.find((c) => c.name === name)?.variable;
      if (v) conditions.push(`(${v} IS NULL OR ${v}.knownOn <= ${day})`);
    }
  }
  if (conditions.length === 0) return () => [];
  return (ordered) => [`WITH * WHERE ${conditions.join(' AND ')}`, ordered ? 'WITH *' : ''];
}

/** Whether a node of one of `types` was known by `day` (a parameter); null when all of them always are. */
export function knownNode(variable: string, types: readonly string[], day: string): string | null {
  const always = types.filter((t) => ALWAYS_KNOWN.has(t));
  if (always.length === types.length) return null;
  const dated = `${variable}.knownOn <= ${day}`;
  return always.length === 0 ? dated : `(${dated} OR ${always.map((t) => `${variable}:${t}`).join(' OR ')})`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Labels are the GraphQL type names (src/modules/typeOf.ts); checked, as they are written into the query. */
export function label(type: GraphQLObjectType): string {
  if (!IDENTIFIER.test(type.name)) throw new Error(`Type name ${type.name} is not a label`);
  return type.name;
}
