import { join } from 'node:path';
import { CsvFile, list, text } from './csvFile.js';
import { CATEGORIES, incidentRows, organizationRows, type SyntheticOptions } from './rows.js';

/**
 * The synthetic graph as CSV for `neo4j-admin database import full`: the same nodes, labels,
 * properties and relationships as cypher/synthetic/*.cypher create (test/synthetic/bulk.test.ts
 * compares the two), from the same rows (rows.ts). One group of files per node kind and per
 * relationship type: a header file, then data files written in parts (one per worker process).
 * Labels and types are given on the importer's command line, so rows hold only keys and values.
 * Ids are generated (syn-..., ISO country codes, category slugs) and never need quoting.
 *
 * The importer matches relationships to nodes by a key of its own, not stored (`:ID`): an integer
 * (`--id-type=integer`), which it maps several times faster than strings (1M incidents: 322 s to
 * import with the string ids, 129 s with integers, of which relationships 229 -> 43 s). Each node
 * row carries its key, then its id as a property; `keyOf` gives every kind a range of its own.
 */
export const NODES = {
  company: { labels: ['Company', 'Entity', 'Synthetic'], header: [':ID', 'id', 'name', 'aliases:string[]', 'sector'] },
  authority: { labels: ['Authority', 'Entity', 'Synthetic'], header: [':ID', 'id', 'name', 'kind'] },
  publisher: { labels: ['Publisher', 'Entity', 'Synthetic'], header: [':ID', 'id', 'name'] },
  incident: { labels: ['Incident', 'Entity', 'Synthetic'], header: [':ID', 'id', 'title', 'kind', 'summary', 'accessStart', 'disclosedOn', 'origin'] },
  source: { labels: ['Source', 'Entity', 'Synthetic'], header: [':ID', 'id', 'kind', 'title', 'publishedOn', 'language'] },
  estimate: { labels: ['Estimate', 'Entity', 'Synthetic'], header: [':ID', 'id', 'metric', 'value:double', 'qualifier', 'unit', 'asOf'] },
  exposure: { labels: ['DataExposure', 'Entity', 'Synthetic'], header: [':ID', 'id', 'exposed:boolean'] },
  investigation: { labels: ['Investigation', 'Entity', 'Synthetic'], header: [':ID', 'id', 'title', 'kind', 'status', 'openedOn', 'question'] },
  fine: { labels: ['Fine', 'Entity', 'Synthetic'], header: [':ID', 'id', 'kind', 'reason'] },
  fineReport: { labels: ['FineReport', 'Entity', 'Synthetic'], header: [':ID', 'id', 'amount', 'currency', 'date'] },
  person: { labels: ['Person', 'Entity', 'Synthetic'], header: [':ID', 'id', 'name', 'description'] },
  suspicion: { labels: ['Suspicion', 'Entity', 'Synthetic'], header: [':ID', 'id', 'status'] },
  statement: { labels: ['Statement', 'Entity', 'Synthetic'], header: [':ID', 'id', 'kind', 'quote', 'date'] },
  // Curated reference nodes the synthetic graph points at, as bare ids: the curated seeds, loaded
  // after the import, MERGE on these ids and give them everything else (bulk.ts checks they did).
  country: { labels: ['Country', 'Entity'], header: [':ID', 'id'] },
  dataCategory: { labels: ['DataCategory', 'Entity'], header: [':ID', 'id'] },
} as const;

export type NodeKind = keyof typeof NODES;

const INCIDENT_PREFIX = 'syn-incident-';
const RANGE = 1e12; // per kind; 100 children per incident leave room for 10^10 incidents
const KIND_NUMBER = Object.fromEntries(Object.keys(NODES).map((k, n) => [k, n + 1])) as Record<NodeKind, number>;
const CATEGORY_NUMBER = new Map(CATEGORIES.map((c, n) => [c, n]));
function categoryNumber(slug: string): number {
  const n = CATEGORY_NUMBER.get(slug);
  if (n === undefined) throw new Error(`no key for data category "${slug}"`);
  return n;
}

/** The importer's integer key of a node: its kind's range, then the number its id is made from. */
export const keyOf = {
  /** syn-company-0000042 and the like: the number at the end. */
  organization: (kind: 'company' | 'authority' | 'publisher', id: string) => KIND_NUMBER[kind] * RANGE + Number(id.slice(id.lastIndexOf('-') + 1)),
  /** Incident n, or its child `child` (an estimate, an investigation, a fine report, an exposure's category). */
  incident: (kind: NodeKind, n: number, child = 0) => KIND_NUMBER[kind] * RANGE + n * 100 + child,
  country: (code: string) => KIND_NUMBER.country * RANGE + code.charCodeAt(0) * 1000 + code.charCodeAt(1),
  category: (slug: string) => KIND_NUMBER.dataCategory * RANGE + categoryNumber(slug),
};

