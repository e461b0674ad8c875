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

const SCALE = 6;

/** The exact sum of decimal strings (up to 6 decimals), through BigInt: no float is involved. */
export function sumDecimals(amounts: readonly string[]): string {
  let total = 0n;
  for (const a of amounts) {
    if (!isDecimal(a)) throw new Error(`Not a decimal amount: "${a}"`);
    const neg = a.startsWith('-');
    const [int, frac = ''] = (neg ? a.slice(1) : a).split('.');
    if (frac.length > SCALE) throw new Error(`More than ${SCALE} decimals: "${a}"`);
    const v = BigInt(int! + frac.padEnd(SCALE, '0'));
    total += neg ? -v : v;
  }
  const neg = total < 0n;
  const digits = (neg ? -total : total).toString().padStart(SCALE + 1, '0');
  const int = digits.slice(0, -SCALE);
  const frac = digits.slice(-SCALE).replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}
