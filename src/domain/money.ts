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
