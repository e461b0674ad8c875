import { createHmac, timingSafeEqual } from 'node:crypto';
import { badCursor, badInput } from '../errors.js';

export type CursorValue = string | number | null;

/**
 * Opaque, signed cursors: base64url(JSON [list, ...sort values, id]) "." base64url(HMAC-SHA256).
 * The list names what was paged and in which order ("Incident:sortAccounts:D"), so a cursor is
 * only accepted by the list that issued it; the signature makes a forged or edited cursor a
 * BAD_USER_INPUT rather than a query for something the client made up.
 */
export class Cursors {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 32) throw new Error('The cursor secret must be at least 32 bytes');
  }

  encode(list: string, values: readonly CursorValue[]): string {
    const body = Buffer.from(JSON.stringify([list, ...values])).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** The sort values of a cursor issued for `list`; throws BAD_USER_INPUT naming `argumentName` otherwise. */
  decode(cursor: string, list: string, argumentName: string): CursorValue[] {
    const dot = cursor.indexOf('.');
    if (cursor.length > 4096 || dot < 1) throw badCursor(argumentName);
    const body = cursor.slice(0, dot);
    const given = Buffer.from(cursor.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.sign(body), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw badCursor(argumentName);
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      throw badCursor(argumentName);
    }
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') throw badCursor(argumentName);
    if (parsed[0] !== list) {
      const sameType = parsed[0].split(':')[0] === list.split(':')[0];
      throw badInput(sameType
        ? `This cursor was issued for another ordering of this list: use it with the same orderBy.`
        : `This cursor was issued by another list: pass it back to the list it came from.`, argumentName);
    }
    return parsed.slice(1) as CursorValue[];
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest().subarray(0, 18).toString('base64url');
  }
}
