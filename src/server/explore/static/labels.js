// A short, human name for any node the API returns (with the NodeLabel fragment).

const clip = (s, n = 80) => (s && s.length > n ? `${s.slice(0, n - 1)}…` : s);
const lower = (s) => (s ? s.toLowerCase().replaceAll('_', ' ') : '');

const BY_TYPE = {
  Person: (n) => n.personName ?? clip(n.description) ?? 'Unnamed person',
  Source: (n) => n.sourceTitle ?? (n.publisher?.name ? `${n.publisher.name} article` : null) ?? hostOf(n.url),
  Fine: (n) => `Fine ${n.amount?.display ?? ''}`.trim(),
  FineReport: (n) => `Report ${n.reportAmount?.display ?? '(date only)'}`,
  Estimate: (n) => `${n.qualifier && n.qualifier !== 'EXACT' ? `${lower(n.qualifier)} ` : ''}${Number(n.value).toLocaleString('en')} ${n.unit}`,
  DataExposure: (n) => `${n.category?.name ?? 'data'}${n.exposed ? ' exposed' : ' not exposed'}`,
  Statement: (n) => `${lower(n.statementKind)}: ${clip(n.summary ?? n.quote, 60) ?? ''}`,
  Suspicion: (n) => `Suspicion: ${n.person?.personName ?? clip(n.person?.description, 40) ?? 'unnamed'}`,
};

function hostOf(url) {
  try { return new URL(url).hostname; } catch { return null; }
}

/** { id, type, label } of a node from the API; the label falls back to the id. */
export function describe(node) {
  const type = node.__typename;
  const label = BY_TYPE[type]?.(node) ?? node.name ?? node.title ?? node.id;
  return { id: node.id, type, label: label || node.id };
}
