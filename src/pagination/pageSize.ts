import { badInput } from '../errors.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Every whole-number argument is checked here, so that each says the same thing: "<name> must be an integer from <min> to <max>." */
export function intArgument(value: number, argumentName: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${argumentName} must be an integer from ${min} to ${max}.`, argumentName, { min, max });
  }
  return value;
}

/**
 * The one rule for how many items a list returns (first, last), root connection or nested
 * list: an integer from 0 to 100, or to a lower maximum a list states in the schema (paths: 25).
 * 0 returns no items: on a connection it asks only for totalCount and pageInfo.
 */
export function pageSize(value: number | null | undefined, argumentName = 'first', opts: { max?: number; fallback?: number } = {}): number {
  if (value == null) return opts.fallback ?? DEFAULT_PAGE_SIZE;
  return intArgument(value, argumentName, 0, opts.max ?? MAX_PAGE_SIZE);
}
