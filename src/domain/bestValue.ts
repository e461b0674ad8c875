import type { EstimateRecord, FineReportRecord } from '../graph/records.js';
import { significantDigits } from './money.js';

const QUALIFIER_RANK: Record<string, number> = { EXACT: 0, AT_LEAST: 1, MORE_THAN: 1, ABOUT: 2, ALMOST: 2 };

/**
 * The current figure of a metric: the latest as-of date wins, because figures are revised over
 * time (4,500 accounts, then 33.7 million). Ties: the more precise date, then an exact figure over
 * an approximate one. Estimates without a date lose to dated ones.
 */
export function bestEstimate(estimates: readonly EstimateRecord[], metric = 'AFFECTED'): EstimateRecord | null {
  const candidates = estimates.filter((e) => e.metric === metric);
  if (candidates.length === 0) return null;
  return [...candidates].sort((a, b) =>
    cmpDesc(dateKey(a.asOf), dateKey(b.asOf))
    || (b.asOf?.length ?? 0) - (a.asOf?.length ?? 0)
    || (QUALIFIER_RANK[a.qualifier] ?? 3) - (QUALIFIER_RANK[b.qualifier] ?? 3)
    || a.id.localeCompare(b.id))[0]!;
}

/**
 * The amount of a fine as best known: the same decision is reported with different rounding
 * (KRW 134 billion, 134.8 billion, 134.79 billion), so the most precise report wins; ties go to
 * the latest dated report.
 */
export function bestFineReport(reports: readonly FineReportRecord[]): FineReportRecord | null {
  const withAmount = reports.filter((r) => r.amount && r.currency);
  if (withAmount.length === 0) return null;
  return [...withAmount].sort((a, b) =>
    significantDigits(b.amount!) - significantDigits(a.amount!)
    || cmpDesc(dateKey(a.date), dateKey(b.date))
    || a.id.localeCompare(b.id))[0]!;
}

/** The most precise date among reports, the latest among equally precise ones. */
export function bestDate(dates: readonly (string | null | undefined)[]): string | null {
  const ds = dates.filter((d): d is string => !!d);
  if (ds.length === 0) return null;
  return [...ds].sort((a, b) => b.length - a.length || cmpDesc(a, b))[0]!;
}

// A partial date compares by its first day: "2025-08" sorts before "2025-08-28".
function dateKey(d: string | null | undefined): string {
  return d ?? '';
}

function cmpDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
