import type { PartialDateValue } from '../graph/records/index.js';

export type DatePrecision = 'DAY' | 'MONTH' | 'QUARTER' | 'YEAR';

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** A quarter as the ISO 8601 interval of its months: "2025-07/2025-09" (sorts as its first month). */
const QUARTER = /^(\d{4})-(01|04|07|10)\/\1-(03|06|09|12)$/;

/** The precision of a stored date follows from its form: "2025", "2025-08", "2025-08-28", "2025-07/2025-09". */
export function parsePartialDate(iso: string): { precision: DatePrecision; year: number; month: number | null; day: number | null } {
  const q = QUARTER.exec(iso);
  if (q && Number(q[3]) === Number(q[2]) + 2) return { precision: 'QUARTER', year: Number(q[1]), month: null, day: null };
  const m = ISO.exec(iso);
  if (!m) throw new Error(`Not an ISO partial date: "${iso}"`);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  return { precision: day ? 'DAY' : month ? 'MONTH' : 'YEAR', year: Number(m[1]), month, day };
}

export function partialDate(iso: string | null | undefined, asReported?: string | null): PartialDateValue | null {
  return iso ? { iso, asReported: asReported ?? null } : null;
}

/** "2025" -> "2025-01-01", "2025-06" -> "2025-06-01": the first day a partial date covers. */
export function firstDay(d: string | null | undefined): string | null {
  if (!d) return null;
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** "2025" -> "2025-12-31", "2025-06" -> "2025-06-31": compares as the end of its period. */
export function lastDay(d: string | null | undefined): string | null {
  if (!d) return null;
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}
