import type { BrowserContext } from 'playwright-core';

/**
 * The pages must work on a closed network: every request of `context` that is not to this
 * machine is aborted and recorded in the list returned (a test expects it empty).
 */
export async function blockOffsite(context: BrowserContext): Promise<string[]> {
  const offsite: string[] = [];
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === '127.0.0.1' || host === 'localhost' || host === '[::1]') return route.continue();
    offsite.push(route.request().url());
    return route.abort();
  });
  return offsite;
}
