import { join } from 'node:path';
import { CsvFile, list, text } from './csv-file.js';
import { incidentRows, organizationRows, type SyntheticOptions } from './synthetic.js';

/**
 * The synthetic graph as CSV for `neo4j-admin database import full`: the same nodes, labels,
 * properties and relationships as cypher/generate/*.cypher create (test/generate/bulk.test.ts
 * compares the two), from the same rows (synthetic.ts). One group of files per node kind and per
 * relationship type: a header file, then data files written in parts (one per worker process).
 * Labels and types are given on the importer's command line, so rows hold only ids and values.
 * Ids are generated (syn-..., ISO country codes, category slugs) and never need quoting.
 */
export const NODES = {
  company: { labels: ['Company', 'Entity', 'Synthetic'], header: ['id:ID', 'name', 'aliases:string[]', 'sector'] },
  authority: { labels: ['Authority', 'Entity', 'Synthetic'], header: ['id:ID', 'name', 'kind'] },
  publisher: { labels: ['Publisher', 'Entity', 'Synthetic'], header: ['id:ID', 'name'] },
  incident: { labels: ['Incident', 'Entity', 'Synthetic'], header: ['id:ID', 'title', 'kind', 'summary', 'accessStart', 'disclosedOn', 'origin'] },
  source: { labels: ['Source', 'Entity', 'Synthetic'], header: ['id:ID', 'kind', 'title', 'publishedOn', 'language'] },
  estimate: { labels: ['Estimate', 'Entity', 'Synthetic'], header: ['id:ID', 'metric', 'value:double', 'qualifier', 'unit', 'asOf'] },
  exposure: { labels: ['DataExposure', 'Entity', 'Synthetic'], header: ['id:ID', 'exposed:boolean'] },
  investigation: { labels: ['Investigation', 'Entity', 'Synthetic'], header: ['id:ID', 'title', 'kind', 'status', 'openedOn', 'question'] },
  fine: { labels: ['Fine', 'Entity', 'Synthetic'], header: ['id:ID', 'kind', 'reason'] },
  fineReport: { labels: ['FineReport', 'Entity', 'Synthetic'], header: ['id:ID', 'amount', 'currency', 'date'] },
  person: { labels: ['Person', 'Entity', 'Synthetic'], header: ['id:ID', 'name', 'description'] },
  suspicion: { labels: ['Suspicion', 'Entity', 'Synthetic'], header: ['id:ID', 'status'] },
  statement: { labels: ['Statement', 'Entity', 'Synthetic'], header: ['id:ID', 'kind', 'quote', 'date'] },
  // Curated reference nodes the synthetic graph points at, as bare ids: the curated seeds, loaded
  // after the import, MERGE on these ids and give them everything else (bulk.ts checks they did).
  country: { labels: ['Country', 'Entity'], header: ['id:ID'] },
  dataCategory: { labels: ['DataCategory', 'Entity'], header: ['id:ID'] },
} as const;

const REL = [':START_ID', ':END_ID'] as const;
export const RELATIONSHIPS = {
  IN_COUNTRY: REL, AFFECTED: REL, PUBLISHED_BY: REL, SOURCED_FROM: [...REL, 'claim'], HAS_ESTIMATE: REL, HAS_EXPOSURE: REL,
  OF_CATEGORY: REL, INTO: REL, CONDUCTS: REL, IMPOSED: REL, AGAINST: REL, FOR_INCIDENT: REL, RESULTED_IN: REL, REPORTED_AS: REL,
  SUBJECT_OF: REL, IN_INCIDENT: REL, NATIONAL_OF: REL, ABOUT: REL, ON_BEHALF_OF: REL,
} as const;

export type NodeKind = keyof typeof NODES;
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
      if (r.label === 'Company') p.to('company').add(`${id},${text(r.name as string)},${list(r.aliases as string[])},${text(r.sector as string)}\n`);
      else if (r.label === 'Authority') p.to('authority').add(`${id},${text(r.name as string)},${r.kind as string}\n`);
      else p.to('publisher').add(`${id},${text(r.name as string)}\n`);
      p.countries.add(r.country as string);
      p.to('IN_COUNTRY').add(`${id},${r.country as string}\n`);
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
        const src = `${id}-source`;
        const sourced = `,${src},general\n`;
        incident!.add(`${id},${text(r.title)},${r.kind},${text(r.summary)},${r.accessStart},${o_(r.disclosedOn)},${text(r.origin)}\n`);
        affected!.add(`${id},${r.company}\n`);
        p.countries.add(r.country);
        inCountry!.add(`${id},${r.country}\n`);
        source!.add(`${src},NEWS_ARTICLE,${text(r.sourceTitle)},${o_(r.disclosedOn)},en\n`);
        publishedBy!.add(`${src},${r.publisher}\n`);
        sourcedFrom!.add(id + sourced);
        for (const e of r.estimates) {
          estimate!.add(`${e.id},AFFECTED,${e.value},${e.qualifier},accounts,${o_(e.asOf)}\n`);
          hasEstimate!.add(`${id},${e.id}\n`);
          sourcedFrom!.add(e.id + sourced);
        }
        for (const cat of r.categories) {
          const x = `${id}--${cat}`;
          p.dataCategories.add(cat);
          exposure!.add(`${x},true\n`);
          hasExposure!.add(`${id},${x}\n`);
          ofCategory!.add(`${x},${cat}\n`);
          sourcedFrom!.add(x + sourced);
        }
        for (const v of r.investigations) {
          investigation!.add(`${v.id},${text(v.title)},${v.kind},${v.status},${o_(v.openedOn)},${text(v.question)}\n`);
          into!.add(`${v.id},${id}\n`);
          sourcedFrom!.add(v.id + sourced);
          for (const a of v.authorities) conducts!.add(`${a},${v.id}\n`);
        }
        for (const fn of r.fines) {
          fine!.add(`${fn.id},${fn.kind},${text(fn.reason)}\n`);
          imposed!.add(`${fn.authority},${fn.id}\n`);
          against!.add(`${fn.id},${r.company}\n`);
          forIncident!.add(`${fn.id},${id}\n`);
          resultedIn!.add(`${fn.investigation},${fn.id}\n`);
          sourcedFrom!.add(fn.id + sourced);
          for (const rp of fn.reports) {
            fineReport!.add(`${rp.id},${rp.amount},${fn.currency},${o_(rp.date)}\n`);
            reportedAs!.add(`${fn.id},${rp.id}\n`);
          }
        }
        for (const s of r.suspects) {
          const sus = `${s.id}-suspicion`;
          person!.add(`${s.id},${text(s.name)},${text(s.description)}\n`);
          suspicion!.add(`${sus},IDENTIFIED_AS_SUSPECT\n`);
          subjectOf!.add(`${s.id},${sus}\n`);
          inIncident!.add(`${sus},${id}\n`);
          p.countries.add(s.nationality);
          nationalOf!.add(`${s.id},${s.nationality}\n`);
          sourcedFrom!.add(s.id + sourced);
          sourcedFrom!.add(sus + sourced);
        }
        for (const st of r.statements) {
          statement!.add(`${st.id},${st.kind},${text(st.quote)},${o_(r.disclosedOn)}\n`);
          about!.add(`${st.id},${id}\n`);
          onBehalfOf!.add(`${st.id},${r.company}\n`);
          sourcedFrom!.add(st.id + sourced);
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
