import { availableParallelism } from 'node:os';
import neo4j from 'neo4j-driver';
import pLimit from 'p-limit';
import { getArgumentValues, Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { badInput } from '../errors.js';
import type { BuiltQuery, Graph, QueryStats } from '../graph/graph.js';
import { undoOf, type StoredChange } from './undo.js';

/**
 * Reads "as recorded" at an instant: the `recordedAsOf` argument of the root fields. Where asOf
 * asks what the world had made known by a day, recordedAsOf asks what this graph itself said at
 * an instant, from its change history (schema/history.graphql): each read runs in a write
 * transaction that first undoes every change committed after the instant (cypher/recorded/,
 * src/read/undo.ts), with the derived values chosen again by the rules a write uses, then runs
 * the request's compiled read (the same text as without it, so the same plan), and is always
 * rolled back. The two combine: asOf filters the graph as it was recorded.
 * docs/analysts.md "As recorded at an instant" has the rules.
 */

export const RECORDED_AS_OF = 'recordedAsOf';

/**
 * Changes one read may undo, unless RECORDED_AS_OF_MAX_CHANGES says otherwise. Each is undone in
 * the read's own transaction, under the write locks of what it touched, so a read far back in a
 * busy history would hold many nodes and work long: past this the instant is refused (a later
 * one, or the history itself, answers instead).
 */
export const MAX_UNDONE_CHANGES = 1000;

/**
 * Reads as recorded at once in the process. Each holds the write locks of what the changes it
 * undoes touched, for as long as it runs: however many clients send them, curators' writes wait
 * behind this many at most, and they hold this many of Neo4j's cores.
 */
const recording = pLimit(Math.max(1, Math.floor(availableParallelism() / 2)));

/**
 * The instant a recordedAsOf names, as Change.at holds instants (UTC, milliseconds): an ISO 8601
 * date-time with its offset; a date alone, or an instant after now, is BAD_USER_INPUT.
 */
export function recordedInstant(value: unknown, now: number = Date.now()): string | null {
  if (value == null) return null;
  const s = String(value);
  const at = Date.parse(s);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) || Number.isNaN(at)) {
    throw badInput(`recordedAsOf: "${s.slice(0, 64)}" is not an ISO 8601 date-time with its offset ("2026-12-01T00:00:00Z").`, RECORDED_AS_OF);
  }
  if (at > now) {
    throw badInput(`recordedAsOf: ${s} is in the future (now is ${new Date(now).toISOString()}); the graph has recorded nothing yet at that instant.`,
      RECORDED_AS_OF, { now: new Date(now).toISOString() });
  }
  return new Date(at).toISOString();
}

/** Per request (its variables, an object of its own; the parsed document is shared by requests of the same text). */
const byRequest = new WeakMap<object, string | null>();

/**
 * The instant the operation reads at, or null. Every read of a request runs in the one state of
 * the graph it names, so the root fields of an operation give the same recordedAsOf or none of
 * them does (one field "as recorded" beside one "as it stands" is two operations): else
 * BAD_USER_INPUT. `__typename` asks nothing of the graph.
 */
export function operationInstant(info: GraphQLResolveInfo): string | null {
  if (byRequest.has(info.variableValues)) return byRequest.get(info.variableValues)!;
  const root = info.operation.operation === 'query' ? info.schema.getQueryType() : null;
  const values: { name: string; instant: string | null }[] = [];
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value === '__typename') continue;
        const field = root?.getFields()[s.name.value];
        const given = field?.args.some((a) => a.name === RECORDED_AS_OF) ? getArgumentValues(field, s, info.variableValues)[RECORDED_AS_OF] : undefined;
        values.push({ name: s.alias?.value ?? s.name.value, instant: recordedInstant(given) });
      } else {
        const inner = s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : info.fragments[s.name.value]?.selectionSet;
        if (inner) walk(inner);
      }
    }
  };
  walk(info.operation.selectionSet);
  const instants = new Set(values.map((v) => v.instant));
  if (instants.size > 1) {
    throw badInput(`recordedAsOf: the root fields of one operation read one state of the graph; give the same recordedAsOf to each of ${values.map((v) => v.name).join(', ')}, or send them as separate operations.`,
      RECORDED_AS_OF);
  }
  const instant = values[0]?.instant ?? null;
  byRequest.set(info.variableValues, instant);
  return instant;
}

/**
 * A read (a compiled query or a named one) of the graph as it was recorded at `at`: in ONE write
 * transaction that is rolled back, the changes after `at` undone, the derived values chosen
 * again, then the read. Three statements; the read's own text and plan are unchanged.
 */
export function readAsRecorded<T extends Record<string, unknown>>(graph: Graph, at: string, query: BuiltQuery, params: Record<string, unknown>,
  stats: QueryStats, timeoutMs: number | undefined, after: readonly string[]): Promise<T[]> {
  const limit = graph.options.recordedMaxChanges ?? MAX_UNDONE_CHANGES;
  return recording(() => graph.transaction(`recorded ${query.name}`, async (run) => {
    const [past] = await run<{ earliest: string | null; changes: StoredChange[]; neighbours: string[] }>('recorded/after',
      { at, limit: neo4j.int(limit) });
    if (past!.earliest !== null && at < past!.earliest) {
      throw badInput(`recordedAsOf: ${at} is before this graph recorded anything (its first change is at ${past!.earliest}).`,
        RECORDED_AS_OF, { earliest: past!.earliest });
    }
    if (past!.changes.length > limit) {
      throw badInput(`recordedAsOf: more than ${limit} changes were recorded after ${at}, too many to undo for one read; choose a later instant, or read the changes (Query.changes).`,
        RECORDED_AS_OF, { limit });
    }
    if (past!.changes.length > 0) {
      const undo = undoOf(past!.changes);
      await run('recorded/undo+write/refresh', { at, ...undo, ids: [...new Set([...undo.ids, ...past!.neighbours])], returned: [] });
    }
    return run<T>(query, params);
  }, stats, {}, { after }, { timeoutMs }));
}
