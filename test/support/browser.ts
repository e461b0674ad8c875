import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { baseUrl } from './api.js';

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

/** The machine's Chromium (never a downloaded one), headless, with nothing of its own to fetch. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (as .ci/run does), or set CHROMIUM_PATH.`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A page of this API, opened offline, with what went wrong in it (page errors, console errors) and the requests it tried to send elsewhere. */
export interface Opened { page: Page; context: BrowserContext; problems: string[]; offsite: string[] }

/**
 * `path` of this API in a fresh context, on a closed network like the IDE's (blockOffsite): page
 * errors and console errors (CSP refusals among them) are collected in `problems`, which a test
 * expects empty.
 */
export async function openPage(browser: Browser, path: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const offsite = await blockOffsite(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`); });
  await page.goto(`${baseUrl()}${path}`, { waitUntil: 'load' });
  return { page, context, problems, offsite };
}
