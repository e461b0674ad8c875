import type { GraphQLResolveInfo } from 'graphql';
import { partialDate } from '../domain/partialDate.js';
import type { FieldMeta } from '../read/compile.js';
import { fieldKey } from '../read/keys.js';
import { nodesById, notFoundWhenNull, type LookupKind } from '../read/lookup.js';
import type { Context } from '../read/context.js';
import { nestedConnection, nestedPage, PAGE, type NestedPage, type PageValue } from '../read/nested.js';
import type { Cursors } from '../pagination/cursor.js';
import type { ConnectionValue } from './common/records.js';

/**
 * The resolver building blocks. A relationship field's value comes from the query its root field
 * compiled (src/read/compile.ts) and waits in its parent record; a value field reads properties
 * of the record, and says which, so the compiler fetches exactly those.
 */
type Args = Record<string, any>;
type WithMeta<F> = F & { meta: FieldMeta };

const withMeta = <F>(fn: F, meta: FieldMeta): WithMeta<F> => Object.assign(fn as object, { meta }) as WithMeta<F>;

/**
 * A relationship field (defined by cypher/<domain>/<Type>.<field>.cypher). `params` turns its
 * arguments into the definition's parameters and rejects bad ones.
 */
export function rel<T>(params?: (args: Args) => Record<string, unknown>) {
  return withMeta((parent: object, args: Args, ctx: Context, info: GraphQLResolveInfo): T | Promise<T> => {
    const key = fieldKey(info.fieldNodes[0]!);
    if (key in parent) return (parent as Record<string, T>)[key]!;
    // Refused arguments kept the field out of its parent's query (src/read/plan.ts): their error,
    // at this field's path, before anything else (a parent without an id, such as `stats`, included).
    const p = params?.(args) ?? {};
    // The parent came without this field (a node of a path, a search hit): batched over every such parent.
    const id = (parent as { id?: unknown }).id;
    if (typeof id !== 'string') throw new Error(`${info.parentType.name}.${info.fieldName}: the parent record has neither the field nor an id`);
    return ctx.read.field(info, id, p) as Promise<T>;
  }, { params, relation: true });
}

/**
 * A connection beside a nested list (`finesImposedConnection` beside `finesImposed`), paged per
 * parent in the request's one query (src/read/nested.ts). `list` is the list it pages,
 * "Authority.finesImposed", whose definition it reads; `params` turns the list's own arguments
 * (orderBy, between...) into that definition's parameters, as for the list. Cursors are issued
 * for the list and its orderBy, and a cursor from another list, ordering or parent is refused.
 */
export function connectionOf<T extends { id: string }>(list: string, params: (args: Args) => Record<string, unknown> = () => ({})) {
  const full = (args: Args, cursors?: Cursors): Record<string, unknown> => {
    const { first, after, last, before, ...own } = args;
    // The definition reads every item (first: absent is all): the page is cut from them.
    return { ...params(own), [PAGE]: nestedPage(`${list}:${own.orderBy ?? ''}`, { first, after, last, before }, cursors) };
  };
  return withMeta(async (parent: object, args: Args, ctx: Context, info: GraphQLResolveInfo): Promise<ConnectionValue<T> | null> => {
    const p = full(args, ctx.cursors);
    const id = (parent as { id?: unknown }).id;
    if (typeof id !== 'string') throw new Error(`${info.parentType.name}.${info.fieldName}: the parent record has no id`);
    const key = fieldKey(info.fieldNodes[0]!);
    const value = (key in parent ? (parent as Record<string, unknown>)[key] : await ctx.read.field(info, id, p)) as PageValue<T> | null;
    return value == null ? null : nestedConnection(ctx.cursors, p[PAGE] as NestedPage, id, value);
  }, { params: full, relation: true, connectionOf: list.slice(list.indexOf('.') + 1) });
}

/** A root field compiled with everything selected under it into one Neo4j query. */
export function root<T>(params?: (args: Args) => Record<string, unknown>, opts: { search?: boolean } = {}) {
  return withMeta((_parent: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo): Promise<T> =>
    ctx.read.root<T>(info, params?.(args) ?? {}, opts.search ? ctx.read.searchTimeoutMs : undefined), { params, relation: true });
}

/** A value field computed from properties of the record. */
export function reads<P, R>(props: readonly (keyof P & string)[], fn: (parent: P) => R) {
  return withMeta(fn, { reads: props });
}

/** A stored ISO date property (and its "as reported" twin) as a PartialDate. */
export const date = <P>(key: keyof P & string, asReportedKey?: keyof P & string) =>
  reads<P, ReturnType<typeof partialDate>>(asReportedKey ? [key, asReportedKey] : [key],
    (parent) => partialDate(parent[key] as string | undefined, asReportedKey ? (parent[asReportedKey] as string | undefined) : null));

export const list = <P>(key: keyof P & string) => reads<P, string[]>([key], (parent) => (parent[key] as string[] | undefined) ?? []);

/** An optional property as null rather than undefined. */
export const optional = <P>(key: keyof P & string) => reads<P, NonNullable<P[typeof key]> | null>([key], (parent) => parent[key] ?? null);

export const sources = rel<import('./records.js').SourceRefRecord[]>();

/** The arguments of a field fetched by id. */
export const byId = ({ id }: Args) => ({ id });

/** A root field that looks one `kind` up by id: null and a NOT_FOUND error when the id names none (src/read/lookup.ts). */
export const lookup = <T>(kind: LookupKind) => notFoundWhenNull(root<T>(byId), kind);

/** nodes(ids:): each id's node at its index, null and a NOT_FOUND error where one names nothing. */
export const lookupMany = <T>() => nodesById(root<T>(({ ids }: Args) => ({ ids })));
