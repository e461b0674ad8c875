import express, { type RequestHandler } from 'express';

/** Request bodies above this are refused 413 PAYLOAD_TOO_LARGE. */
export const MAX_BODY = '256kb';
/**
 * Arrays and objects nested in each other in a request body: a GraphQL request is an object of
 * variables whose deepest input (a filter of lists) is a few levels down. 5,000 levels overflowed
 * the stack of code that walks variables (HTTP 500) before this bound.
 */
export const MAX_JSON_DEPTH = 32;

/** A body error the app's error handler answers 400 BAD_REQUEST with this message. */
class TooDeep extends Error {
  readonly status = 400;
  readonly expose = true;
  readonly type = 'entity.too.deep';
}

/** The deepest nesting of [ and { in a JSON text, strings skipped; stops counting past `limit`. */
export function jsonDepth(text: Buffer | string, limit = Infinity): number {
  const s = typeof text === 'string' ? Buffer.from(text) : text;
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next byte is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** express.json with the size bound, refusing bodies nested deeper than MAX_JSON_DEPTH before they are parsed. */
export function jsonBody(): RequestHandler {
  return express.json({
    limit: MAX_BODY,
    verify: (_req, _res, buf) => {
      if (jsonDepth(buf, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw new TooDeep(`The request body is nested too deeply: at most ${MAX_JSON_DEPTH} levels of arrays and objects are allowed.`);
    },
  });
}
