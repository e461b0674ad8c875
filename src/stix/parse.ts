import { readFileSync, statSync } from 'node:fs';
import { UnreadableFile } from '../import/read.js';
import type { Bundle, StixObject } from './bundle.js';
import { GRAPH_EXTENSION, GRAPH_IDENTITY, SPEC_VERSION } from './vocab.js';

/** The largest bundle `npm run import -- stix` reads: an incident's bundle is tens of kilobytes. */
export const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;

/** Object types an exported bundle holds, and the graph labels each may stand for. */
const LABELS: Record<string, readonly string[]> = {
  incident: ['Incident'],
  identity: ['Company', 'Authority', 'Publisher', 'Person'],
  report: ['Source'],
};
const OTHER_TYPES = new Set(['relationship', 'extension-definition']);
export const RELATIONSHIP_TYPES: Record<string, string> = {
  targets: 'AFFECTED', investigates: 'CONDUCTS', 'attributed-to': 'SUBJECT_OF', 'related-to': 'FOLLOWS_SIMILAR',
};

/** A problem of the bundle: the file, and where in it (the object's index and id) when it is an object's. */
export interface BundleProblem { index?: number; id?: string; message: string }

export function formatBundleProblem(file: string, p: BundleProblem): string {
  const where = p.index === undefined ? '' : ` object ${p.index}${p.id ? ` (${p.id})` : ''}:`;
  return `${file}:${where} ${p.message}`;
}

export interface ParsedBundle { bundle: Bundle | null; problems: BundleProblem[] }

const ID = /^([a-z0-9][a-z0-9-]*[a-z0-9])--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Reads and checks a STIX 2.1 bundle before anything is written: its size (at most
 * MAX_BUNDLE_BYTES, checked before it is read), JSON, the bundle's shape, and every object: a
 * type this graph imports, spec_version 2.1, a well-formed id of its type, this graph's extension
 * with a graph id and a label its type can stand for, and references that name objects of the
 * bundle (only a related-to relationship may name an incident outside it). Any problem keeps the
 * whole bundle out.
 */
export function readBundle(file: string): ParsedBundle {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new UnreadableFile(file, (e as NodeJS.ErrnoException).code, { cause: e });
  }
  if (size > MAX_BUNDLE_BYTES) {
    return { bundle: null, problems: [{ message: `${size} bytes: a bundle may have at most ${MAX_BUNDLE_BYTES} bytes (${MAX_BUNDLE_BYTES / 1024 / 1024} MiB); it was not read` }] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code) throw new UnreadableFile(file, (e as NodeJS.ErrnoException).code, { cause: e });
    return { bundle: null, problems: [{ message: 'not UTF-8 text' }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { bundle: null, problems: [{ message: `not JSON: ${(e as Error).message}` }] };
  }
  return checkBundle(json);
}

export function checkBundle(json: unknown): ParsedBundle {
  const problems: BundleProblem[] = [];
  const b = json as Partial<Bundle> | null;
  if (!b || typeof b !== 'object' || Array.isArray(b) || b.type !== 'bundle') return { bundle: null, problems: [{ message: 'not a STIX bundle (its type must be "bundle")' }] };
  if (typeof b.id !== 'string' || !ID.test(b.id) || !b.id.startsWith('bundle--')) problems.push({ message: `the bundle's id must be bundle--<UUID>, not ${JSON.stringify(b.id)?.slice(0, 80)}` });
  if (!Array.isArray(b.objects) || b.objects.length === 0) return { bundle: null, problems: [...problems, { message: 'the bundle has no objects' }] };
  const ids = new Set<string>();
  const incidents = new Set<string>();
  b.objects.forEach((o, index) => {
    const at = (message: string) => problems.push({ index, id: typeof o?.id === 'string' ? o.id.slice(0, 100) : undefined, message });
    if (!o || typeof o !== 'object' || Array.isArray(o)) return at('not an object');
    const type = String(o.type);
    if (!LABELS[type] && !OTHER_TYPES.has(type)) return at(`type ${JSON.stringify(o.type)?.slice(0, 60)} is not one this graph imports (${[...Object.keys(LABELS), ...OTHER_TYPES].join(', ')})`);
    if (o.spec_version !== SPEC_VERSION) at(`spec_version must be "${SPEC_VERSION}", not ${JSON.stringify(o.spec_version)?.slice(0, 40)}`);
    const m = typeof o.id === 'string' ? ID.exec(o.id) : null;
    if (!m || m[1] !== type) at(`the id must be ${type}--<UUID>`);
    else if (ids.has(o.id)) at('the id is another object\'s too');
    else ids.add(o.id);
    if (type === 'incident') incidents.add(o.id);
    // This graph's own identity (created_by_ref) stands for no node.
    if (LABELS[type] && o.id !== GRAPH_IDENTITY) {
      const ext = (o.extensions as Record<string, Record<string, unknown>> | undefined)?.[GRAPH_EXTENSION];
      if (!ext || typeof ext.graph_id !== 'string' || !ext.graph_id) at(`it has no graph_id in this graph's extension (${GRAPH_EXTENSION}): only bundles this API exported can be imported`);
      else if (!LABELS[type]!.includes(String(ext.graph_label))) at(`graph_label ${JSON.stringify(ext.graph_label)?.slice(0, 40)} is not one a ${type} stands for (${LABELS[type]!.join(', ')})`);
    }
    if (type === 'relationship' && !RELATIONSHIP_TYPES[String(o.relationship_type)]) {
      at(`relationship_type ${JSON.stringify(o.relationship_type)?.slice(0, 40)} is not one this graph imports (${Object.keys(RELATIONSHIP_TYPES).join(', ')})`);
    }
  });
  // References, once every id is known: each names an object of the bundle.
  b.objects.forEach((o, index) => {
    if (!o || typeof o !== 'object') return;
    const relatedTo = o.type === 'relationship' && o.relationship_type === 'related-to';
    for (const [key, ref] of refsOf(o)) {
      if (ids.has(ref)) continue;
      if (relatedTo && (key === 'source_ref' || key === 'target_ref') && ref.startsWith('incident--')) continue;
      problems.push({ index, id: String(o.id).slice(0, 100), message: `${key} names ${ref.slice(0, 100)}, which is not in the bundle` });
    }
  });
  return { bundle: problems.length ? null : b as Bundle, problems };
}

/** Every (property, reference) of an object, at any depth: properties named *_ref or *_refs. */
function refsOf(o: StixObject): [string, string][] {
  const out: [string, string][] = [];
  const walk = (v: unknown, key: string) => {
    if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    else if (/_refs?$/.test(key)) out.push([key, String(v)]);
  };
  walk(o, '');
  return out;
}
