import { randomBytes } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { AddEstimateInput, AddSourceInput, Resolvers, SourceRefInput, UpdateIncidentInput } from '../../generated/resolvers.js';
import { GraphQLError } from 'graphql';
import { ErrorCode, badInput } from '../../errors.js';
import { key } from '../../import/names.js';
import { slug, sourceId } from '../../import/ids.js';
import type { Context } from '../../read/context.js';
import { MAX_ID_LENGTH, echoed, unknownError, type KnownKind } from '../../read/knownIds.js';
import { reads } from '../fields.js';
import type { EstimateRecord, IncidentRecord } from '../incident/records.js';
import type { SourceRecord } from '../source/records.js';
import { curatorOf } from './actor.js';
import { newChange, type PropertyWrite } from './change.js';

/** The longest text a curator's field takes (a title, a note); an attribution or a unit less. */
const MAX_TEXT = 2000;
const MAX_SHORT = 300;
/** Sources one fact may cite at once. */
const MAX_SOURCES = 20;

/** Ids a mutation named that name nothing: found inside its transaction, reported after the rollback. */
class Unknown extends Error {
  constructor(readonly ids: { argument: string; kind: KnownKind; value: string }[]) { super('unknown ids'); }
}

/** A write based on a version that is no longer current: found under the lock, reported after the rollback. */
class Stale extends Error {
  constructor(readonly current: number) { super('stale version'); }
}

export const curationResolvers: Resolvers = {
  Mutation: {
    addSource: async (_p, { input }, ctx) => addSource(ctx, input),
    addEstimate: async (_p, { input }, ctx) => addEstimate(ctx, input),
    updateIncident: async (_p, { id, expectedVersion, input }, ctx) => updateIncident(ctx, id, expectedVersion, input),
  },
  Incident: {
    version: reads<IncidentRecord & { version?: number | null }, number>(['version'], (i) => i.version ?? 0),
  },
};

/** The sources a fact rests on, checked: at least one, each once. */
function sourceRefs(refs: readonly SourceRefInput[]) {
  if (refs.length === 0) throw badInput('input.sources: a change needs at least one source (addSource first, then pass its id).', 'input');
  if (refs.length > MAX_SOURCES) throw badInput(`input.sources: at most ${MAX_SOURCES} sources.`, 'input');
  const sources = refs.map((s) => ({
    id: id(s.id, 'input.sources.id'),
    attribution: text(s.attribution, 'input.sources.attribution', MAX_SHORT, false),
    about: s.about ? s.about.map((a) => text(a, 'input.sources.about', 100, true)!).slice(0, 20) : null,
  }));
  if (new Set(sources.map((s) => s.id)).size !== sources.length) throw badInput('input.sources: each source once.', 'input');
  return sources;
}

/** Which of the incidents and sources named name nothing, inside the transaction: Unknown when any. */
async function checkKnown(run: Run, incidents: string[], sources: string[], incidentArgument: string): Promise<void> {
  const [missing] = await run<{ incidents: string[]; sources: string[] }>('curation/missing', { incidents, sources });
  const unknown = [
    ...(missing?.incidents ?? []).map((value) => ({ argument: incidentArgument, kind: 'Incident' as const, value })),
    ...(missing?.sources ?? []).map((value) => ({ argument: 'input.sources.id', kind: 'Source' as const, value })),
  ];
  if (unknown.length) throw new Unknown(unknown);
}

type Run = Parameters<Parameters<Context['write']['transaction']>[1]>[0];

