import type { PartialDateValue } from '../modules/records.js';

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

/** "2025" -> "2025-01-01", "2025-06" -> "2025-06-01", "2025-07/2025-09" -> "2025-07-01": the first day a partial date covers. */
export function firstDay(d: string | null | undefined): string | null {
  if (!d) return null;
  if (d.includes('/')) return firstDay(d.slice(0, d.indexOf('/')));
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** "2025" -> "2025-12-31", "2025-06" -> "2025-06-31", "2025-07/2025-09" -> "2025-09-31": compares as the end of its period. */
export function lastDay(d: string | null | undefined): string | null {
  if (!d) return null;
  if (d.includes('/')) return lastDay(d.slice(d.indexOf('/') + 1));
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FORMS = '"2025", "2025-08", "2025-08-28" or a quarter "2025-07/2025-09"';

/**
 * What is wrong with a partial date given as input, in words naming the wrong part, or null when
 * it is a real date: a year, a month, a day that exists (leap years included), or a quarter.
 */
export function partialDateProblem(s: string): string | null {
  if (s.includes('/')) {
    const [from = '', to = ''] = s.split('/');
    if (!/^\d{4}-\d{2}$/.test(from) || !/^\d{4}-\d{2}$/.test(to)) return `"${s}" is not a partial date: write ${FORMS}.`;
    const problem = partialDateProblem(from) ?? partialDateProblem(to);
    if (problem) return problem;
    if (!QUARTER.exec(s) || Number(to.slice(5)) !== Number(from.slice(5)) + 2) {
      return `"${s}" is not a quarter: a quarter runs from its first month to its third in one year (01-03, 04-06, 07-09, 10-12), as in "2025-07/2025-09".`;
    }
    return null;
  }
  const m = ISO.exec(s);
  if (!m) return `"${s}" is not a partial date: write ${FORMS}.`;
  const year = Number(m[1]);
  if (m[2] === undefined) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `"${s}": the month is ${m[2]}, and months run from 01 to 12.`;
  if (m[3] === undefined) return null;
  const day = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (day < 1 || day > days) return `"${s}": the day is ${m[3]}, and ${MONTHS[month - 1]} ${m[1]} has days 01 to ${days}.`;
  return null;
}

/** "2025" -> "2025-12-31", "2025-02" -> "2025-02-28", "2025-07/2025-09" -> "2025-09-30": the real last day a partial date covers. */
export function endDay(d: string): string {
  const end = d.includes('/') ? d.slice(d.indexOf('/') + 1) : d;
  if (end.length === 4) return `${end}-12-31`;
  if (end.length !== 7) return end;
  const [year, month] = end.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${end}-${String(days).padStart(2, '0')}`;
}
