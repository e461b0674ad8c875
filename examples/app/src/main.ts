import { request, RequestRefused, type Result } from './client.js';
import type { FineFilter, FinesPageQuery } from './gql/graphql.js';
import { FinesPage, IncidentPage, MissionTrace, Search } from './operations.js';

const API = process.env.API_URL ?? 'http://127.0.0.1:4000/graphql';

/** Fails loudly on field errors, for the operations this app expects to succeed. */
function ok<R>(result: Result<R>): R {
  if (result.errors.length) throw new Error(result.errors.map((e) => `${e.extensions.code} at ${e.path?.join('.')}: ${e.message}`).join('\n'));
  return result.data;
}

/** Every fine matching a filter, two per page, following endCursor. A mistyped id is corrected once from the server's suggestion. */
async function allFines(filter: FineFilter): Promise<{ filter: FineFilter; total: number; pages: number; fines: string[] }> {
  const fines: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const { data, errors }: Result<FinesPageQuery> = await request(API, FinesPage, { filter, first: 2, after });
    const unknown = errors.flatMap((e) => (e.extensions.code === 'BAD_USER_INPUT' ? e.extensions.unknown ?? [] : []));
    const fix = unknown[0];
    if (!data.fines) {
      if (pages > 0 || !fix?.suggestion || fix.argument !== 'filter.authority') throw new Error(errors.map((e) => e.message).join('\n'));
      return allFines({ ...filter, authority: fix.suggestion });
    }
    pages += 1;
    fines.push(...data.fines.edges.map((e) => `${e.node.authority.displayName}: ${e.node.amount.display} (${e.node.company.displayName}, ${e.node.date?.iso ?? 'undated'})`));
    if (!data.fines.pageInfo.hasNextPage) return { filter, total: data.fines.totalCount, pages, fines };
    after = data.fines.pageInfo.endCursor ?? null;
  }
}

async function main(): Promise<void> {
  const { incident } = ok(await request(API, IncidentPage, { id: 'coupang-breach-2025' }));
  if (!incident) throw new Error('coupang-breach-2025 is not in the graph');
  const best = incident.accountsAffected;

  // "PIPC" is not an id ("pipc" is): the server says so and suggests it; the app retries with it.
  const fines = await allFines({ authority: 'PIPC' });

  const { search } = ok(await request(API, Search, { query: 'Coupang', first: 10 }));
  const trace = ok(await request(API, MissionTrace, { id: 'coupang-breach-2025' })).incident;

  // A value the schema's types refuse never reaches the data: the whole request is refused.
  let refused: { status: number; code: string | undefined; argumentName: string | undefined } | null = null;
  try {
    await request(API, FinesPage, { filter: { minAmount: { amount: '12,5', currency: 'KRW' } }, first: 1 });
  } catch (e) {
    if (!(e instanceof RequestRefused)) throw e;
    refused = { status: e.status, code: e.errors[0]?.extensions.code, argumentName: e.errors[0]?.extensions.argumentName };
  }

  const summary = {
    incident: {
      id: incident.id,
      displayName: incident.displayName,
      company: incident.company?.displayName ?? null,
      accessStart: incident.accessStart ? `${incident.accessStart.iso} (${incident.accessStart.precision})` : null,
      accountsAffected: best ? `${best.qualifier} ${best.value} ${best.unit}` : null,
      exposed: incident.exposedData.map((e) => e.category.id),
      investigatedBy: [...new Set(incident.investigations.flatMap((i) => i.authorities.map((a) => a.id)))].sort(),
      sources: incident.sources.length,
    },
    fines,
    search: (search?.edges ?? []).map((e) => `${e.node.__typename}: ${e.node.displayName}`),
    trace: (trace?.investigations ?? []).flatMap((i) => i.authorities.flatMap((a) => a.finesImposed.map((f) =>
      `${trace?.displayName} -> ${i.displayName} -> ${a.displayName} -> ${f.amount.display} against ${f.company.displayName}${f.incident ? ` (${f.incident.displayName})` : ''}`))),
    refused,
  };
  console.log(JSON.stringify(summary, null, 2));
}

await main();
