import type { Catalogue, DecisionRecord } from './catalogue.js';
import { IdAllocator, nameSlug, slug, sourceId } from './ids.js';
import { isGeneric, parseName } from './names.js';
import { mentionKey, resolveEntities, type KnownEntity, type Mention, type Resolution } from './resolve.js';

/** What the graph already holds that the plan depends on, read in the import's transaction. */
export interface GraphState {
  entities: KnownEntity[];
  /**
   * Rows an earlier run imported: the report or decision node, and the report's fine; or the
   * event of another source the row was attached to (attached).
   */
  imported: Map<string, { id: string; kind: 'report' | 'decision' | 'attached'; fine: string | null }>;
  /** Existing Sources by URL. */
  sourcesByUrl: Map<string, string>;
  countries: Set<string>;
}

export interface Plan {
  resolution: Resolution;
  countries: { code: string; name: string }[];
  organizations: { id: string; label: string; name: string; aliases: string[]; kind: string | null; country: string | null; about: string[]; generic: boolean }[];
  links: { id: string; url: string }[];
  fines: FineRow[];
  decisions: DecisionRow[];
  /** Rows that repeat an event of another source: they become one more source of it. */
  attachments: AttachmentRow[];
  /** Spellings of matched entities that the entities did not have: each a sourced alias. */
  aliases: AliasRow[];
  counts: Counts;
}

export interface FineRow {
  id: string; row: string; fine: string; authority: string; company: string; link: string;
  amount: string; currency: string; date: string | null; dateAsReported: string | null;
  articles: string[]; violationType: string | null; kind: string; reason: string | null;
}

export interface DecisionRow {
  id: string; row: string; authority: string; company: string; link: string; kind: DecisionRecord['stage'];
  title: string; description: string | null;
  date: string | null; dateAsReported: string | null; articles: string[]; violationType: string | null;
}

export interface AttachmentRow {
  row: string; event: string; authority: string; company: string; link: string;
  /** Attached by this run (false: found attached by an earlier one). */
  first: boolean;
}

export interface AliasRow { entity: string; alias: string; row: string; attribution: string }

/** Two partial dates agree at the precision both give: "2019-07" and "2019-07-08" do. */
export const datesAgree = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a);

export interface Counts {
  authorities: Tally; companies: Tally; countries: Tally; sources: Tally;
  fines: Tally & { reportsAdded: number }; reports: Tally;
  /** attached: rows that became one more source of another source's event (among matched). */
  decisions: Tally & { attached: number };
  /** created: spellings added as aliases of matched entities; matched: spellings they had. */
  aliases: Tally;
}
/** created: new nodes; matched: nodes already in the graph that rows resolved to. */
export interface Tally { created: number; matched: number }
const tally = (): Tally => ({ created: 0, matched: 0 });

/**
 * Turns valid rows into the writes of one run, given the graph's state: entity resolution, ids
 * for what is new (readable, stable: an earlier run's nodes are found again by their row, so a
 * second run plans no creation), and, per row, a report of a fine or a decision without amount.
 * `taken(ids)` tells which ids (and their "-N" variants) are in use; it is asked twice, for new
 * entities and then for new fines and decisions whose ids are built from the entities'.
 */