async function updateIncident(ctx: Context, incidentId: string, expectedVersion: number, input: UpdateIncidentInput) {
  const curator = curatorOf(ctx, 'Mutation.updateIncident');
  const incident = id(incidentId, 'id');
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0) throw badInput('expectedVersion must be an integer, 0 or more: the incident\'s version as last read.', 'expectedVersion');
  const set: Record<string, string> = {};
  if (input.title !== undefined && input.title !== null) set.title = text(input.title, 'input.title', MAX_TEXT, true)!;
  if (input.summary !== undefined && input.summary !== null) set.summary = text(input.summary, 'input.summary', MAX_TEXT * 5, true)!;
  if (Object.keys(set).length === 0) throw badInput('input: give at least one of title and summary.', 'input');
  const sources = sourceRefs(input.sources);
  try {
    return await ctx.write.transaction('mutation/updateIncident', async (run) => {
      await checkKnown(run, [incident], sources.map((s) => s.id), 'id');
      // Under the incident's write lock: no other update of it commits between this and the write.
      const [current] = await run<{ version: number; title: string | null; summary: string | null }>('curation/lockIncident', { id: incident });
      if (!current) throw new Unknown([{ argument: 'id', kind: 'Incident', value: incident }]);
      if (current.version !== expectedVersion) throw new Stale(current.version);
      const before = current as unknown as Record<string, unknown>;
      const properties: PropertyWrite[] = Object.entries(set).map(([property, after]): PropertyWrite => ({ entity: incident, property, before: before[property] ?? null, after }))
        .concat([{ entity: incident, property: 'version', before: current.version, after: current.version + 1 }]);
      const change = newChange(curator, 'UPDATE_INCIDENT', properties);
      const [row] = await run<{ incident: IncidentRecord; sources: SourceRecord[] }>('curation/updateIncident', { id: incident, set, sources, change });
      if (!row) throw new Error(`updateIncident wrote nothing (incident ${incident})`);
      return { incident: row.incident, change: { ...change, entities: [incident], sources: row.sources } };
    }, ctx.stats);
  } catch (e) {
    if (e instanceof Unknown) throw await unknownError(ctx, e.ids);
    if (e instanceof Stale) {
      throw new GraphQLError(`The incident "${echoed(incident)}" is at version ${e.current}, not ${expectedVersion}: another change was made since it was read. Read it again, then retry with expectedVersion: ${e.current}.`,
        { extensions: { code: ErrorCode.CONFLICT, currentVersion: e.current, expectedVersion } });
    }
    throw e;
  }
}

function text(value: string | null | undefined, argument: string, max: number, required: boolean): string | null {
  const t = value?.trim() ?? '';
  if (!t) {
    if (required) throw badInput(`${argument} must not be empty.`, 'input');
    return null;
  }
  if (t.length > max) throw badInput(`${argument} is too long: at most ${max} characters.`, 'input', { maxLength: max });
  return t;
}

function id(value: string, argument: string): string {
  if (value.length > MAX_ID_LENGTH) throw badInput(`${argument}: "${echoed(value)}" is longer than any id (at most ${MAX_ID_LENGTH} characters).`, 'input', { maxLength: MAX_ID_LENGTH });
  return value;
}

/** A publisher given by id, else by its name or an alias compared as the importer compares names. */
async function publisherOf(ctx: Context, given: string): Promise<string> {
  const rows = await ctx.read.named<{ id: string; names: string[] }>('curation/publishers', {});
  if (rows.some((r) => r.id === given)) return given;
  const wanted = key(given);
  const matches = wanted ? [...new Set(rows.filter((r) => r.names.some((n) => key(n) === wanted)).map((r) => r.id))] : [];
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw badInput(`input.publisher: "${echoed(given)}" names several publishers (${matches.slice(0, 5).join(', ')}): give one by its id.`, 'input', { candidates: matches.slice(0, 5) });
  }
  throw await unknownError(ctx, [{ argument: 'input.publisher', kind: 'Publisher', value: given }]);
}

