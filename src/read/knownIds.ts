import {
  getNamedType, getNullableType, isInputObjectType, isListType,
  type GraphQLArgument, type GraphQLError, type GraphQLInputType, type GraphQLResolveInfo,
} from 'graphql';
import { badInput } from '../errors.js';
import type { QueryRegistry } from '../graph/queries.js';
import type { Context } from './context.js';
import { decoded, subquery, type Block, type Builder } from './compile.js';
import { requestOf } from './reader.js';
import { closestId, suggestParameters, type Candidate } from './suggest.js';

/** What an argument names: nodes of a label (cypher/common/known/<kind>.cypher), or the currency of a fine. */
export type KnownKind = 'Country' | 'Company' | 'Authority' | 'DataCategory' | 'Publisher' | 'Organization' | 'Entity' | 'Incident' | 'Source' | 'currency';

/**
 * Arguments and input fields (by schema coordinate) that name something in the graph. A value
 * that names nothing is BAD_USER_INPUT naming it, with the closest id when there is one, never
 * an empty answer that reads as "none". test/contract/input.test.ts keeps every ID argument of
 * the schema either here or in LOOKUPS.
 */
export const KNOWN: Readonly<Record<string, KnownKind>> = {
  'IncidentFilter.country': 'Country',
  'IncidentFilter.company': 'Company',
  'IncidentFilter.authority': 'Authority',
  'IncidentFilter.dataCategories': 'DataCategory',
  'FineFilter.authority': 'Authority',
  'FineFilter.company': 'Company',
  'FineFilter.currency': 'currency',
  'FineFilter.country': 'Country',
  'FineFilter.companyCountry': 'Country',
  'MoneyInput.currency': 'currency',
  'InvestigationFilter.authority': 'Authority',
  'CompanyFilter.country': 'Country',
  'AuthorityFilter.country': 'Country',
  'PersonFilter.organization': 'Organization',
  'SourceFilter.publisher': 'Publisher',
  // Statements and events: a person or an incident is any entity by its id; the organization a company or an authority.
  'StatementFilter.person': 'Entity',
  'StatementFilter.organization': 'Organization',
  'StatementFilter.incident': 'Entity',
  'EventFilter.person': 'Entity',
  'EventFilter.organization': 'Organization',
  'EventFilter.incident': 'Entity',
  'Query.paths.from': 'Entity',
  'Query.paths.to': 'Entity',
  'Query.neighbourhood.id': 'Entity',
  'Query.stixBundle.incidentId': 'Incident',
  // Nested under Query.stats: checked when their answer is empty (checkedWhenEmpty).
  'Stats.finesByAuthorityAndYear.authority': 'Authority',
  'Stats.incidentsByCountryAndYear.country': 'Country',
  'Stats.finesByYear.country': 'Country',
  // The curators' mutations check these inside their write transaction (src/write/mutate.ts: the changeset's require).
  'AddEstimateInput.incident': 'Incident',
  'SourceRefInput.id': 'Source',
  'Query.history.id': 'Entity',
  'Mutation.updateIncident.id': 'Incident',
};

/**
 * A currency is a code, not a node: a real ISO 4217 code no fine is in yet ("EUR" before the GDPR
 * import) is a fair question with an empty answer; only what is no currency at all ("WON") is refused.
 */
const ISO_4217: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Arguments that look things up by id: an id that names nothing there is null, with a NOT_FOUND error (src/read/lookup.ts). */
export const LOOKUPS: ReadonlySet<string> = new Set([
  'Query.node.id', 'Query.incident.id', 'Query.company.id', 'Query.authority.id', 'Query.person.id',
  'Query.investigation.id', 'Query.fine.id', 'Query.source.id', 'Query.nodes.ids',
]);

/**
 * Inputs that name something but are checked by a rule of their own, not against the graph: a
 * ranking currency must be one the ECB series has (src/money/currency.ts), whether or not a fine is
 * in it; another is BAD_USER_INPUT listing the allowed codes (test/api/conversion.test.ts).
 */
export const CHECKED_BY_OWN_RULE: ReadonlySet<string> = new Set(['FineOrder.currency']);

