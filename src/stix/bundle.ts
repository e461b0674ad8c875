import { stixId, uuidv5 } from './ids.js';
import {
  DEFINED_AT, GRAPH_EXTENSION, GRAPH_IDENTITY, INDUSTRY_SECTORS, SPEC_VERSION, UNKNOWN_TIME, isDerived, snake,
} from './vocab.js';

/** A node of the incident's subgraph as cypher/stix/incident.cypher returns it. */
export interface GraphNode {
  id: string;
  labels: string[];
  props: Record<string, unknown>;
  /** When the recorded changes that wrote it happened (ISO 8601). */
  times: string[];
  sourced: { source: string; props: Record<string, unknown> }[];
}

export interface GraphLink { type: string; from: string; to: string; props: Record<string, unknown> }

export interface SourceRow {
  id: string;
  props: Record<string, unknown>;
  times: string[];
  publisher: { id: string; props: Record<string, unknown>; times: string[] } | null;
}

/** The one row of cypher/stix/incident.cypher. */
export interface IncidentRow {
  nodes: GraphNode[];
  links: GraphLink[];
  similar: (GraphLink & { other: { id: string; title: string } })[];
  countries: { node: string; country: string }[];
  categories: { node: string; category: string; name: string }[];
  sources: SourceRow[];
}

export type StixObject = Record<string, unknown> & { type: string; id: string };

export interface Bundle { type: 'bundle'; id: string; objects: StixObject[] }

/** The labels a node may have that say what it is, most specific first (Entity and Synthetic say nothing). */
const KINDS = ['Incident', 'Company', 'Authority', 'Publisher', 'Person', 'Source', 'DataExposure', 'Estimate',
  'Investigation', 'Fine', 'FineReport', 'Suspicion'];

export function labelOf(labels: readonly string[]): string {
  return KINDS.find((k) => labels.includes(k)) ?? labels.find((l) => l !== 'Entity' && l !== 'Synthetic') ?? 'Entity';
}

/** A timestamp in STIX's form: UTC, milliseconds, Z. */
function stamp(iso: string): string {
  return new Date(iso).toISOString();
}

/**
 * An object's created and modified: its node's first and last recorded change. An object in several
 * bundles (a company, a source) falls back to the unknown time, never to the incident's, so that it
 * is the same object in every bundle; a relationship may fall back to its incident's.
 */
function timesOf(times: readonly string[], fallback?: { created: string; modified: string }): { created: string; modified: string } {
  if (times.length === 0) return fallback ?? { created: UNKNOWN_TIME, modified: UNKNOWN_TIME };
  const sorted = times.map(stamp).sort();
  return { created: sorted[0]!, modified: sorted[sorted.length - 1]! };
}

/** Drops nulls, empty lists and empty maps, at every depth: STIX forbids empty lists, and absent says "not known" as null did. */
export function pruned<T>(value: T): T {
  if (Array.isArray(value)) return value.map(pruned).filter((v) => v !== undefined && v !== null) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = pruned(v);
      if (p === null || p === undefined) continue;
      if (Array.isArray(p) && p.length === 0) continue;
      if (typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0) continue;
      out[k] = p;
    }
    return out as T;
  }
  return value;
}

/** A node's stored facts under STIX names, without the derived values. */
function factsOf(label: string, props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(props).sort()) {
    if (key === 'id' || isDerived(label, key)) continue;
    out[snake(key)] = props[key];
  }
  return out;
}

const fullDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The STIX 2.1 bundle of an incident's subgraph (docs/stix.md): this graph's identity and its
 * extension's definition, the incident, an identity for each company, authority, publisher and
 * person, a report for each source, and the relationships (targets, investigates, attributed-to,
 * related-to). The same graph gives the same bundle, byte for byte: ids are UUIDv5 of graph ids,
 * times come from the recorded changes, and objects and lists are in a fixed order.
 */
