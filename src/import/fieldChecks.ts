import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(en);

/** Field checks shared by catalogue mappings: each returns the problem as text, or null. */

export function httpUrl(value: string): string | null {
  if (!value) return 'empty: every row needs the link to its source';
  if (/\s/.test(value)) return `"${short(value)}" is not a URL (it contains spaces)`;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? null : `"${short(value)}" is not an http(s) URL`;
  } catch {
    return `"${short(value)}" is not a URL`;
  }
}

export const looksLikeUrl = (value: string): boolean => /^(https?:\/\/|www\.)\S+$/i.test(value.trim());

/** A real calendar date in ISO form, or the problem. */
export function isoDay(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return `"${short(value)}" is not a date in the form YYYY-MM-DD`;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    return `"${value}" is not a calendar date`;
  }
  return null;
}

/** Amounts are exact decimal strings: digits, at most one point, no sign, grouping or currency. */
export function decimalAmount(value: string): string | null {
  if (!value) return 'empty';
  return /^\d+(\.\d+)?$/.test(value) ? null : `"${short(value)}" is not an amount (digits, optionally a decimal point)`;
}

/** "Art. 32 GDPR", "Art.14 of the GDPR", "Data Protection Act 2018"; not "Failure to ...". */
export const looksLikeProvision = (value: string): boolean =>
  /^(art|arts|article|articles)\b\.?\s*\d/i.test(value) || /\b(act|law|gdpr|gdrp|regulation|code|decree)\b|§/i.test(value);

export const startsLikeArticle = (value: string): boolean => /^(art|article)\b\.?\s*\d/i.test(value.trim());

/** The ISO 3166-1 alpha-2 code of an English country name ("Czech Republic" -> "CZ"), or null. */
export const countryCode = (name: string): string | null => countries.getAlpha2Code(name, 'en') ?? null;

/** Placeholders that mean "not known": not a value. */
export const isPlaceholder = (value: string): boolean => /^(unknown|unknwon|not known|not available|not disclosed|n\/a|-)$/i.test(value.trim());

export const short = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