async function addSource(ctx: Context, input: AddSourceInput) {
  const curator = curatorOf(ctx, 'Mutation.addSource');
  const title = text(input.title, 'input.title', MAX_TEXT, true)!;
  const language = text(input.language, 'input.language', 35, false) ?? 'en';
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language)) throw badInput(`input.language: "${echoed(language)}" is not a language code ("en", "ko", "pt-BR").`, 'input');
  const publisher = await publisherOf(ctx, text(input.publisher, 'input.publisher', MAX_ID_LENGTH, true)!);
  const url = input.url;
  // The importer's rule: the same URL always gets the same id, so the constraint on Source.id
  // also keeps two curators adding one URL at once from making two sources.
  const sourceIdOf = sourceId(url);
  const params = { id: sourceIdOf, url, title, publisher, kind: input.kind ?? 'NEWS_ARTICLE', publishedOn: input.publishedOn ?? null, language };
  const write = () => ctx.write.transaction('mutation/addSource', async (run) => {
    const [existing] = await run<{ source: SourceRecord }>('curation/sourceByUrl', { id: sourceIdOf, url });
    if (existing) return { source: existing.source, created: false, change: null };
    const properties: PropertyWrite[] = (['url', 'title', 'kind', 'publishedOn', 'language'] as const)
      .map((p): PropertyWrite => ({ entity: sourceIdOf, property: p, before: null, after: params[p] }))
      .concat([{ entity: sourceIdOf, property: 'publisher', before: null, after: publisher }]);
    const change = newChange(curator, 'ADD_SOURCE', properties);
    const [row] = await run<{ source: SourceRecord; change: string }>('curation/addSource', { ...params, change });
    if (!row) throw new Error(`addSource wrote nothing (publisher ${publisher})`);
    return { source: row.source, created: true, change: { ...change, entities: [sourceIdOf], sources: [row.source] } };
  }, ctx.stats);
  try {
    return await write();
  } catch (e) {
    // Another curator added the same URL meanwhile: theirs is the source.
    if (e instanceof neo4j.Neo4jError && e.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return write();
    throw e;
  }
}

async function addEstimate(ctx: Context, input: AddEstimateInput) {
  const curator = curatorOf(ctx, 'Mutation.addEstimate');
  const incident = id(input.incident, 'input.incident');
  if (!Number.isFinite(input.value) || input.value < 0) throw badInput('input.value must be a finite number, not negative.', 'input');
  if (Number.isInteger(input.value) && !Number.isSafeInteger(input.value)) throw badInput('input.value is too large to be exact: at most 2^53 - 1.', 'input');
  const unit = text(input.unit, 'input.unit', MAX_SHORT, true)!;
  const note = text(input.note, 'input.note', MAX_TEXT, false);
  const sources = sourceRefs(input.sources);
  // A readable id in the seeds' manner, unique by its random tail.
  const estimateId = `${incident.slice(0, 120)}-estimate-${slug(input.metric)}-${randomBytes(4).toString('hex')}`;
  const value = Number.isInteger(input.value) ? neo4j.int(input.value) : input.value;
  const fields = {
    metric: input.metric, value: input.value, qualifier: input.qualifier ?? 'UNQUALIFIED', unit,
    asOf: input.asOf ?? null, reportedOn: input.reportedOn ?? null, note,
  };
  try {
    return await ctx.write.transaction('mutation/addEstimate', async (run) => {
      await checkKnown(run, [incident], sources.map((s) => s.id), 'input.incident');
      // The incident's write lock first: concurrent estimates of one incident choose its best
      // values one after another, each seeing the others' estimates, so none is left out.
      await run('curation/lockIncident', { id: incident });
      const properties: PropertyWrite[] = Object.entries(fields).map(([property, after]) => ({ entity: estimateId, property, before: null, after }))
        .concat([{ entity: estimateId, property: 'incident', before: null, after: incident }]);
      const change = newChange(curator, 'ADD_ESTIMATE', properties);
      const [row] = await run<{ estimate: EstimateRecord; change: string; sources: SourceRecord[] }>('curation/addEstimate', {
        ...fields, value, incident, id: estimateId, sources, change,
      });
      if (!row) throw new Error(`addEstimate wrote nothing (incident ${incident})`);
      // The incident's best values chosen again, in this transaction: no read sees a stale one.
      const [best] = await run<{ accountsAffected: string | null; recordsExposed: string | null; peopleAffected: string | null }>('curation/bestValues', { incident });
      const chosen = Object.values(best ?? {});
      return {
        estimate: { ...row.estimate, isBest: chosen.includes(estimateId) },
        change: { ...change, entities: [estimateId, incident].sort(), sources: row.sources },
      };
    }, ctx.stats);
  } catch (e) {
    if (e instanceof Unknown) throw await unknownError(ctx, e.ids);
    throw e;
  }
}