export function buildBundle(incidentId: string, row: IncidentRow): Bundle {
  const nodes = new Map<string, GraphNode & { label: string }>();
  for (const n of row.nodes) if (!nodes.has(n.id)) nodes.set(n.id, { ...n, label: labelOf(n.labels) });
  const incident = nodes.get(incidentId)!;
  const incidentRef = stixId('incident', incidentId);
  const incidentTimes = timesOf(incident.times);
  const country = new Map(row.countries.map((c) => [c.node, c.country]));
  const category = new Map(row.categories.map((c) => [c.node, c]));
  const sourceRef = (id: string) => stixId('report', id);
  const out = (type: string) => row.links.filter((l) => l.type === type);

  // What each source supports, as STIX objects: facts without an object of their own are the incident's.
  const supports = new Map<string, Set<string>>();
  const cite = (node: GraphNode, ref: string) => {
    for (const s of node.sourced) {
      if (!supports.has(s.source)) supports.set(s.source, new Set());
      supports.get(s.source)!.add(ref);
    }
  };
  const sourcedFrom = (node: GraphNode) => node.sourced
    .map((s) => ({ source_ref: sourceRef(s.source), ...factsOf('SOURCED_FROM', s.props) }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const graphPart = (n: GraphNode & { label: string }) => ({
    graph_id: n.id, graph_label: n.label, properties: factsOf(n.label, n.props), country: country.get(n.id), sourced_from: sourcedFrom(n),
  });
  const ext = (facts: Record<string, unknown>) => ({ [GRAPH_EXTENSION]: { extension_type: 'property-extension', ...facts } });
  const common = (type: string, id: string, times: { created: string; modified: string }) => ({
    type, spec_version: SPEC_VERSION, id, created_by_ref: GRAPH_IDENTITY, ...times,
  });

  const identities: StixObject[] = [];
  const identityRef = (id: string) => stixId('identity', id);
  for (const n of [...nodes.values()].filter((x) => ['Company', 'Authority', 'Person'].includes(x.label))) {
    const sector = typeof n.props.sector === 'string' ? n.props.sector.toLowerCase().replace(/[^a-z0-9]+/g, '-') : undefined;
    identities.push({
      ...common('identity', identityRef(n.id), timesOf(n.times)),
      name: String(n.props.name ?? n.id),
      description: n.props.description,
      identity_class: n.label === 'Person' ? 'individual' : 'organization',
      sectors: sector && INDUSTRY_SECTORS.has(sector) ? [sector] : undefined,
      extensions: ext(graphPart(n)),
    });
    cite(n, identityRef(n.id));
  }
  for (const n of nodes.values()) if (!['Company', 'Authority', 'Person'].includes(n.label)) cite(n, incidentRef);

  // By graph id: the order Neo4j collects them in is its storage's, which differs from graph to graph.
  const facts = (label: string) => [...nodes.values()].filter((n) => n.label === label).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const linked = (type: string, from?: string, to?: string) => out(type).filter((l) => (from === undefined || l.from === from) && (to === undefined || l.to === to));
  const incidentObject: StixObject = {
    ...common('incident', incidentRef, incidentTimes),
    name: String(incident.props.title ?? incident.id),
    description: incident.props.summary,
    extensions: ext({
      ...graphPart(incident),
      exposures: facts('DataExposure').map((e) => ({ ...graphPart(e), category: category.get(e.id)?.category, category_name: category.get(e.id)?.name })),
      estimates: facts('Estimate').map(graphPart),
      investigations: facts('Investigation').map((v) => ({
        ...graphPart(v), authority_refs: linked('CONDUCTS', undefined, v.id).map((l) => identityRef(l.from)).sort(),
      })),
      fines: facts('Fine').map((f) => ({
        ...graphPart(f),
        authority_refs: linked('IMPOSED', undefined, f.id).map((l) => identityRef(l.from)).sort(),
        company_refs: linked('AGAINST', f.id).map((l) => identityRef(l.to)).sort(),
        investigation_ids: linked('RESULTED_IN', undefined, f.id).map((l) => l.from).sort(),
        reports: linked('REPORTED_AS', f.id).map((l) => nodes.get(l.to)!).sort((a, b) => a.id.localeCompare(b.id)).map(graphPart),
      })),
      suspicions: facts('Suspicion').map((s) => ({
        ...graphPart(s),
        person_refs: linked('SUBJECT_OF', undefined, s.id).map((l) => identityRef(l.from)).sort(),
        identified_by_refs: linked('IDENTIFIED', undefined, s.id).map((l) => identityRef(l.from)).sort(),
      })),
    }),
  };

  const relationships: StixObject[] = [];
  const relate = (kind: string, key: string, source: string, target: string, times: { created: string; modified: string }, more: Record<string, unknown>) => {
    relationships.push({
      ...common('relationship', stixId('relationship', key), times),
      relationship_type: kind, source_ref: source, target_ref: target, ...more,
    });
  };
  for (const l of linked('AFFECTED', incidentId)) {
    relate('targets', `AFFECTED|${l.from}|${l.to}`, incidentRef, identityRef(l.to), incidentTimes,
      { extensions: ext({ graph_type: l.type, graph_from: l.from, graph_to: l.to }) });
  }
  for (const v of facts('Investigation')) {
    for (const l of linked('CONDUCTS', undefined, v.id)) {
      relate('investigates', `CONDUCTS|${l.from}|${v.id}`, identityRef(l.from), incidentRef, timesOf(v.times, incidentTimes),
        { description: v.props.title, extensions: ext({ graph_type: l.type, graph_from: l.from, graph_to: v.id }) });
    }
  }
  for (const s of facts('Suspicion')) {
    for (const l of linked('SUBJECT_OF', undefined, s.id)) {
      relate('attributed-to', `SUBJECT_OF|${l.from}|${s.id}`, incidentRef, identityRef(l.from), timesOf(s.times, incidentTimes),
        { description: s.props.description, extensions: ext({ graph_type: l.type, graph_from: l.from, graph_to: s.id }) });
    }
  }
  // A link a source states to another incident: that incident is named by its STIX id; its own bundle holds it.
  for (const l of row.similar) {
    relate('related-to', `${l.type}|${l.from}|${l.to}`, stixId('incident', l.from), stixId('incident', l.to), incidentTimes, {
      description: l.props.quote,
      extensions: ext({ graph_type: l.type, graph_from: l.from, graph_to: l.to, properties: factsOf(l.type, l.props) }),
    });
    if (l.props.source !== undefined && l.props.source !== null) {
      const s = String(l.props.source);
      if (!supports.has(s)) supports.set(s, new Set());
      supports.get(s)!.add(stixId('relationship', `${l.type}|${l.from}|${l.to}`));
    }
  }

  const publishers = new Map<string, StixObject>();
  const reports: StixObject[] = [];
  for (const s of row.sources) {
    const times = timesOf(s.times);
    const p = s.publisher;
    if (p && !publishers.has(p.id)) {
      publishers.set(p.id, {
        ...common('identity', identityRef(p.id), timesOf(p.times)),
        name: String(p.props.name ?? p.id),
        identity_class: 'organization',
        extensions: ext({ graph_id: p.id, graph_label: 'Publisher', properties: factsOf('Publisher', p.props) }),
      });
    }
    const url = typeof s.props.url === 'string' ? s.props.url : undefined;
    const published = typeof s.props.publishedOn === 'string' && fullDay.test(s.props.publishedOn) ? `${s.props.publishedOn}T00:00:00.000Z` : times.created;
    reports.push({
      ...common('report', sourceRef(s.id), times),
      name: String(s.props.title ?? url ?? s.id),
      published,
      object_refs: [...(supports.get(s.id) ?? [incidentRef])].sort(),
      external_references: url ? [{ source_name: String(p?.props.name ?? 'source'), url }] : undefined,
      extensions: ext({ graph_id: s.id, graph_label: 'Source', properties: factsOf('Source', s.props), publisher_ref: p ? identityRef(p.id) : undefined }),
    });
  }

  const byId = (a: StixObject, b: StixObject) => a.id.localeCompare(b.id);
  const objects = [
    graphIdentity(), extensionDefinition(), incidentObject,
    ...[...identities, ...publishers.values()].sort(byId), ...reports.sort(byId), ...relationships.sort(byId),
  ];
  return { type: 'bundle', id: `bundle--${uuidv5(`bundle|incident|${incidentId}`)}`, objects: objects.map(pruned) };
}

export function graphIdentity(): StixObject {
  return {
    type: 'identity', spec_version: SPEC_VERSION, id: GRAPH_IDENTITY, created: DEFINED_AT, modified: DEFINED_AT,
    name: 'Incident knowledge graph', identity_class: 'system',
    description: 'The incident knowledge graph API that exported these objects: each comes from a node of its graph, cited to its sources.',
  };
}

export function extensionDefinition(): StixObject {
  return {
    type: 'extension-definition', spec_version: SPEC_VERSION, id: GRAPH_EXTENSION, created_by_ref: GRAPH_IDENTITY,
    created: DEFINED_AT, modified: DEFINED_AT, name: 'Incident knowledge graph facts', version: '1.0.0',
    description: 'The facts of the incident knowledge graph that STIX has no property for.',
    schema: 'docs/stix.md of the incident knowledge graph API, "The graph extension": graph_id, graph_label and properties (the node\'s stored facts, snake_case), country, sourced_from (report refs and what each source link says); on incidents also exposures, estimates, investigations, fines (with their reports) and suspicions; on relationships graph_type, graph_from, graph_to.',
    extension_types: ['property-extension'],
  };
}
