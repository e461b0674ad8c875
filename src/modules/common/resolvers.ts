import { buildSchema, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { Resolvers } from '../../generated/resolvers.js';
import type { EntityRecord } from '../records.js';
import { displayMoney, isDecimal } from '../../domain/money.js';
import { parsePartialDate, partialDateProblem } from '../../domain/partialDate.js';
import { loadTypeDefs } from '../schema.js';
import { byId, root } from '../fields.js';
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
function stringScalar(name: string, example: string, problem: (s: string) => string | null): GraphQLScalarType {
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
    serialize: (v) => String(v),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

const resolveType = (obj: EntityRecord) => typeOf(obj);

export const commonResolvers: Resolvers = {
  Decimal: stringScalar('Decimal', '"134790000000"', (s) => (isDecimal(s) ? null
    : `"${s}" is not a Decimal: write an optional "-", digits and an optional "." with digits, as a string ("134790000000", "9.6").`)),
  PartialDateString: stringScalar('PartialDateString', '"2025-08"', partialDateProblem),
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
    node: root(byId),
  },
};