const REL = [':START_ID', ':END_ID'] as const;
export const RELATIONSHIPS = {
  IN_COUNTRY: REL, AFFECTED: REL, PUBLISHED_BY: REL, SOURCED_FROM: [...REL, 'claim'], HAS_ESTIMATE: REL, HAS_EXPOSURE: REL,
  OF_CATEGORY: REL, INTO: REL, CONDUCTS: REL, IMPOSED: REL, AGAINST: REL, FOR_INCIDENT: REL, RESULTED_IN: REL, REPORTED_AS: REL,
  SUBJECT_OF: REL, IN_INCIDENT: REL, NATIONAL_OF: REL, ABOUT: REL, ON_BEHALF_OF: REL,
} as const;

export type RelType = keyof typeof RELATIONSHIPS;
type Group = NodeKind | RelType;

/** What one part wrote: data rows per group, and the curated ids it pointed at. */
export interface PartResult {
  rows: Partial<Record<Group, number>>;
  countries: string[];
  dataCategories: string[];
}

const fileOf = (dir: string, group: Group, part: string) => join(dir, `${group in NODES ? 'nodes' : 'rel'}-${group}.${part}.csv`);
export const headerFile = (dir: string, group: Group) => join(dir, `${group in NODES ? 'nodes' : 'rel'}-${group}.header.csv`);
export const partFile = fileOf;

/** Files of one part, opened on first use; no header (each group has its own header file). */
class Part {
  private readonly files = new Map<Group, CsvFile>();
  readonly countries = new Set<string>();
  readonly dataCategories = new Set<string>();
  constructor(private readonly dir: string, private readonly name: string) {}

  to(group: Group): CsvFile {
    let f = this.files.get(group);
    if (!f) this.files.set(group, f = new CsvFile(fileOf(this.dir, group, this.name)));
    return f;
  }

  flush() { return Promise.all([...this.files.values()].map((f) => f.flush())); }

  async close(): Promise<PartResult> {
    await Promise.all([...this.files.values()].map((f) => f.close()));
    return {
      rows: Object.fromEntries([...this.files].map(([g, f]) => [g, f.rows])),
      countries: [...this.countries], dataCategories: [...this.dataCategories],
    };
  }
}

/** Companies, authorities and publishers with their countries, as part "org". */
export async function writeOrganizationPart(dir: string, o: SyntheticOptions): Promise<PartResult> {
  const p = new Part(dir, 'org');
  try {
    for (const r of organizationRows(o)) {
      const id = r.id as string;
      let key: number;
      if (r.label === 'Company') p.to('company').add(`${key = keyOf.organization('company', id)},${id},${text(r.name as string)},${list(r.aliases as string[])},${text(r.sector as string)}\n`);
      else if (r.label === 'Authority') p.to('authority').add(`${key = keyOf.organization('authority', id)},${id},${text(r.name as string)},${r.kind as string}\n`);
      else p.to('publisher').add(`${key = keyOf.organization('publisher', id)},${id},${text(r.name as string)}\n`);
      p.countries.add(r.country as string);
      p.to('IN_COUNTRY').add(`${key},${keyOf.country(r.country as string)}\n`);
    }
  } catch (e) {
    await p.close().catch(() => {});
    throw e;
  }
  return p.close();
}

