import type { Bundle, StixObject } from './bundle.js';
import { RELATIONSHIP_TYPES } from './parse.js';
import { GRAPH_EXTENSION, camel } from './vocab.js';

/** A node to MERGE by its label and id, with the facts to SET. */
export interface NodeWrite { label: string; id: string; props: Record<string, unknown> }
/** A relationship to MERGE between two nodes by id; SOURCED_FROM is keyed by its claim, as the seeds key it. */
export interface LinkWrite { type: string; from: string; to: string; props: Record<string, unknown> }
/** A node's country or data category: reference nodes, matched, never created. */
export interface ReferenceWrite { type: 'IN_COUNTRY' | 'OF_CATEGORY'; from: string; to: string }

export interface StixPlan { nodes: NodeWrite[]; links: LinkWrite[]; references: ReferenceWrite[]; sources: string[] }

type Facts = Record<string, unknown> & { graph_id: string; graph_label?: string; properties?: Record<string, unknown>;
  country?: string; sourced_from?: (Record<string, unknown> & { source_ref: string })[] };

function extOf(o: StixObject): Facts {
  return ((o.extensions as Record<string, Facts> | undefined)?.[GRAPH_EXTENSION]) ?? ({} as Facts);
}

function propsOf(f: Facts): Record<string, unknown> {
  return Object.fromEntries(Object.entries(f.properties ?? {}).map(([k, v]) => [camel(k), v]));
}

/**
 * The graph writes a checked bundle (src/stix/parse.ts) stands for: the nodes of this graph's
 * extension (each object's, and on the incident its exposures, estimates, investigations, fines
 * with their reports and suspicions), the relationships between them, and each node's sources.
 * STIX ids become graph ids through the objects' graph_id.
 */
export function planBundle(bundle: Bundle): StixPlan {
  const graphId = new Map<string, string>();
  for (const o of bundle.objects) {
    const f = extOf(o);
    if (f.graph_id) graphId.set(o.id, f.graph_id);
  }
  const g = (ref: string) => graphId.get(ref)!;
  const nodes: NodeWrite[] = [];
  const links: LinkWrite[] = [];
  const references: ReferenceWrite[] = [];
  const add = (label: string, f: Facts) => {
    nodes.push({ label, id: f.graph_id, props: propsOf(f) });
    if (f.country) references.push({ type: 'IN_COUNTRY', from: f.graph_id, to: f.country });
    for (const s of f.sourced_from ?? []) {
      const { source_ref: ref, ...rest } = s;
      const props = Object.fromEntries(Object.entries(rest).map(([k, v]) => [camel(k), v]));
      links.push({ type: 'SOURCED_FROM', from: f.graph_id, to: g(ref), props: { claim: 'general', about: [], ...props } });
    }
  };
  const list = (f: Facts, key: string) => (Array.isArray(f[key]) ? f[key] as Facts[] : []);
  const refs = (f: Facts, key: string) => (Array.isArray(f[key]) ? (f[key] as string[]).map(g) : []);
  const link = (type: string, from: string, to: string, props: Record<string, unknown> = {}) => links.push({ type, from, to, props });

  for (const o of bundle.objects) {
    const f = extOf(o);
    if (o.type === 'identity' && f.graph_id) add(String(f.graph_label), f);
    if (o.type === 'report') {
      add('Source', f);
      if (typeof f.publisher_ref === 'string') link('PUBLISHED_BY', f.graph_id, g(f.publisher_ref));
    }
    if (o.type === 'incident') {
      const incident = f.graph_id;
      add('Incident', f);
      for (const e of list(f, 'exposures')) {
        add('DataExposure', e);
        link('HAS_EXPOSURE', incident, e.graph_id);
        if (typeof e.category === 'string') references.push({ type: 'OF_CATEGORY', from: e.graph_id, to: e.category });
      }
      for (const e of list(f, 'estimates')) {
        add('Estimate', e);
        link('HAS_ESTIMATE', incident, e.graph_id);
      }
      for (const v of list(f, 'investigations')) {
        add('Investigation', v);
        link('INTO', v.graph_id, incident);
        for (const a of refs(v, 'authority_refs')) link('CONDUCTS', a, v.graph_id);
      }
      for (const fine of list(f, 'fines')) {
        add('Fine', fine);
        link('FOR_INCIDENT', fine.graph_id, incident);
        for (const a of refs(fine, 'authority_refs')) link('IMPOSED', a, fine.graph_id);
        for (const c of refs(fine, 'company_refs')) link('AGAINST', fine.graph_id, c);
        for (const v of (fine.investigation_ids as string[] | undefined) ?? []) link('RESULTED_IN', v, fine.graph_id);
        for (const r of list(fine, 'reports')) {
          add('FineReport', r);
          link('REPORTED_AS', fine.graph_id, r.graph_id);
        }
      }
      for (const s of list(f, 'suspicions')) {
        add('Suspicion', s);
        link('IN_INCIDENT', s.graph_id, incident);
        for (const p of refs(s, 'person_refs')) link('SUBJECT_OF', p, s.graph_id);
        for (const a of refs(s, 'identified_by_refs')) link('IDENTIFIED', a, s.graph_id);
      }
    }
  }
  // Relationships whose facts are not already the extension's (investigates and attributed-to are its investigations and suspicions).
  for (const o of bundle.objects) {
    if (o.type !== 'relationship') continue;
    const f = extOf(o);
    const type = RELATIONSHIP_TYPES[String(o.relationship_type)];
    if (type === 'AFFECTED' || type === 'FOLLOWS_SIMILAR') {
      link(type, f.graph_from as string ?? g(String(o.source_ref)), f.graph_to as string ?? g(String(o.target_ref)), propsOf(f));
    }
  }
  return { nodes, links, references, sources: nodes.filter((n) => n.label === 'Source').map((n) => n.id) };
}
