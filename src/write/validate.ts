import { randomBytes } from 'node:crypto';
import { badInput } from '../errors.js';
import { slug } from '../import/ids.js';
import { MAX_ID_LENGTH, echoed } from '../read/knownIds.js';
import type { SourceRef } from './changeset.js';

/**
 * The checks every curated write applies to what it is given, as strictly as reads check their
 * arguments: each failure is BAD_USER_INPUT naming the argument, before anything is sent to Neo4j.
 */

/** The longest text a curator's field takes (a title, a note); summaries and quotes may be longer. */
export const MAX_TEXT = 2000;
export const MAX_LONG_TEXT = 10_000;
/** An attribution, a unit, a name. */
export const MAX_SHORT = 300;
/** Sources one fact may cite at once. */
export const MAX_SOURCES = 20;

/** Trimmed text within `max` characters; empty is refused when required, else null. */
export function text(value: string | null | undefined, argument: string, max: number, required: true): string;
export function text(value: string | null | undefined, argument: string, max: number, required: boolean): string | null;
export function text(value: string | null | undefined, argument: string, max: number, required: boolean): string | null {
  const t = value?.trim() ?? '';
  if (!t) {
    if (required) throw badInput(`${argument} must not be empty.`, argument.split('.')[0]!);
    return null;
  }
  if (t.length > max) throw badInput(`${argument} is too long: at most ${max} characters.`, argument.split('.')[0]!, { maxLength: max });
  return t;
}

/** An id as given (ids are matched exactly), within the longest id there is. */
export function id(value: string, argument: string): string {
  if (value.length > MAX_ID_LENGTH) throw badInput(`${argument}: "${echoed(value)}" is longer than any id (at most ${MAX_ID_LENGTH} characters).`, argument.split('.')[0]!, { maxLength: MAX_ID_LENGTH });
  if (!value.trim()) throw badInput(`${argument} must not be empty.`, argument.split('.')[0]!);
  return value;
}

/** Names and aliases: each trimmed, non-empty, at most MAX_SHORT characters, once each, at most 50. */
export function names(values: readonly string[] | null | undefined, argument: string): string[] {
  const out = [...new Set((values ?? []).map((v) => text(v, argument, MAX_SHORT, true)))];
  if (out.length > 50) throw badInput(`${argument}: at most 50.`, argument.split('.')[0]!);
  return out;
}

/** The sources a fact rests on, checked: at least one, each once. */
export function sourceRefs(refs: readonly { id: string; attribution?: string | null; about?: readonly string[] | null }[] | null | undefined, argument = 'input.sources'): SourceRef[] {
  const top = argument.split('.')[0]!;
  if (!refs || refs.length === 0) throw badInput(`${argument}: a change needs at least one source (addSource first, then pass its id).`, top);
  if (refs.length > MAX_SOURCES) throw badInput(`${argument}: at most ${MAX_SOURCES} sources.`, top);
  const sources = refs.map((s) => ({
    id: id(s.id, `${argument}.id`),
    attribution: text(s.attribution, `${argument}.attribution`, MAX_SHORT, false),
    about: s.about ? [...new Set(s.about.map((a) => text(a, `${argument}.about`, 100, true)))].slice(0, 20) : null,
  }));
  if (new Set(sources.map((s) => s.id)).size !== sources.length) throw badInput(`${argument}: each source once.`, top);
  return sources;
}

/** A finite number, not negative, exact when whole. */
export function amount(value: number, argument: string): number {
  if (!Number.isFinite(value) || value < 0) throw badInput(`${argument} must be a finite number, not negative.`, argument.split('.')[0]!);
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) throw badInput(`${argument} is too large to be exact: at most 2^53 - 1.`, argument.split('.')[0]!);
  return value;
}

/**
 * A new node's id in the seeds' manner: readable words from `base` (a title, a name) after an
 * optional prefix, and a random tail that keeps it unique (never an id retracted or merged before).
 */
export function newId(base: string, prefix?: string): string {
  const words = slug(base).slice(0, 80).replace(/-+$/, '') || 'node';
  return `${prefix ? `${prefix.slice(0, 100)}-` : ''}${words}-${randomBytes(4).toString('hex')}`;
}
