import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl } from '../support/api.js';
import { launchChromium, openPage } from '../support/browser.js';

// Issue 26: the explorer's date control. The picture around the Coupang breach is redrawn as known
// on a day (the API's asOf), Play steps through the days on which something in it became known,
// and a day the API refuses is said so with the API's message. Coupang's estimate of 33.7 million
// accounts is known from 2025-11-30 (its knownOn, from Coupang's notice to the PIPC).
const FOCUS = 'coupang-breach-2025';
const LATER = 'coupang-breach-2025-estimate-33700000';


/** Waits for the status to say a picture is drawn, or an error (returned, not thrown, when `error`). */
async function drawn(page: Page, { error = false } = {}) {
  await page.waitForFunction(() => {
    const s = document.querySelector<HTMLElement>('#status');
    return s?.dataset.state === 'error' || (s?.dataset.state === 'ready' && s.dataset.drawMs !== undefined);
  }, null, { timeout: 90_000 });
  const s = await page.locator('#status').evaluate((el: HTMLElement) => ({ state: el.dataset.state, text: el.textContent ?? '' }));
  if (s.state === 'error' && !error) throw new Error(`The page says: ${s.text}`);
  return s;
}

/** The day the picture is drawn as known on ('' as the graph stands), once it is `day`. */
async function shownDay(page: Page, day: string) {
  await page.waitForFunction((d) => document.querySelector<HTMLElement>('#as-of-shown')?.dataset.asOf === d, day, { timeout: 90_000 });
  await drawn(page);
}

/** The drawn nodes: id, type and knownOn, as the page's model holds them. */
const nodes = (page: Page) => page.evaluate(() => [...(window as any).explorer.model.nodes.values()] as { id: string; type: string; knownOn: string | null }[]);
const ids = async (page: Page) => (await nodes(page)).map((n) => n.id);

