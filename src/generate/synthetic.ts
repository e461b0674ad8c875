/**
 * Rows for a synthetic but realistic graph: deterministic for a seed, ids prefixed "syn-" (no
 * curated id starts so), every fan-out drawn around figures that resemble the curated cases.
 * Pure: the Cypher in cypher/generate/ writes what these functions return.
 */
export interface SyntheticOptions {
  incidents: number;
  seed: number;
}

const COUNTRIES = ['KR', 'GB', 'US', 'CN'];
const SECTORS = ['E-commerce', 'Telecommunications', 'Airline', 'Hospitality', 'Finance', 'Healthcare', 'Retail', 'Gaming'];
const AUTHORITY_KINDS = ['REGULATOR', 'REGULATOR', 'LAW_ENFORCEMENT', 'MINISTRY', 'GOVERNMENT', 'PUBLIC_AGENCY'];
const CATEGORIES = ['name', 'email-address', 'phone-number', 'physical-address', 'date-of-birth', 'order-history', 'user-id',
  'payment-details', 'payment-card-number', 'login-credentials', 'imsi', 'usim-number', 'social-security-number', 'drivers-licence-number'];
const CURRENCIES: Record<string, string> = { KR: 'KRW', GB: 'GBP', US: 'USD', CN: 'CNY' };
const WORDS = ['Apex', 'Blue', 'Cedar', 'Delta', 'Ember', 'Falcon', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kite', 'Lumen',
  'Maple', 'Nova', 'Orbit', 'Pine', 'Quartz', 'River', 'Summit', 'Tide', 'Umber', 'Vale', 'Willow', 'Zenith'];
const VECTORS = ['a flaw in the authentication process', 'an unpatched server', 'stolen credentials', 'a misconfigured storage bucket', 'phishing'];
const INVESTIGATION_KINDS = ['REGULATORY', 'CRIMINAL', 'GOVERNMENTAL', 'JOINT_PUBLIC_PRIVATE'];

/** mulberry32: a small, fast, seedable PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sizes(incidents: number) {
  return {
    companies: Math.max(10, Math.ceil(incidents / 4)),
    authorities: Math.max(8, Math.min(2000, Math.ceil(incidents / 50))),
    publishers: Math.max(5, Math.min(500, Math.ceil(incidents / 200))),
  };
}

const pad = (n: number, w = 7) => String(n).padStart(w, '0');
const day = (r: () => number, fromYear: number, toYear: number) => {
  const y = fromYear + Math.floor(r() * (toYear - fromYear + 1));
  return `${y}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`;
};

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
    rows.push({ label: 'Authority', id: `syn-authority-${pad(k)}`, name: `${name(k)} Authority`, aliases: [], country: pick(COUNTRIES), kind: pick(AUTHORITY_KINDS) });
  }
  for (let k = 0; k < s.publishers; k++) {
    rows.push({ label: 'Publisher', id: `syn-publisher-${pad(k)}`, name: `${name(k)} News`, aliases: [], country: pick(COUNTRIES) });
  }
  return rows;
}

/** The incidents [from, to) with their fan-out. Same seed and index: same row. */
export function incidentRows(o: SyntheticOptions, from: number, to: number) {
  const s = sizes(o.incidents);
  const rows: Record<string, unknown>[] = [];
  for (let n = from; n < to; n++) {
    const r = rng(o.seed * 1_000_003 + n);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const id = `syn-incident-${pad(n)}`;
    const company = Math.floor(r() * s.companies);
    const country = pick(COUNTRIES);
    const accessStart = day(r, 2014, 2025);
    const disclosedOn = r() < 0.8 ? day(r, Number(accessStart.slice(0, 4)), 2026) : null;
    const first = Math.round(10 ** (2 + r() * 4));
    const revised = Math.round(first * (1 + r() * 500));
    const investigations = Array.from({ length: 1 + Math.floor(r() * 2) }, (_, k) => ({
      id: `${id}-investigation-${k}`,
      title: `Investigation ${k + 1} into synthetic incident ${n}`,
      kind: pick(INVESTIGATION_KINDS),
      status: r() < 0.5 ? 'OPEN' : 'CONCLUDED',
      openedOn: disclosedOn,
      question: r() < 0.5 ? `Whether the company protected ${pick(CATEGORIES)} data adequately` : null,
      authorities: Array.from(new Set(Array.from({ length: 1 + Math.floor(r() * 2) }, () => `syn-authority-${pad(Math.floor(r() * s.authorities))}`))),
    }));
    const fined = r() < 0.4;
    const amount = String(Math.round(10 ** (5 + r() * 6)) * 1000);
    rows.push({
      id,
      title: `${WORDS[company % WORDS.length]} ${pick(['data breach', 'ransomware attack', 'credential leak', 'data exposure'])} ${n}`,
      kind: r() < 0.85 ? 'DATA_BREACH' : pick(['RANSOMWARE', 'OTHER']),
      summary: `Synthetic incident ${n}: access through ${pick(VECTORS)}.`,
      origin: r() < 0.5 ? 'servers outside the country' : null,
      accessStart,
      disclosedOn,
      company: `syn-company-${pad(company)}`,
      country,
      publisher: `syn-publisher-${pad(Math.floor(r() * s.publishers))}`,
      sourceTitle: `Report on synthetic incident ${n}`,
      estimates: [
        { id: `${id}-estimate-0`, value: first, qualifier: 'EXACT', asOf: disclosedOn ?? accessStart },
        { id: `${id}-estimate-1`, value: revised, qualifier: 'ABOUT', asOf: disclosedOn ? day(r, Number(disclosedOn.slice(0, 4)), 2026) : null },
      ],
      categories: Array.from(new Set(Array.from({ length: 2 + Math.floor(r() * 4) }, () => pick(CATEGORIES)))),
      investigations,
      fines: fined ? [{
        id: `${id}-fine`,
        kind: 'ADMINISTRATIVE_PENALTY',
        reason: 'Failing to protect personal data',
        authority: investigations[0]!.authorities[0],
        investigation: investigations[0]!.id,
        currency: CURRENCIES[country],
        reports: [
          { id: `${id}-fine-report-0`, amount, date: disclosedOn ? disclosedOn.slice(0, 7) : null },
          ...(r() < 0.5 ? [{ id: `${id}-fine-report-1`, amount: String(Number(amount) + Math.floor(r() * 1000)), date: disclosedOn }] : []),
        ],
      }] : [],
      suspects: r() < 0.1 ? [{ id: `${id}-suspect`, name: null, description: 'Unnamed synthetic suspect', nationality: pick(COUNTRIES) }] : [],
      statements: r() < 0.6 ? [{ id: `${id}-statement`, kind: pick(['APOLOGY', 'PROMISE', 'ASSESSMENT']), quote: `We take incident ${n} seriously.` }] : [],
    });
  }
  return rows;
}
