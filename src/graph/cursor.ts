import { GraphQLError } from 'graphql';
import { badCursor } from '../errors.js';

/**
 * Opaque, versioned cursors: base64url of ["v1", ...sort key]. The sort key always ends with
 * the node id, the tie-break that keeps pages from repeating or skipping an item.
 */
export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(['v1', ...key])).toString('base64url');
}

export function decodeCursor(cursor: string): (string | number | null)[] {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed[0] !== 'v1' || parsed.length < 2
    || !parsed.slice(1).every((v) => v === null || typeof v === 'string' || typeof v === 'number')) {
    throw badCursor();
  }
  return parsed.slice(1) as (string | number | null)[];
}


export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export function pageSize(size: number | null | undefined, argumentName = 'first'): number {
  if (size == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new GraphQLError(`"${argumentName}" must be between 0 and ${MAX_PAGE_SIZE}.`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName },
    });
  }
  return size;
}
