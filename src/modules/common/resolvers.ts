import { buildSchema, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { Resolvers } from '../../generated/resolvers.js';
import type { EntityRecord } from '../records.js';
import { displayMoney, isDecimal } from '../../domain/money.js';
import { parsePartialDate, partialDateProblem } from '../../domain/partialDate.js';
import { loadTypeDefs } from '../schema.js';
import { lookup, lookupMany } from '../fields.js';
import { typeAmong, typeOf } from '../typeOf.js';

/** The scalars as schema/common.graphql declares them: one text for the SDL, introspection and /schema.graphql. */
const declared = buildSchema(loadTypeDefs().join('\n'));

/**
 * A string scalar whose input `problem` checks. The description and @specifiedBy URL come from
 * the SDL: graphql-tools copies every property of a resolver's GraphQLScalarType over the SDL's,
 * so a scalar built here without them would erase them from introspection.
 * A refused value is thrown as a plain Error: graphql-js then reports it as it does for its own
 * scalars (with the value's location in a literal, the variable's name in a variable), and the
 * error contract (src/server/errorContract.ts) answers both as BAD_USER_INPUT with argumentName.
 */
function stringScalar(name: string, example: string, problem: (s: string) => string | null, serialize: (v: unknown) => string = String): GraphQLScalarType {
  const sdl = declared.getType(name);
  if (!(sdl instanceof GraphQLScalarType)) throw new Error(`schema/common.graphql declares no scalar ${name}`);
  const parse = (v: unknown): string => {
    if (typeof v !== 'string') throw new TypeError(`${name} is given as a string, such as ${example}.`);
    const p = problem(v);
    if (p) throw new TypeError(p);
    return v;
  };
  return new GraphQLScalarType({
    name,
    description: sdl.description,
    specifiedByURL: sdl.specifiedByURL,
    serialize,
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

/**
 * What is wrong with `value` as a URL (schema/common.graphql): null for an absolute http(s) URL
 * as the WHATWG URL Standard parses it (`new URL`, as browsers do), without a user name or
 * password. Spaces and control characters are refused before parsing: the parser would drop
 * or encode them, and " javascript:..." or "java\tscript:" must not pass as anything but wrong.
 */
export function urlProblem(value: string): string | null {
  const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (/[\u0000-\u0020\u007f]/.test(value)) return `${shown} is not a URL: it has a space or a control character.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${shown} is not a URL: write an absolute http or https URL ("https://www.example.com/news/1").`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${shown} is not a URL this API accepts: its scheme is ${url.protocol.slice(0, -1)}, only http and https are.`;
  if (url.username || url.password) return `${shown} is not a URL this API accepts: it carries a user name or password.`;
  return null;
}

/**
 * A URL going out: a stored value that is not an http(s) URL is never sent, so no app turns it
 * into a javascript: link. The throw is a field error (the nullable field is null, the error
 * at its path, INTERNAL_SERVER_ERROR: a fault of the data, not of the request). Its message
 * names no part of the value, since graphql-jit passes a serializer's message to the client as
 * it is; graphql-js's path answers "Internal server error" and logs the error with `value`.
 */
function serializeUrl(v: unknown): string {
  if (typeof v === 'string' && urlProblem(v) === null) return v;
  throw Object.assign(new TypeError('A stored value is not an absolute http(s) URL, so it is not sent.'), {
    value: typeof v === 'string' ? v.slice(0, 200) : typeof v,
  });
}

const resolveType = (obj: EntityRecord) => typeOf(obj);

export const commonResolvers: Resolvers = {
  Decimal: stringScalar('Decimal', '"134790000000"', (s) => (isDecimal(s) ? null
    : `"${s}" is not a Decimal: write an optional "-", digits and an optional "." with digits, as a string ("134790000000", "9.6").`)),
  PartialDateString: stringScalar('PartialDateString', '"2025-08"', partialDateProblem),
  URL: stringScalar('URL', '"https://www.example.com/news/1"', urlProblem, serializeUrl),
  Node: { __resolveType: resolveType },
  Actor: { __resolveType: typeAmong('Company', 'Authority', 'Person', 'Publisher') },
  Organization: { __resolveType: typeAmong('Company', 'Authority') },
  PartialDate: {
    iso: (d) => d.iso,
    precision: (d) => parsePartialDate(d.iso).precision,
    year: (d) => parsePartialDate(d.iso).year,
    month: (d) => parsePartialDate(d.iso).month,
    day: (d) => parsePartialDate(d.iso).day,
    asReported: (d) => d.asReported ?? null,
  },
  Money: {
    display: (m) => displayMoney(m.amount, m.currency),
  },
  Query: {
    node: lookup('Entity'),
    nodes: lookupMany(),
  },
};
