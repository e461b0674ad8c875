/**
 * What is wrong with `value` as the URL of an identity provider (its issuer, its keys), or null:
 * https, or http only to this machine (a local provider in development or a test). Keys fetched
 * over plain HTTP from elsewhere could be swapped on the way, and then any token would verify.
 */
export function providerUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a URL`;
  }
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  return 'must be an https:// URL (http:// only to this machine: localhost, 127.0.0.1, [::1])';
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}
