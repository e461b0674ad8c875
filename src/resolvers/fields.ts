import type { Context } from '../server/context.js';
import type { EntityRecord, SourceRefRecord } from '../graph/records.js';
import { partialDate } from '../domain/partialDate.js';

/**
 * Field resolvers built from a named batched query (see loaders/batch.ts). The record type
 * parameter is checked against the codegen mapper where the resolver is used.
 */
export const many = <T>(query: string) =>
  (parent: { id: string }, _args: unknown, ctx: Context): Promise<T[]> => ctx.loaders.many<T>(query, parent.id);

export const one = <T>(query: string) =>
  (parent: { id: string }, _args: unknown, ctx: Context): Promise<T | null> => ctx.loaders.one<T>(query, parent.id);

export const sources = many<SourceRefRecord>('entity/sources');

/** A stored ISO date property (and its "as reported" twin) as a PartialDate. */
export const date = <P>(key: keyof P & string, asReportedKey?: keyof P & string) =>
  (parent: P) => partialDate(parent[key] as string | undefined, asReportedKey ? (parent[asReportedKey] as string | undefined) : null);

export const list = <P>(key: keyof P & string) => (parent: P) => (parent[key] as string[] | undefined) ?? [];

export function nodeById(ctx: Context, id: string): Promise<EntityRecord | null> {
  return ctx.loaders.one<EntityRecord>('node/byIds', id);
}
