/** Exact decimal strings only: "134790000000", "20000000", "9.6". */
const DECIMAL = /^-?\d+(\.\d+)?$/;

export function isDecimal(s: string): boolean {
  return DECIMAL.test(s);
}

/** "KRW 134,790,000,000": grouping by string, so no float ever touches the amount. */
export function displayMoney(amount: string, currency: string): string {
  const neg = amount.startsWith('-');
  const [int, frac] = (neg ? amount.slice(1) : amount).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency} ${neg ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** Significant digits of a decimal string: 134790000000 -> 5, 134000000000 -> 3. */
export function significantDigits(amount: string): number {
  const digits = amount.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  const frac = amount.includes('.');
  return (frac ? digits : digits.replace(/0+$/, '')).length || 1;
}
