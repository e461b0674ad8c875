import {
  getArgumentValues, Kind,
  type FieldNode, type GraphQLResolveInfo, type SelectionSetNode,
} from 'graphql';
import { badInput } from '../errors.js';
import { endDay, firstDay } from '../domain/partialDate.js';

/**
 * Reads "as known on" a day: the `asOf` argument of the root fields. A root field's asOf holds for
 * everything under it; the read compiler filters each field's items by the day they became known
 * (knownOn, seeds/99-derived-values.cypher) and reads best values as they were chosen then
 * (src/read/emit.ts, cypher/asof/). The rules are in docs/analysts.md "As known on a day".
 */

export const AS_OF = 'asOf';

/** GraphQL types that are reference data, there on every day: never filtered by asOf. */
export const ALWAYS_KNOWN: ReadonlySet<string> = new Set(['Country', 'DataCategory']);

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The day an asOf stands for: the last day of its period ("2025-11" is as known at the end of
 * November), today when the period runs on past it. A day after today is BAD_USER_INPUT: the
 * graph cannot say what will be known. The scalar has already refused what is not a partial date.
 */
export function asOfDay(value: unknown, now: string = today()): string | null {
  if (value == null) return null;
  const s = String(value);
  if ((firstDay(s) ?? s) > now) {
    throw badInput(`asOf: ${s} is in the future (today is ${now}); nothing is known as of a day to come.`, AS_OF, { today: now });
  }
  const day = endDay(s);
  return day > now ? now : day;
}

/**
 * Per request (its variables, an object of its own, where the operation's document is shared by
 * every request that sends the same text): each root field's asOf day by its response key.
 */
const byRequest = new WeakMap<object, Map<string, string | null>>();

/**
 * The asOf day of the root field a resolver runs under (from its path), or null. Nested fields
 * answered by the fallback loader and root lists get it here, so every part of a read under one
 * root field sees the same day.
 */
export function rootAsOf(info: GraphQLResolveInfo): string | null {
  let path = info.path;
  while (path.prev) path = path.prev;
  const key = String(path.key);
  let days = byRequest.get(info.variableValues);
  if (!days) byRequest.set(info.variableValues, days = new Map());
  if (days.has(key)) return days.get(key)!;
  const root = info.operation.operation === 'query' ? info.schema.getQueryType() : null;
  const node = root && findRoot(info, info.operation.selectionSet, key);
  const field = node ? root.getFields()[node.name.value] : undefined;
  const day = node && field?.args.some((a) => a.name === AS_OF) ? asOfDay(getArgumentValues(field, node, info.variableValues)[AS_OF]) : null;
  days.set(key, day);
  return day;
}

function findRoot(info: GraphQLResolveInfo, set: SelectionSetNode, key: string): FieldNode | null {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if ((s.alias?.value ?? s.name.value) === key) return s;
    } else {
      const inner = s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : info.fragments[s.name.value]?.selectionSet;
      const found = inner && findRoot(info, inner, key);
      if (found) return found;
    }
  }
  return null;
}
