import { badInput } from '../errors.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/**
 * The one rule for how many items a list may return: an integer from `min` (0 for connections,
 * where first: 0 asks only for totalCount and pageInfo; 1 for plain lists) to 100.
 */
export function pageSize(value: number | null | undefined, argumentName = 'first', opts: { min?: number; fallback?: number } = {}): number {
  const min = opts.min ?? 0;
  if (value == null) return opts.fallback ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(value) || value < min || value > MAX_PAGE_SIZE) {
    throw badInput(`${argumentName} must be an integer from ${min} to ${MAX_PAGE_SIZE}.`, argumentName, { min, max: MAX_PAGE_SIZE });
  }
  return value;
}
