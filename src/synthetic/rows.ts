/**
 * Rows for a synthetic but realistic graph: deterministic for a seed, ids prefixed "syn-" (no
 * curated id starts so), every fan-out drawn around figures that resemble the curated cases.
 * Pure: the Cypher in cypher/synthetic/ writes what these functions return.
 */
export interface SyntheticOptions {
  incidents: number;
  seed: number;
}

const COUNTRIES = ['KR', 'GB', 'US', 'CN'];
const SECTORS = ['E-commerce', 'Telecommunications', 'Airline', 'Hospitality', 'Finance', 'Healthcare', 'Retail', 'Gaming'];
const AUTHORITY_KINDS = ['REGULATOR', 'REGULATOR', 'LAW_ENFORCEMENT', 'MINISTRY', 'GOVERNMENT', 'PUBLIC_AGENCY'];
export const CATEGORIES = ['name', 'email-address', 'phone-number', 'physical-address', 'date-of-birth', 'order-history', 'user-id',
  'payment-details', 'payment-card-number', 'login-credentials', 'imsi', 'usim-number', 'social-security-number', 'drivers-licence-number'];
const CURRENCIES: Record<string, string> = { KR: 'KRW', GB: 'GBP', US: 'USD', CN: 'CNY' };
const WORDS = ['Apex', 'Blue', 'Cedar', 'Delta', 'Ember', 'Falcon', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kite', 'Lumen',
  'Maple', 'Nova', 'Orbit', 'Pine', 'Quartz', 'River', 'Summit', 'Tide', 'Umber', 'Vale', 'Willow', 'Zenith'];
const VECTORS = ['a flaw in the authentication process', 'an unpatched server', 'stolen credentials', 'a misconfigured storage bucket', 'phishing'];
const INVESTIGATION_KINDS = ['REGULATORY', 'CRIMINAL', 'GOVERNMENTAL', 'JOINT_PUBLIC_PRIVATE'];
const INCIDENT_WORDS = ['data breach', 'ransomware attack', 'credential leak', 'data exposure'];
const OTHER_KINDS = ['RANSOMWARE', 'OTHER'];
const STATEMENT_KINDS = ['APOLOGY', 'PROMISE', 'ASSESSMENT'];

/** mulberry32: a small, fast, seedable PRNG. */
export class Mulberry32 {
  private a: number;
  constructor(seed: number) { this.a = seed >>> 0; }
  reset(seed: number): void { this.a = seed >>> 0; }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.next() * xs.length)]!; }
}

export function rng(seed: number): () => number {
  const g = new Mulberry32(seed);
  return () => g.next();
}

export function sizes(incidents: number) {
  return {
    companies: Math.max(10, Math.ceil(incidents / 4)),
    authorities: Math.max(8, Math.min(2000, Math.ceil(incidents / 50))),
    publishers: Math.max(5, Math.min(500, Math.ceil(incidents / 200))),
  };
}

const pad = (n: number, w = 7) => String(n).padStart(w, '0');
const day = (r: Mulberry32, fromYear: number, toYear: number) => {
  const y = fromYear + Math.floor(r.next() * (toYear - fromYear + 1));
  return `${y}-${pad(1 + Math.floor(r.next() * 12), 2)}-${pad(1 + Math.floor(r.next() * 28), 2)}`;
};

/**
 * Companies, authorities and publishers. Empty lists are left out (authorities and publishers have
 * no aliases): Neo4j's importer cannot store an empty array, and readers take a missing list as
 * empty, so both load paths write the same graph.
 */
export function organizationRows(o: SyntheticOptions) {
  const r = rng(o.seed);
  const s = sizes(o.incidents);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const name = (k: number) => `${WORDS[k % WORDS.length]} ${WORDS[Math.floor(k / WORDS.length) % WORDS.length]} ${k}`;
  const rows: Record<string, unknown>[] = [];
  for (let k = 0; k < s.companies; k++) {
    rows.push({ label: 'Company', id: `syn-company-${pad(k)}`, name: `${name(k)} Corp`, aliases: [`${name(k)}`], country: pick(COUNTRIES), sector: pick(SECTORS) });
  }
  for (let k = 0; k < s.authorities; k++) {
    rows.push({ label: 'Authority', id: `syn-authority-${pad(k)}`, name: `${name(k)} Authority`, country: pick(COUNTRIES), kind: pick(AUTHORITY_KINDS) });
  }
  for (let k = 0; k < s.publishers; k++) {
    rows.push({ label: 'Publisher', id: `syn-publisher-${pad(k)}`, name: `${name(k)} News`, country: pick(COUNTRIES) });
  }
  return rows;
}