const NOUNS: Record<KnownKind, string> = {
  Country: 'country', Company: 'company', Authority: 'authority', DataCategory: 'data category', Publisher: 'publisher',
  Organization: 'company or authority', Entity: 'entity', Incident: 'incident', Source: 'source', currency: 'currency',
};

/** No id in the graph is longer: a longer one is refused before it reaches Neo4j or the suggestions. */
export const MAX_ID_LENGTH = 200;
/** Characters of a value an error message repeats (a 250 KB id echoed twice made a 14.5 MB response). */
const ECHO = 64;
/** Unknown ids an error names (with a suggestion each). */
const MAX_NAMED = 5;

/** A value as an error message repeats it: at most ECHO characters. */
export function echoed(value: string): string {
  return value.length <= ECHO ? value : `${value.slice(0, ECHO)}… (${value.length} characters)`;
}

export interface KnownCheck {
  /** Where the values are in the arguments: "filter.country", "from". */
  argument: string;
  kind: KnownKind;
  ids: string[];
}

/** The values of a field's arguments that must name something, by where they are. */
export function knownChecks(info: GraphQLResolveInfo, args: Record<string, unknown>): KnownCheck[] {
  const field = info.parentType.getFields()[info.fieldName]!;
  const checks = new Map<string, KnownCheck>();
  const collect = (coordinate: string, type: GraphQLInputType, value: unknown, path: string) => {
    if (value == null) return;
    const kind = KNOWN[coordinate];
    if (kind) {
      const ids = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')
        .filter((id) => kind !== 'currency' || !ISO_4217.has(id.toUpperCase()));
      const long = ids.find((id) => id.length > MAX_ID_LENGTH);
      if (long !== undefined) throw badInput(`${path}: "${echoed(long)}" is longer than any id (at most ${MAX_ID_LENGTH} characters).`, path.split('.')[0]!, { maxLength: MAX_ID_LENGTH });
      const check = checks.get(path) ?? { argument: path, kind, ids: [] };
      check.ids.push(...ids.filter((id) => !check.ids.includes(id)));
      if (check.ids.length) checks.set(path, check);
      return;
    }
    const named = getNamedType(type);
    if (!isInputObjectType(named)) return;
    const items = isListType(getNullableType(type)) && Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (item === null || typeof item !== 'object') continue;
      for (const f of Object.values(named.getFields())) {
        collect(`${named.name}.${f.name}`, f.type, (item as Record<string, unknown>)[f.name], `${path}.${f.name}`);
      }
    }
  };
  for (const arg of field.args as readonly GraphQLArgument[]) {
    collect(`${info.parentType.name}.${info.fieldName}.${arg.name}`, arg.type, args[arg.name], arg.name);
  }
  return [...checks.values()];
}

/**
 * Existence checks as parts of the request's query: one `CALL () { ... }` per check, whose one
 * row is the ids of its check that name nothing. Index lookups of the ids given, nothing more.
 */
export function knownParts(b: Builder, queries: QueryRegistry, checks: readonly KnownCheck[]): Block[] {
  return checks.map((check) => subquery(b, queries.get(`common/known/${check.kind}`), { ids: check.ids }));
}

/**
 * Throws BAD_USER_INPUT when a check found ids that name nothing: the message names each, with
 * the closest id when there is one, and extensions.unknown lists them as
 * { argument, value, suggestion }. Looking for suggestions is the error path's work only.
 */
export async function throwIfUnknown(ctx: Context, checks: readonly KnownCheck[], missing: readonly (readonly string[] | null)[] | null | undefined): Promise<void> {
  const unknown: { argument: string; kind: KnownKind; value: string }[] = [];
  checks.forEach((check, k) => {
    for (const value of missing?.[k] ?? []) unknown.push({ argument: check.argument, kind: check.kind, value });
  });
  if (unknown.length) throw await unknownError(ctx, unknown);
}

