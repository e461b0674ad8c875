import type { PartialDateValue } from '../graph/records.js';

export type DatePrecision = 'DAY' | 'MONTH' | 'YEAR';

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The precision of a stored date follows from its form: "2025", "2025-08", "2025-08-28". */
export function parsePartialDate(iso: string): { precision: DatePrecision; year: number; month: number | null; day: number | null } {
  const m = ISO.exec(iso);
  if (!m) throw new Error(`Not an ISO partial date: "${iso}"`);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  return { precision: day ? 'DAY' : month ? 'MONTH' : 'YEAR', year: Number(m[1]), month, day };
}

export function partialDate(iso: string | null | undefined, asReported?: string | null): PartialDateValue | null {
  return iso ? { iso, asReported: asReported ?? null } : null;
}
