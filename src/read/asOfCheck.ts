import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from '../errors.js';
import { AS_OF, rootAsOf } from './asOf.js';
import type { Context } from './context.js';
import { operationInstant } from './recordedAsOf.js';

/**
 * The first day anything in the graph counts as known: an asOf before it is refused ("before any
 * data"). Read once by the first request with asOf (its one extra query), then kept, and read
 * again in the background, uncounted, when older than REFRESH_AFTER_MS: a request with asOf is one
 * query. A write that dates something earlier is seen at the next refresh; until then an asOf
 * between the two days is refused, never answered wrongly.
 */
const REFRESH_AFTER_MS = 60_000;
let earliest: { day: string | null; at: number } | null = null;
let reading: Promise<string | null> | null = null;

function readEarliest(read: () => Promise<{ day: string | null }[]>): Promise<string | null> {
  reading ??= read()
    .then(([row]) => {
      earliest = { day: row?.day ?? null, at: performance.now() };
      return earliest.day;
    })
    .finally(() => { reading = null; });
  return reading;
}

/** BAD_USER_INPUT when asOf is before anything in the graph was known. */
function checkNotBeforeData(day: string, first: string | null): void {
  if (first === null || day < first) {
    throw badInput(first === null
      ? 'asOf: nothing in the graph has a date it became known by, so nothing is known as of any day.'
      : `asOf: ${day} is before anything in the graph was known (the first day is ${first}).`, AS_OF, { earliest: first });
  }
}

type Resolver = (parent: unknown, args: Record<string, unknown>, ctx: Context, info: GraphQLResolveInfo) => unknown;

/**
 * A root field's resolver with its asOf checked (in the future, before any data: BAD_USER_INPUT
 * naming it). The field's read always starts at once, so the root fields of a request start in
 * one tick and go to Neo4j as one query.
 */
export function checkingAsOf<R extends Resolver>(resolve: R): R {
  const wrapped = ((parent, args, ctx, info) => {
    // Before any read of the request: the state of the graph all of them read (recordedAsOf).
    ctx.read.recordedAt = operationInstant(info);
    const day = args[AS_OF] == null ? null : rootAsOf(info);
    if (day === null) return resolve(parent, args, ctx, info);
    if (earliest) {
      if (performance.now() - earliest.at > REFRESH_AFTER_MS && !reading) {
        readEarliest(() => ctx.read.background<{ day: string | null }>('asof/earliest', {})).catch(() => { /* kept as it was; tried again later */ });
      }
      checkNotBeforeData(day, earliest.day);
      return resolve(parent, args, ctx, info);
    }
    // The first request with asOf: the day is read beside the field's own read, which starts now
    // with the request's other root fields (one compiled query, the same text as later requests).
    const value = (async () => resolve(parent, args, ctx, info))();
    // Its failure is answered below when the day is accepted, and dropped when the day is refused.
    value.catch(() => undefined);
    return readEarliest(() => ctx.read.named<{ day: string | null }>('asof/earliest', {})).then((first) => {
      checkNotBeforeData(day, first);
      return value;
    });
  }) as R;
  return Object.assign(wrapped, resolve);
}

/** Every root field resolver wrapped by checkingAsOf (a field without asOf passes through untouched). */
export function checkAsOfOnRoots(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, r]) => [name, typeof r === 'function' ? checkingAsOf(r as Resolver) : r]));
}
