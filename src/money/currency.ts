import { badInput } from '../errors.js';
import { echoed } from '../read/knownIds.js';
import { ECB_SERIES } from './ecbSeries.js';

/** The codes a reference-rate conversion can target: every currency of the ECB series, and the euro it is quoted against. */
export const REFERENCE_CURRENCIES: readonly string[] = ['EUR', ...ECB_SERIES.currencies].sort();

/** An ISO 4217 code the ECB series has (or EUR), upper-cased; another is BAD_USER_INPUT at `argument`, naming the allowed codes (also in extensions.allowed, as an unknown enum value lists its values). */
export function referenceCurrency(code: string, argument: string): string {
  const c = code.toUpperCase();
  if (!REFERENCE_CURRENCIES.includes(c)) {
    throw badInput(`${argument}: "${echoed(code)}" is not a currency of the ECB reference rates; use one of ${REFERENCE_CURRENCIES.join(', ')}.`, argument,
      { allowed: REFERENCE_CURRENCIES });
  }
  return c;
}
