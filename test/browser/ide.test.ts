import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl } from '../support/api.js';
import { blockOffsite, launchChromium } from '../support/browser.js';


// The IDE must work on a closed network: every request that is not to this machine is blocked
// and recorded, and the test fails if the page even tried one.
describe('the GraphiQL IDE in a real browser, offline', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => { await browser?.close(); });

  it('loads with an example query, runs it, and shows data from Neo4j', async () => {
    const context = await browser.newContext();
    const offsite = await blockOffsite(context);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(`${baseUrl()}/graphql`, { waitUntil: 'load' });
    const editor = page.locator('.graphiql-query-editor .CodeMirror');
    await editor.waitFor({ timeout: 30_000 });
    expect(await editor.innerText()).toContain('incidents(first: 10)');
    // One saved tab per example query.
    expect(await page.locator('.graphiql-tab').count()).toBeGreaterThanOrEqual(9);

    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.graphiql-response .CodeMirror');
    await expect.poll(() => result.innerText(), { timeout: 30_000 }).toContain('coupang-breach-2025');
    const text = await result.innerText();
    expect(text).toContain('Coupang');
    expect(text).toContain('totalCount');

    expect(pageErrors).toEqual([]);
    expect(offsite).toEqual([]);
    await context.close();
  });

  it('offers the curators\' example mutations in a tab of their own, with their variables and where the token goes', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await blockOffsite(context);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/graphql`, { waitUntil: 'load' });
    const tab = page.locator('.graphiql-tab', { hasText: 'AddSource' });
    await tab.waitFor({ timeout: 30_000 });
    await tab.locator('button').first().click();
    const editor = page.locator('.graphiql-query-editor .CodeMirror');
    await expect.poll(() => editor.innerText(), { timeout: 10_000 }).toContain('mutation AddEstimate');
    expect(await editor.innerText()).toContain('npm run token -- --role curator --subject <you>');
    const variables = page.locator('.graphiql-editor-tool .CodeMirror').first();
    expect(await variables.innerText()).toContain('"incident": "coupang-breach-2025"');
    await context.close();
  });

  it('shows every example tab at 1,400 px: the tabs wrap instead of running past the edge', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await blockOffsite(context);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/graphql`, { waitUntil: 'load' });
    await page.locator('.graphiql-tab').first().waitFor({ timeout: 30_000 });
    const m = await page.evaluate(() => {
      const bar = document.querySelector('.graphiql-tabs')!.getBoundingClientRect();
      const tabs = [...document.querySelectorAll('.graphiql-tab')];
      // A tab is cut off when it lies past the bar (which clips it) or past the window.
      const cut = tabs.filter((t) => {
        const r = t.getBoundingClientRect();
        return r.right > bar.right + 1 || r.bottom > bar.bottom + 1 || r.right > window.innerWidth;
      }).map((t) => t.textContent);
      return { count: tabs.length, cut, pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth };
    });
    expect(m.count).toBeGreaterThanOrEqual(14);
    expect(m.cut).toEqual([]);
    expect(m.pageWidth).toBeLessThanOrEqual(m.viewport);
    await context.close();
  });
});