export async function unknownError(ctx: Context, unknown: readonly { argument: string; kind: KnownKind; value: string }[]): Promise<GraphQLError> {
  const parts: string[] = [];
  const listed: { argument: string; value: string; suggestion: string | null }[] = [];
  // A list of many unknown ids is named in part: each suggestion is a query of its own.
  for (const u of unknown.slice(0, MAX_NAMED)) {
    const candidates = await ctx.read.named<Candidate & Record<string, unknown>>(`common/suggest/${u.kind}`, suggestParameters(u.value));
    const suggestion = closestId(u.value, candidates);
    listed.push({ argument: u.argument, value: echoed(u.value), suggestion });
    const hint = suggestion ? ` Did you mean "${suggestion}"?`
      : u.kind === 'currency' && candidates.length ? ` Fines are in ${candidates.map((c) => c.id).join(', ')}.` : '';
    parts.push(u.kind === 'currency'
      ? `${u.argument}: "${echoed(u.value)}" is not an ISO 4217 currency code.${hint}`
      : `${u.argument}: no ${NOUNS[u.kind]} has the id "${echoed(u.value)}".${hint}`);
  }
  if (unknown.length > MAX_NAMED) parts.push(`(${unknown.length - MAX_NAMED} more unknown.)`);
  return badInput(parts.join(' '), unknown[0]!.argument.split('.')[0]!, { unknown: listed });
}

type Resolver<T> = (parent: unknown, args: Record<string, any>, ctx: Context, info: GraphQLResolveInfo) => Promise<T>;

/**
 * root() (src/modules/fields.ts) for a root field whose arguments name things: the field and
 * its existence checks are one subquery of the request's query.
 */
export function checkedRoot<T>(params: (args: Record<string, any>) => Record<string, unknown>, opts: { search?: boolean } = {}): Resolver<T> & { meta: { params: typeof params; relation: true } } {
  const resolve: Resolver<T> = async (_parent, args, ctx, info) => {
    const p = params(args);
    const timeout = opts.search ? ctx.read.searchTimeoutMs : undefined;
    const checks = knownChecks(info, args);
    if (checks.length === 0) return ctx.read.root<T>(info, p, timeout);
    const req = requestOf(info);
    const v = await ctx.read.block<{ value: T; missing: string[][] } | null>(`${info.parentType.name}.${info.fieldName}`, req, (b) => {
      const r = ctx.read.compiler.root(b, info.parentType, info.fieldNodes, p, req);
      // The field's one row, then one row per check.
      return {
        parts: [r, ...knownParts(b, ctx.read.queries, checks)],
        assemble: ([value, ...missing]) => ({ value: decoded(r.decode, value?.[0]) as T, missing: missing.map((m) => (m[0] as string[] | undefined) ?? []) }),
      };
    }, { timeoutMs: timeout, memo: info.fieldNodes[0] });
    await throwIfUnknown(ctx, checks, v?.missing);
    return v!.value;
  };
  return Object.assign(resolve, { meta: { params, relation: true as const } });
}

/**
 * A nested list field (compiled into its root's query) whose argument names something: an empty
 * answer with that argument given is checked once, and is BAD_USER_INPUT when the id names
 * nothing. Only the empty answer pays for the check; the field's meta (its compiled definition) is kept.
 */
export function checkedWhenEmpty<F extends (parent: any, args: Record<string, any>, ctx: Context, info: GraphQLResolveInfo) => unknown>(resolver: F, argumentName: string, kind: KnownKind): F {
  const checked = async (parent: unknown, args: Record<string, any>, ctx: Context, info: GraphQLResolveInfo) => {
    const value = await resolver(parent, args, ctx, info);
    const id = args[argumentName];
    if (!Array.isArray(value) || value.length > 0 || typeof id !== 'string') return value;
    if (id.length > MAX_ID_LENGTH) throw badInput(`${argumentName}: "${echoed(id)}" is longer than any id (at most ${MAX_ID_LENGTH} characters).`, argumentName, { maxLength: MAX_ID_LENGTH });
    const [row] = await ctx.read.named<{ missing: string[] }>(`common/known/${kind}`, { ids: [id] });
    if (row?.missing.length) throw await unknownError(ctx, [{ argument: argumentName, kind, value: id }]);
    return value;
  };
  return Object.assign(checked, resolver) as unknown as F;
}
