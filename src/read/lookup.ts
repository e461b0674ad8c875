import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { badInput, ErrorCode } from '../errors.js';
import { rootAsOf } from './asOf.js';
import type { Context } from './context.js';
import { echoed, MAX_ID_LENGTH } from './knownIds.js';
import { closestId, suggestParameters, type Candidate } from './suggest.js';

/** What a single lookup finds: its suggestions come from cypher/common/suggest/<kind>.cypher. */
export type LookupKind = 'Entity' | 'Incident' | 'Company' | 'Authority' | 'Person' | 'Investigation' | 'Fine' | 'Source';

const NOUNS: Record<LookupKind, string> = {
  Entity: 'node', Incident: 'incident', Company: 'company', Authority: 'authority', Person: 'person',
  Investigation: 'investigation', Fine: 'fine', Source: 'source',
};

/** The lookup field of each type a node of another kind can be, for the hint "it is the id of an Incident". */
const LOOKUP_FIELD: Readonly<Record<string, string>> = {
  Incident: 'incident', Company: 'company', Authority: 'authority', Person: 'person',
  Investigation: 'investigation', Fine: 'fine', Source: 'source',
};

type Resolver = (parent: unknown, args: Record<string, any>, ctx: Context, info: GraphQLResolveInfo) => unknown;

/**
 * A root field that looks one thing up by id (incident(id:), node(id:)): an id that names nothing
 * of its kind stays null, as the contract has always said, and the response also carries a
 * NOT_FOUND error at the field's path, with the id the client most likely meant
 * (extensions.suggestion) or the type the id does name (extensions.actualType). The suggestions
 * are queried on this error path only; a found node costs nothing more.
 */
export function notFoundWhenNull<F extends Resolver>(resolver: F, kind: LookupKind): F {
  const checked = async (parent: unknown, args: Record<string, any>, ctx: Context, info: GraphQLResolveInfo) => {
    const value = await resolver(parent, args, ctx, info);
    if (value !== null && value !== undefined) return value;
    throw await notFoundError(ctx, kind, String(args.id), rootAsOf(info));
  };
  // The compiler reads the field's definition from the resolver's meta: keep it.
  return Object.assign(checked, resolver) as unknown as F;
}

async function notFoundError(ctx: Context, kind: LookupKind, id: string, asOf: string | null): Promise<GraphQLError> {
  const noun = NOUNS[kind];
  const base = `No ${noun} has the id "${echoed(id)}".`;
  if (id.length > MAX_ID_LENGTH || id.trim() === '') return notFound(base, { suggestion: null });
  const [found] = await ctx.read.named<{ labels: string[] | null; knownOn: string | null }>('common/labelsOf', { id });
  if (asOf && found?.labels && (kind === 'Entity' || found.labels.includes(kind))) {
    // It is in the graph, but was not known on the read's day.
    const known = found.knownOn;
    return notFound(`The ${noun} "${echoed(id)}" was not known on ${asOf}: ${known ? `the graph counts it as known from ${known}` : 'nothing dates when it became known'}.`,
      { suggestion: null, asOf, knownOn: known });
  }
  const actualType = kind === 'Entity' ? undefined : found?.labels?.find((l) => l in LOOKUP_FIELD);
  if (actualType) {
    return notFound(`${base} It is the id of a${/^[AEIOU]/.test(actualType) ? 'n' : ''} ${actualType}: ask ${LOOKUP_FIELD[actualType]}(id:).`, { suggestion: null, actualType });
  }
  const candidates = await ctx.read.named<Candidate & Record<string, unknown>>(`common/suggest/${kind}`, suggestParameters(id));
  const suggestion = closestId(id, candidates);
  return notFound(suggestion ? `${base} Did you mean "${suggestion}"?` : base, { suggestion });
}

function notFound(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND, argumentName: 'id', ...extensions } });
}

/** The most ids nodes(ids:) takes, as the most items of a page. */
export const MAX_NODES = 100;

/**
 * nodes(ids:): what node(id:) answers for each id, at its index; an id that names nothing is null
 * there, with a NOT_FOUND error at its index (graphql-js completes an Error item as null plus the
 * error). The nodes come from one compiled query; only when some are missing does a second query
 * say which ids answer with which node (a merged id answers with another's).
 */
export function nodesById<F extends Resolver>(resolver: F): F {
  const checked = async (parent: unknown, args: Record<string, any>, ctx: Context, info: GraphQLResolveInfo) => {
    const ids = args.ids as string[];
    if (ids.length > MAX_NODES) throw badInput(`ids: at most ${MAX_NODES} ids at once.`, 'ids', { max: MAX_NODES });
    const long = ids.find((id) => id.length > MAX_ID_LENGTH);
    if (long !== undefined) throw badInput(`ids: "${echoed(long)}" is longer than any id (at most ${MAX_ID_LENGTH} characters).`, 'ids', { maxLength: MAX_ID_LENGTH });
    if (ids.length === 0) return [];
    const found = (await resolver(parent, args, ctx, info)) as { id: string }[];
    if (found.length === ids.length) return found;
    const byId = new Map(found.map((n) => [n.id, n]));
    const rows = await ctx.read.named<{ i: number; resolved: string | null }>('common/resolvedIds', { ids });
    return Promise.all(ids.map(async (id, i) => {
      const resolved = rows.find((r) => Number(r.i) === i)?.resolved;
      return (resolved && byId.get(resolved)) ?? notFoundError(ctx, 'Entity', id, rootAsOf(info));
    }));
  };
  return Object.assign(checked, resolver) as unknown as F;
}