describe('the explorer as known on a day, in a real browser', { timeout: 240_000 }, () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => { await browser?.close(); });

  it('draws the Coupang breach as known on 2025-11-25 without what became known later, and on 2025-12-05 with it', async () => {
    const { page, context, problems, offsite } = await openPage(browser, `/explore?focus=${FOCUS}&asOf=2025-11-25`);
    await shownDay(page, '2025-11-25');
    expect(await page.locator('#as-of-shown').textContent()).toBe('as known on 2025-11-25');
    expect(await page.locator('#as-of').inputValue()).toBe('2025-11-25');
    const early = await nodes(page);
    expect(early.map((n) => n.id)).toEqual(expect.arrayContaining([FOCUS, 'coupang']));
    expect(early.map((n) => n.id)).not.toContain(LATER);
    // Only what was known by then: reference data has no day, everything else one on or before it.
    for (const n of early) {
      if (n.type === 'Country' || n.type === 'DataCategory') continue;
      expect(n.knownOn, n.id).not.toBeNull();
      expect(n.knownOn! <= '2025-11-25', `${n.id} known from ${n.knownOn}`).toBe(true);
    }
    expect(await page.locator('#node-list li').count()).toBe(early.length);

    // The side panel reads as known on the day too: no accounts figure was known on 2025-11-25.
    await page.locator('#node-list button', { hasText: 'Coupang data breach (2025)' }).click();
    const details = page.locator('#details');
    await expect.poll(() => details.locator('h4').first().textContent(), { timeout: 60_000 }).toMatch(/^Sources \(\d+\)$/);
    expect(await details.locator('.as-of-line').textContent()).toBe('Fields and sources as known on 2025-11-25.');
    expect(await details.locator('dl').first().innerText()).not.toMatch(/accounts affected/);

    // A day typed in the date input (keyboard: fill, then the change it fires) redraws the picture.
    await page.locator('#as-of').fill('2025-12-05');
    await shownDay(page, '2025-12-05');
    const late = await nodes(page);
    expect(late.find((n) => n.id === LATER)).toMatchObject({ type: 'Estimate', knownOn: '2025-11-30' });
    expect(late.length).toBeGreaterThan(early.length);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2025-12-05');
    expect(new URL(page.url()).searchParams.get('focus')).toBe(FOCUS);
    // The selection stays, its panel read anew as known on the new day.
    await expect.poll(() => details.locator('.as-of-line').textContent(), { timeout: 60_000 }).toBe('Fields and sources as known on 2025-12-05.');
    await expect.poll(() => details.locator('dl').first().innerText(), { timeout: 60_000 }).toMatch(/accounts affected\s+.*33,700,000/);

    // The JSON export says which day it is of.
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    const exported = JSON.parse(await readFile((await json.path())!, 'utf8'));
    expect(exported.asOf).toBe('2025-12-05');
    expect(exported.settings.asOf).toBe('2025-12-05');
    expect(exported.nodes).toContainEqual(expect.objectContaining({ id: LATER, knownOn: '2025-11-30' }));

    // Emptied: the graph as it stands, and the URL forgets the day.
    await page.locator('#as-of').fill('');
    await shownDay(page, '');
    expect(await page.locator('#as-of-shown').textContent()).toBe('as the graph stands');
    expect(await ids(page)).toContain(LATER);
    expect(new URL(page.url()).searchParams.has('asOf')).toBe(false);

    expect(problems).toEqual([]);
    expect(offsite).toEqual([]);
    await context.close();
  });

  it('steps and plays through the days on which something in the picture became known', async () => {
    const { page, context, problems } = await openPage(browser, `/explore?focus=${FOCUS}`);
    await drawn(page);
    // The slider's days: the distinct knownOn of the picture's nodes, from the day its focus was known.
    const present = await nodes(page);
    const start = present.find((n) => n.id === FOCUS)!.knownOn!;
    const days = [...new Set(present.map((n) => n.knownOn).filter((d): d is string => d != null && d >= start))].sort();
    expect(days.length).toBeGreaterThan(2);
    expect(days).toContain('2025-11-30');
    const slider = page.locator('#as-of-days');
    expect(await slider.getAttribute('max')).toBe(String(days.length));
    expect(await slider.inputValue()).toBe(String(days.length));
    expect(await slider.getAttribute('aria-valuetext')).toBe('as the graph stands');
    expect(await page.locator('#as-of-forward').isDisabled()).toBe(true);

    // The step buttons, by keyboard: back from the present is the last day, back again the one before.
    await page.locator('#as-of-back').focus();
    await page.keyboard.press('Enter');
    await shownDay(page, days.at(-1)!);
    await page.keyboard.press('Enter');
    await shownDay(page, days.at(-2)!);
    expect(await slider.inputValue()).toBe(String(days.length - 2));
    expect(await slider.getAttribute('aria-valuetext')).toBe(`${days.at(-2)} (day ${days.length - 1} of ${days.length})`);
    // The slider, by keyboard: Home is the first day.
    await slider.focus();
    await page.keyboard.press('Home');
    await shownDay(page, days[0]!);

    // Play, by keyboard: from the first day on, each day in turn; every day shown is one of them.
    await page.evaluate(() => {
      const w = window as any;
      w.shownDays = [];
      const out = document.querySelector<HTMLElement>('#as-of-shown')!;
      new MutationObserver(() => w.shownDays.push(out.dataset.asOf)).observe(out, { attributes: true, attributeFilter: ['data-as-of'] });
    });
    const play = page.locator('#as-of-play');
    await play.focus();
    await page.keyboard.press('Enter');
    expect(await play.getAttribute('aria-pressed')).toBe('true');
    expect(await play.textContent()).toBe('Pause');
    await page.waitForFunction((n) => new Set((window as any).shownDays).size >= n, 3, { timeout: 120_000 });
    await page.keyboard.press('Enter');
    expect(await play.getAttribute('aria-pressed')).toBe('false');
    expect(await play.textContent()).toBe('Play');
    await drawn(page); // a step under way when paused ends its redraw
    const played = [...new Set(await page.evaluate(() => (window as any).shownDays as string[]))];
    // Playing from the first day (already shown) goes on from it; each day shown follows the last.
    expect(played.slice(0, 2)).toEqual(days.slice(1, 3));
    expect(played).toEqual(days.slice(1, played.length + 1));
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(played.at(-1));

    expect(problems).toEqual([]);
    await context.close();
  });

  it('says why when the API refuses the day, and keeps the picture of the day before', async () => {
    const { page, context, problems } = await openPage(browser, `/explore?focus=${FOCUS}&asOf=2025-12-05`);
    await shownDay(page, '2025-12-05');
    const before = await ids(page);
    const error = page.locator('#as-of-error');
    expect(await error.isHidden()).toBe(true);

    await page.locator('#as-of').fill('1990-01-01');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toMatch(/^The day 1990-01-01 was refused: asOf: 1990-01-01 is before anything in the graph was known \(the first day is \d{4}-\d{2}-\d{2}\)\.$/);
    expect(await page.locator('#as-of-shown').textContent()).toBe('as known on 2025-12-05');
    expect(await page.locator('#as-of').inputValue()).toBe('2025-12-05');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2025-12-05');
    expect(await ids(page)).toEqual(before);

    await page.locator('#as-of').fill('2099-01-01');
    await expect.poll(() => error.textContent(), { timeout: 60_000 }).toMatch(/^The day 2099-01-01 was refused: asOf: 2099-01-01 is in the future/);

    // A day the API accepts clears the message; before the focus was known, nothing is drawn, and
    // the notice gives the API's reason.
    await page.locator('#as-of').fill('2025-06-01');
    await shownDay(page, '2025-06-01');
    expect(await error.isHidden()).toBe(true);
    expect(await ids(page)).toEqual([]);
    expect(await page.locator('#notice').innerText()).toMatch(/^Not drawn: .*"coupang-breach-2025" was not known on 2025-06-01.*known from 2025-11-19/);
    await page.locator('#as-of').fill('2025-11-25');
    await shownDay(page, '2025-11-25');
    expect(await ids(page)).toContain(FOCUS);
    expect(await page.locator('#notice').isHidden()).toBe(true);

    // A malformed day in a link: the scalar's message, and no picture drawn for it. (The API
    // answers a bad variable with HTTP 400, which the browser logs, alone among the errors.)
    expect(problems).toEqual([]);
    await page.goto(`${baseUrl()}/explore?focus=${FOCUS}&asOf=2025-13`);
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toMatch(/^The day 2025-13 was refused: .*months run from 01 to 12/);
    expect(await page.locator('#as-of-shown').textContent()).toBe('as the graph stands');
    expect(await page.locator('#node-list li').count()).toBe(0);

    expect(problems).toEqual([expect.stringMatching(/^console: Failed to load resource: .*status of 400 \(Bad Request\) \(http:\/\/127\.0\.0\.1:\d+\/graphql\)$/)]);
    await context.close();
  });
});
