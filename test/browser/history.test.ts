import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { devSigningKey, signDevToken } from '../../src/auth/devKey.js';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../src/auth/options.js';
import { loadExamples } from '../../src/server/ide.js';
import { testDriver } from '../support/api.js';
import { startOwnServer, type OwnServer } from '../server/ownServer.js';
import { blockOffsite, launchChromium } from '../support/browser.js';


// Issue 24: the explorer's side panel shows an entity's history. A curator changes an incident of
// this file's own over HTTP (a server of its own that trusts a development key of its own, as
// `npm run token` signs); the explorer then lists the changes, newest first, a page at a time, and
// shows a title with HTML in it as text: nothing it holds runs or becomes an element.
const RUN = `test-history-${randomBytes(3).toString('hex')}`;
const INCIDENT = `${RUN}-incident`;
const PUBLISHER = `${RUN}-publisher`;
const URL_PREFIX = `https://history.test/${RUN}`;
const CURATOR = `${RUN}-alice`;
const HTML = '<img src=x onerror=alert(1)>';
const SOURCE_TITLE = `${HTML} report`;
const dir = mkdtempSync(join(tmpdir(), 'history-keys-'));
const keyFile = join(dir, 'dev-signing-key.json');

async function cypher(query: string, params: Record<string, unknown> = {}): Promise<void> {
  const driver = testDriver();
  try {
    await driver.executeQuery(query, params, { database: inject('database') });
  } finally {
    await driver.close();
  }
}

