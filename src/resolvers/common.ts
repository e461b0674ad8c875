import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type { Resolvers } from '../generated/resolvers.js';
import type { EntityRecord } from '../graph/records/index.js';
import { displayMoney, isDecimal } from '../domain/money.js';
import { parsePartialDate } from '../domain/partialDate.js';
import { byId, root } from './fields.js';
import { typeOf } from './typeOf.js';

const scalar = (name: string, description: string, valid: (s: string) => boolean) => new GraphQLScalarType({
  name,
  description,
  serialize: (v) => String(v),
  parseValue: (v) => {
    if (typeof v !== 'string' || !valid(v)) throw new GraphQLError(`${name} must be a string like ${description}`, { extensions: { code: 'BAD_USER_INPUT' } });
    return v;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !valid(ast.value)) throw new GraphQLError(`${name} must be a string like ${description}`, { extensions: { code: 'BAD_USER_INPUT' } });
    return ast.value;
  },
});

const resolveType = (obj: EntityRecord) => typeOf(obj);

export const commonResolvers: Resolvers = {
  Decimal: scalar('Decimal', '"134790000000"', isDecimal),
  PartialDateString: scalar('PartialDateString', '"2025", "2025-08" or "2025-08-28"', (s) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s)),
  Node: { __resolveType: resolveType },
  Actor: { __resolveType: resolveType as never },
  Organization: { __resolveType: resolveType as never },
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
  SourceRef: {
    about: (r) => r.about ?? [],
  },
  Query: {
    node: root(byId),
  },
};