export interface IncidentRow {
  id: string; title: string; kind: string; summary: string; origin: string | null; accessStart: string; disclosedOn: string | null;
  company: string; country: string; publisher: string; sourceTitle: string;
  estimates: { id: string; value: number; qualifier: string; asOf: string | null }[];
  categories: string[];
  investigations: { id: string; title: string; kind: string; status: string; openedOn: string | null; question: string | null; authorities: string[] }[];
  fines: { id: string; kind: string; reason: string; authority: string; investigation: string; currency: string;
    reports: { id: string; amount: string; date: string | null }[] }[];
  suspects: { id: string; name: string | null; description: string; nationality: string }[];
  statements: { id: string; kind: string; quote: string }[];
}

/** The incidents [from, to) with their fan-out. Same seed and index: same row. */
export function incidentRows(o: SyntheticOptions, from: number, to: number): IncidentRow[] {
  const s = sizes(o.incidents);
  const rows: IncidentRow[] = [];
  // Plain loops and one generator object per incident rather than closures: the bulk path makes
  // millions of these rows, and the draws must stay in this exact order (same seed: same graph).
  const r = new Mulberry32(0);
  for (let n = from; n < to; n++) {
    r.reset(o.seed * 1_000_003 + n);
    const id = `syn-incident-${pad(n)}`;
    const company = Math.floor(r.next() * s.companies);
    const country = r.pick(COUNTRIES);
    const accessStart = day(r, 2014, 2025);
    const disclosedOn = r.next() < 0.8 ? day(r, Number(accessStart.slice(0, 4)), 2026) : null;
    const first = Math.round(10 ** (2 + r.next() * 4));
    const revised = Math.round(first * (1 + r.next() * 500));
    const investigations: IncidentRow['investigations'] = [];
    for (let k = 0, count = 1 + Math.floor(r.next() * 2); k < count; k++) {
      const kind = r.pick(INVESTIGATION_KINDS);
      const status = r.next() < 0.5 ? 'OPEN' : 'CONCLUDED';
      const question = r.next() < 0.5 ? `Whether the company protected ${r.pick(CATEGORIES)} data adequately` : null;
      const authorities: string[] = [];
      for (let a = 0, m = 1 + Math.floor(r.next() * 2); a < m; a++) {
        const aid = `syn-authority-${pad(Math.floor(r.next() * s.authorities))}`;
        if (!authorities.includes(aid)) authorities.push(aid);
      }
      investigations.push({ id: `${id}-investigation-${k}`, title: `Investigation ${k + 1} into synthetic incident ${n}`, kind, status,
        openedOn: disclosedOn, question, authorities });
    }
    const fined = r.next() < 0.4;
    const amount = String(Math.round(10 ** (5 + r.next() * 6)) * 1000);
    const title = `${WORDS[company % WORDS.length]} ${r.pick(INCIDENT_WORDS)} ${n}`;
    const kind = r.next() < 0.85 ? 'DATA_BREACH' : r.pick(OTHER_KINDS);
    const summary = `Synthetic incident ${n}: access through ${r.pick(VECTORS)}.`;
    const origin = r.next() < 0.5 ? 'servers outside the country' : null;
    const publisher = `syn-publisher-${pad(Math.floor(r.next() * s.publishers))}`;
    const revisedAsOf = disclosedOn ? day(r, Number(disclosedOn.slice(0, 4)), 2026) : null;
    const categories: string[] = [];
    for (let c = 0, m = 2 + Math.floor(r.next() * 4); c < m; c++) {
      const cat = r.pick(CATEGORIES);
      if (!categories.includes(cat)) categories.push(cat);
    }
    const fines: IncidentRow['fines'] = [];
    if (fined) {
      const reports = [{ id: `${id}-fine-report-0`, amount, date: disclosedOn ? disclosedOn.slice(0, 7) : null }];
      if (r.next() < 0.5) reports.push({ id: `${id}-fine-report-1`, amount: String(Number(amount) + Math.floor(r.next() * 1000)), date: disclosedOn });
      fines.push({ id: `${id}-fine`, kind: 'ADMINISTRATIVE_PENALTY', reason: 'Failing to protect personal data',
        authority: investigations[0]!.authorities[0]!, investigation: investigations[0]!.id, currency: CURRENCIES[country]!, reports });
    }
    const suspects = r.next() < 0.1 ? [{ id: `${id}-suspect`, name: null, description: 'Unnamed synthetic suspect', nationality: r.pick(COUNTRIES) }] : [];
    const statements = r.next() < 0.6 ? [{ id: `${id}-statement`, kind: r.pick(STATEMENT_KINDS), quote: `We take incident ${n} seriously.` }] : [];
    rows.push({
      id, title, kind, summary, origin, accessStart, disclosedOn,
      company: `syn-company-${pad(company)}`, country, publisher,
      sourceTitle: `Report on synthetic incident ${n}`,
      estimates: [
        { id: `${id}-estimate-0`, value: first, qualifier: 'EXACT', asOf: disclosedOn ?? accessStart },
        { id: `${id}-estimate-1`, value: revised, qualifier: 'ABOUT', asOf: revisedAsOf },
      ],
      categories, investigations, fines, suspects, statements,
    });
  }
  return rows;
}