/** Incidents [from, to) with their fan-out, as part `name`; onProgress gets incidents written so far. */
export async function writeIncidentPart(dir: string, name: string, o: SyntheticOptions, from: number, to: number,
  onProgress: (done: number) => void = () => {}): Promise<PartResult> {
  const p = new Part(dir, name);
  const f = (g: Group) => p.to(g);
  const [incident, source, estimate, exposure, investigation, fine, fineReport, person, suspicion, statement] =
    (['incident', 'source', 'estimate', 'exposure', 'investigation', 'fine', 'fineReport', 'person', 'suspicion', 'statement'] as const).map(f);
  const [inCountry, affected, publishedBy, sourcedFrom, hasEstimate, hasExposure, ofCategory, into, conducts, imposed, against,
    forIncident, resultedIn, reportedAs, subjectOf, inIncident, nationalOf, about, onBehalfOf] =
    (['IN_COUNTRY', 'AFFECTED', 'PUBLISHED_BY', 'SOURCED_FROM', 'HAS_ESTIMATE', 'HAS_EXPOSURE', 'OF_CATEGORY', 'INTO', 'CONDUCTS',
      'IMPOSED', 'AGAINST', 'FOR_INCIDENT', 'RESULTED_IN', 'REPORTED_AS', 'SUBJECT_OF', 'IN_INCIDENT', 'NATIONAL_OF', 'ABOUT',
      'ON_BEHALF_OF'] as const).map(f);
  const o_ = (v: string | null) => v ?? '';
  try {
    const CHUNK = 2000;
    for (let k = from; k < to; k += CHUNK) {
      for (const r of incidentRows(o, k, Math.min(to, k + CHUNK))) {
        const id = r.id;
        const n = Number(id.slice(INCIDENT_PREFIX.length));
        const key = keyOf.incident('incident', n);
        const company = keyOf.organization('company', r.company);
        const country = keyOf.country(r.country);
        const src = keyOf.incident('source', n);
        const sourced = `,${src},general\n`;
        incident!.add(`${key},${id},${text(r.title)},${r.kind},${text(r.summary)},${r.accessStart},${o_(r.disclosedOn)},${text(r.origin)}\n`);
        affected!.add(`${key},${company}\n`);
        p.countries.add(r.country);
        inCountry!.add(`${key},${country}\n`);
        source!.add(`${src},${id}-source,NEWS_ARTICLE,${text(r.sourceTitle)},${o_(r.disclosedOn)},en\n`);
        publishedBy!.add(`${src},${keyOf.organization('publisher', r.publisher)}\n`);
        sourcedFrom!.add(key + sourced);
        for (const [j, e] of r.estimates.entries()) {
          const x = keyOf.incident('estimate', n, j);
          estimate!.add(`${x},${e.id},AFFECTED,${e.value},${e.qualifier},accounts,${o_(e.asOf)}\n`);
          hasEstimate!.add(`${key},${x}\n`);
          sourcedFrom!.add(x + sourced);
        }
        for (const cat of r.categories) {
          const x = keyOf.incident('exposure', n, categoryNumber(cat));
          p.dataCategories.add(cat);
          exposure!.add(`${x},${id}--${cat},true\n`);
          hasExposure!.add(`${key},${x}\n`);
          ofCategory!.add(`${x},${keyOf.category(cat)}\n`);
          sourcedFrom!.add(x + sourced);
        }
        const investigationKeys = new Map<string, number>();
        for (const [j, v] of r.investigations.entries()) {
          const x = keyOf.incident('investigation', n, j);
          investigationKeys.set(v.id, x);
          investigation!.add(`${x},${v.id},${text(v.title)},${v.kind},${v.status},${o_(v.openedOn)},${text(v.question)}\n`);
          into!.add(`${x},${key}\n`);
          sourcedFrom!.add(x + sourced);
          for (const a of v.authorities) conducts!.add(`${keyOf.organization('authority', a)},${x}\n`);
        }
        for (const fn of r.fines) { // at most one per incident (its key is the incident's number)
          const x = keyOf.incident('fine', n);
          fine!.add(`${x},${fn.id},${fn.kind},${text(fn.reason)}\n`);
          imposed!.add(`${keyOf.organization('authority', fn.authority)},${x}\n`);
          against!.add(`${x},${company}\n`);
          forIncident!.add(`${x},${key}\n`);
          resultedIn!.add(`${investigationKeys.get(fn.investigation)},${x}\n`);
          sourcedFrom!.add(x + sourced);
          for (const [j, rp] of fn.reports.entries()) {
            const y = keyOf.incident('fineReport', n, j);
            fineReport!.add(`${y},${rp.id},${rp.amount},${fn.currency},${o_(rp.date)}\n`);
            reportedAs!.add(`${x},${y}\n`);
          }
        }
        for (const s of r.suspects) { // at most one per incident
          const x = keyOf.incident('person', n);
          const sus = keyOf.incident('suspicion', n);
          person!.add(`${x},${s.id},${text(s.name)},${text(s.description)}\n`);
          suspicion!.add(`${sus},${s.id}-suspicion,IDENTIFIED_AS_SUSPECT\n`);
          subjectOf!.add(`${x},${sus}\n`);
          inIncident!.add(`${sus},${key}\n`);
          p.countries.add(s.nationality);
          nationalOf!.add(`${x},${keyOf.country(s.nationality)}\n`);
          sourcedFrom!.add(x + sourced);
          sourcedFrom!.add(sus + sourced);
        }
        for (const st of r.statements) { // at most one per incident
          const x = keyOf.incident('statement', n);
          statement!.add(`${x},${st.id},${st.kind},${text(st.quote)},${o_(r.disclosedOn)}\n`);
          about!.add(`${x},${key}\n`);
          onBehalfOf!.add(`${x},${company}\n`);
          sourcedFrom!.add(x + sourced);
        }
      }
      await p.flush();
      onProgress(Math.min(to, k + CHUNK) - from);
    }
  } catch (e) {
    await p.close().catch(() => {});
    throw e;
  }
  return p.close();
}