export async function planImport(catalogue: Catalogue, records: DecisionRecord[], state: GraphState,
  taken: (wanted: string[]) => Promise<Set<string>>,
  candidateFines: (pairs: { authority: string; company: string }[]) => Promise<Map<string, { fine: string; kind: string | null; dates: string[] }[]>>,
  candidateEvents: (pairs: { authority: string; company: string }[]) => Promise<Map<string, { event: string; kind: string; date: string | null }[]>>): Promise<Plan> {
  const src = catalogue.source.id;
  const counts: Counts = {
    authorities: tally(), companies: tally(), countries: tally(), sources: tally(),
    fines: { ...tally(), reportsAdded: 0 }, reports: tally(), decisions: { ...tally(), attached: 0 }, aliases: tally(),
  };

  // Entities: resolve every party the rows name.
  const mentions: Mention[] = records.flatMap((r) => [
    { label: 'Authority' as const, name: r.authority.name, country: r.authority.country.code, row: r.row },
    { label: 'Company' as const, name: r.company.name, country: r.authority.country.code, row: r.row },
  ]);
  const resolution = resolveEntities(mentions, state.entities);
  const knownIds = new Set(state.entities.map((e) => e.id));
  // Generic parties get an id of their row: a later run finds the same node by it.
  const wantedOf = (e: Resolution['created'][number]) => e.generic
    ? `${nameSlug(e.name)}-${src}-row-${e.firstRow}`
    : e.label === 'Authority' && e.abbreviation ? slug(e.abbreviation) : nameSlug(e.name);
  const clashKey = (e: Resolution['created'][number]) => `${e.label}|${wantedOf(e)}`;
  const clash = new Map<string, number>();
  for (const e of resolution.created) if (!e.generic) clash.set(clashKey(e), (clash.get(clashKey(e)) ?? 0) + 1);
  const organizations: Plan['organizations'] = [];
  {
    const wanted = resolution.created.map((e) => {
      const w = wantedOf(e);
      // The same name or abbreviation in two countries ("Datatilsynet", "UniCredit Bank"): two
      // parties, each with its country in the id.
      return !e.generic && (clash.get(clashKey(e)) ?? 0) > 1 && e.country ? `${w}-${e.country.toLowerCase()}` : w;
    });
    const inUse = await taken(wanted);
    const ids = new IdAllocator((id) => inUse.has(id));
    resolution.created.forEach((e, k) => {
      const w = wanted[k]!;
      if (e.generic && knownIds.has(w)) {
        // Created by an earlier run of this catalogue: the same party, found by its id.
        for (const mk of e.mentionKeys) resolution.idOf.set(mk, w);
        counts.companies.matched++;
        return;
      }
      e.id = e.generic && !inUse.has(w) ? w : ids.allocate(w);
      for (const mk of e.mentionKeys) resolution.idOf.set(mk, e.id);
      organizations.push({
        id: e.id, label: e.label, name: e.name, aliases: e.aliases, kind: e.label === 'Authority' ? 'REGULATOR' : null,
        country: e.label === 'Authority' ? e.country : null, generic: e.generic,
        about: e.label === 'Authority' ? ['name', 'aliases', 'kind', 'country'] : ['name', 'aliases'],
      });
      (e.label === 'Authority' ? counts.authorities : counts.companies).created++;
    });
  }
  for (const m of resolution.matched) (m.label === 'Authority' ? counts.authorities : counts.companies).matched++;

  // A matched entity keeps every spelling of the catalogue that it lacks, as an alias sourced to
  // the catalogue's row (aliases.cypher).
  const aliases: AliasRow[] = [];
  const knownById = new Map(state.entities.map((e) => [e.id, e]));
  for (const m of resolution.matched) {
    const e = knownById.get(m.id)!;
    for (const t of m.texts) {
      if (t.text === e.name || e.aliases.includes(t.text)) { counts.aliases.matched++; continue; }
      aliases.push({ entity: e.id, alias: t.text, row: t.row, attribution: `row ${t.row}: "${t.text}"` });
      counts.aliases.created++;
    }
  }
  const idOf = (m: Mention) => resolution.idOf.get(mentionKey(m, m.label === 'Company' && isGeneric(parseName(m.name))))!;

  // Countries and the Sources behind the rows' links.
  const countries = new Map<string, string>();
  for (const r of records) countries.set(r.authority.country.code, r.authority.country.name);
  const newCountries = [...countries].filter(([code]) => !state.countries.has(code)).map(([code, name]) => ({ code, name }));
  counts.countries = { created: newCountries.length, matched: countries.size - newCountries.length };
  const linkOf = new Map<string, string>();
  const links: Plan['links'] = [];
  for (const r of records) {
    if (linkOf.has(r.url)) continue;
    const existing = state.sourcesByUrl.get(r.url);
    if (existing) { linkOf.set(r.url, existing); counts.sources.matched++; continue; }
    const id = sourceId(r.url);
    linkOf.set(r.url, id);
    links.push({ id, url: r.url });
    counts.sources.created++;
  }

  // Per row: the party ids, then a report of a fine or a decision.
  const rows = records.map((r) => ({
    r,
    authority: idOf({ label: 'Authority', name: r.authority.name, country: r.authority.country.code, row: r.row }),
    company: idOf({ label: 'Company', name: r.company.name, country: r.authority.country.code, row: r.row }),
  }));
  const pairs = [...new Map(rows.filter((x) => x.r.amount && !state.imported.has(x.r.row))
    .map((x) => [`${x.authority}|${x.company}`, { authority: x.authority, company: x.company }])).values()];
  const candidates = await candidateFines(pairs);
  const eventPairs = [...new Map(rows.filter((x) => !x.r.amount && !state.imported.has(x.r.row))
    .map((x) => [`${x.authority}|${x.company}`, { authority: x.authority, company: x.company }])).values()];
  const eventCandidates = await candidateEvents(eventPairs);
  // A fine's or decision's id names its company by the company's id, or for a generic party
  // (whose id is its row's) by the name: "hdpa-fine-telecommunication-service-provider-2019-10-07".
  const genericIds = new Set([...organizations.filter((o) => o.generic).map((o) => o.id),
    ...rows.filter((x) => isGeneric(parseName(x.r.company.name))).map((x) => x.company)]);
  const slugOfCompany = (id: string, name: string) => (genericIds.has(id) ? nameSlug(parseName(name).base) : id);
  const wantedIds = rows.filter((x) => !state.imported.has(x.r.row)).map((x) =>
    `${x.authority}-${x.r.amount ? 'fine' : 'decision'}-${slugOfCompany(x.company, x.r.company.name)}-${x.r.date?.iso ?? 'undated'}`);
  const inUse = await taken([...new Set(wantedIds)]);
  const ids = new IdAllocator((id) => inUse.has(id));
  const fines: FineRow[] = [];
  const decisions: DecisionRow[] = [];
  const attachments: AttachmentRow[] = [];
  const authorityName = new Map([...state.entities.map((e) => [e.id, e.name] as const), ...organizations.map((o) => [o.id, o.name] as const)]);
  const reason = (r: DecisionRecord) => [r.violationType, r.articles.length ? `(${r.articles.join(', ')})` : null].filter(Boolean).join(' ') || null;
  for (const { r, authority, company } of rows) {
    const before = state.imported.get(r.row);
    const base = { row: r.row, authority, company, link: linkOf.get(r.url)!, date: r.date?.iso ?? null,
      dateAsReported: r.date?.asReported ?? null, articles: r.articles, violationType: r.violationType };
    if (r.amount) {
      let fine = before?.fine ?? null;
      if (before) { counts.reports.matched++; counts.fines.matched++; }
      else {
        counts.reports.created++;
        // Another source's report of the same decision: same authority and company, dates that agree;
        // of two such fines (a penalty and a fine of one decision), the one of the row's kind.
        let fits = (candidates.get(`${authority}|${company}`) ?? []).filter((c) => r.date && c.dates.some((d) => datesAgree(d, r.date!.iso)));
        if (fits.length > 1) fits = fits.filter((c) => c.kind === r.fineKind);
        if (fits.length === 1) { fine = fits[0]!.fine; counts.fines.matched++; counts.fines.reportsAdded++; }
        else { fine = ids.allocate(`${authority}-fine-${slugOfCompany(company, r.company.name)}-${r.date?.iso ?? 'undated'}`); counts.fines.created++; }
      }
      fines.push({ ...base, id: before?.id ?? `${src}-row-${r.row}`, fine: fine!, amount: r.amount.amount, currency: r.amount.currency,
        kind: r.fineKind, reason: reason(r) });
    } else {
      const attach = (event: string) => attachments.push({ row: r.row, event, authority, company, link: base.link, first: !before });
      if (before?.kind === 'attached') { counts.decisions.matched++; attach(before.id); continue; }
      if (!before) {
        // Another source's event of the same decision: same authority, company and stage, dates
        // that agree (the seeds' "2019-07" notice of intent and the catalogue's 2019-07-08).
        const fits = (eventCandidates.get(`${authority}|${company}`) ?? [])
          .filter((c) => c.kind === r.stage && r.date && c.date && datesAgree(c.date, r.date.iso));
        if (fits.length === 1) { counts.decisions.matched++; counts.decisions.attached++; attach(fits[0]!.event); continue; }
      }
      if (before) counts.decisions.matched++;
      else counts.decisions.created++;
      const id = before?.id ?? ids.allocate(`${authority}-decision-${slugOfCompany(company, r.company.name)}-${r.date?.iso ?? 'undated'}`);
      const by = authorityName.get(authority) ?? r.authority.name;
      decisions.push({ ...base, id, kind: r.stage,
        title: r.stage === 'NOTICE_OF_INTENT'
          ? `Notice of intent of ${by} to fine ${r.company.name}, reported without an amount`
          : `Decision of ${by} against ${r.company.name}, reported without an amount`,
        description: reason(r) });
    }
  }
  return { resolution, countries: newCountries, organizations, links, fines, decisions, attachments, aliases, counts };
}