describe('the explorer\'s History in a real browser', { timeout: 180_000 }, () => {
  let browser: Browser;
  let server: OwnServer;
  let auth: Record<string, string>;

  async function post(query: string, variables: Record<string, unknown>, operationName?: string) {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ query, variables, operationName }) });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  beforeAll(async () => {
    server = await startOwnServer({
      auth: { readAccess: 'public', jwt: { issuer: DEV_ISSUER, audience: [DEV_AUDIENCE], keys: { kind: 'dev', file: keyFile }, algorithms: ['ES256'], rolesClaim: 'roles', clockToleranceS: 30 } },
    });
    // The test's own incident and publisher (no country, no company: no list or statistic another file counts sees them).
    await cypher(`CREATE (:Incident:Entity {id: $incident, title: 'History test incident', kind: 'OTHER'})
      CREATE (:Incident:Entity {id: $example, title: 'History test incident of the IDE example', kind: 'OTHER'})
      CREATE (:Publisher:Entity {id: $publisher, name: $publisherName, aliases: []})`,
    { incident: INCIDENT, example: `${INCIDENT}-example`, publisher: PUBLISHER, publisherName: `History Test Press ${RUN}` });
    auth = { authorization: `Bearer ${await signDevToken(await devSigningKey(keyFile), { subject: CURATOR, role: 'curator', rolesClaim: 'roles', ttlS: 600 })}` };
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    // Everything this run wrote: its entities, and the changes that touched them or that its curator made.
    await cypher(`MATCH (n:Entity) WHERE n.id STARTS WITH $run OR n.url STARTS WITH $url
      OPTIONAL MATCH (n)<-[:CHANGED|CITED]-(c:Change)
      DETACH DELETE n, c`, { run: RUN, url: URL_PREFIX });
    await cypher('MATCH (c:Change) WHERE c.actorSubject = $curator DETACH DELETE c', { curator: CURATOR });
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists a curator\'s changes newest first, pages with More, and shows an HTML title as text', async () => {
    // Eleven changes of the incident: one more than the panel's first page.
    const { addSource } = await post('mutation($input: AddSourceInput!) { addSource(input: $input) { source { id } } }',
      { input: { url: `${URL_PREFIX}/report`, title: SOURCE_TITLE, publisher: PUBLISHER, publishedOn: '2026-12-01' } });
    const sources = [{ id: addSource.source.id }];
    await post('mutation($input: AddEstimateInput!) { addEstimate(input: $input) { estimate { id } } }',
      { input: { incident: INCIDENT, metric: 'AFFECTED', value: 4321, unit: 'accounts', sources } });
    const titles = [...Array.from({ length: 9 }, (_, i) => `History test incident, version ${i + 1}`), HTML];
    for (const [version, title] of titles.entries()) {
      await post('mutation($id: ID!, $v: Int!, $input: UpdateIncidentInput!) { updateIncident(id: $id, expectedVersion: $v, input: $input) { incident { version } } }',
        { id: INCIDENT, v: version, input: { title, sources } });
    }

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const offsite = await blockOffsite(context);
    const page = await context.newPage();
    const dialogs: string[] = [];
    const problems: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    await page.goto(`${server.url.replace(/\/graphql$/, '')}/explore?focus=${encodeURIComponent(INCIDENT)}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#status')?.dataset.state !== 'loading', null, { timeout: 60_000 });
    await page.locator(`#node-list li[data-id="${INCIDENT}"] button`).click();

    const items = page.locator('#details section.history ol.history > li');
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(10);
    // The newest first: the last update, by the curator, with its title before and after, and its source as a link.
    const newest = items.first();
    const head = await newest.locator('.change-head').innerText();
    expect(head).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC · update incident · /);
    expect(head).toContain(`${CURATOR} (curator)`);
    const props = await newest.locator('dl').evaluate((dl) => [...dl.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`));
    expect(props).toContain(`title: History test incident, version 9 → ${HTML}`);
    expect(props).toContain('version: 9 → 10');
    const link = newest.locator('ol.change-sources a');
    expect(await link.textContent()).toBe(SOURCE_TITLE);
    expect(await link.getAttribute('href')).toBe(`${URL_PREFIX}/report`);
    expect(await items.nth(9).locator('.change-head').innerText()).toContain('update incident');

    // More: the next page, the oldest change (the estimate, on an entity of its own), and no more button.
    const more = page.locator('#details section.history button.more');
    expect(await more.isVisible()).toBe(true);
    await more.click();
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(11);
    expect(await more.isVisible()).toBe(false);
    const oldest = items.nth(10);
    expect(await oldest.locator('.change-head').innerText()).toContain('add estimate');
    expect(await oldest.locator('.change-entity').innerText()).toMatch(new RegExp(`^on ${INCIDENT}-estimate-`));
    expect(await oldest.locator('dl').innerText()).toMatch(/value\s+none → 4321/);

    // The HTML is text everywhere it shows (the heading is the incident's title): no element made of it, no dialog, no error.
    expect(await page.locator('#details h3').textContent()).toBe(HTML);
    expect(await page.locator('#details img, #node-list img').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    expect(offsite).toEqual([]);
    await context.close();
  });

  it('the IDE\'s example mutations run as given, with a curator\'s token: AddSource, then AddEstimate on its source', async () => {
    const example = loadExamples(undefined, { mutations: true }).find((e) => e.query.includes('mutation AddSource'));
    expect(example?.operation).toBe('mutation');
    // The example's variables, pointed at this run's own incident, publisher and URL (as a curator puts their source's in).
    const given = example!.variables as { source: Record<string, unknown>; estimate: Record<string, unknown> };
    const incident = `${INCIDENT}-example`;
    const variables = { source: { ...given.source, url: `${URL_PREFIX}/example`, publisher: PUBLISHER }, estimate: { ...given.estimate, incident } };
    const { addSource } = await post(example!.query, variables, 'AddSource');
    expect(addSource).toMatchObject({ created: true, change: { operation: 'ADD_SOURCE', actor: { subject: CURATOR, role: 'curator' } } });
    const estimate = { ...variables.estimate, sources: [{ ...(given.estimate.sources as object[])[0], id: addSource.source.id }] };
    const { addEstimate } = await post(example!.query, { ...variables, estimate }, 'AddEstimate');
    expect(addEstimate).toMatchObject({ estimate: { value: given.estimate.value, isBest: true }, change: { operation: 'ADD_ESTIMATE' } });
    const { history } = await post('query($id: ID!) { history(id: $id) { edges { node { id } } } }', { id: incident });
    expect(history.edges).toEqual([{ node: { id: addEstimate.change.id } }]);
  });
});
