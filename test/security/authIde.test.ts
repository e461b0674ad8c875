import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devSigningKey } from '../../src/auth/devKey.js';
import { DEV_AUDIENCE, DEV_ISSUER, devJwtOptions } from '../../src/auth/options.js';
import { startOwnServer, type OwnServer } from '../server/ownServer.js';
import { launchChromium } from '../support/browser.js';


// An analyst pastes a token into the IDE's Headers editor, in a real browser, on a server whose
// reads need an identity (READ_ACCESS=authenticated): the header reaches the server.
describe('the IDE sends the Authorization header typed in its Headers editor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'auth-ide-'));
  const keyFile = join(dir, 'dev-signing-key.json');
  let own: OwnServer;
  let browser: Browser;
  beforeAll(async () => {
    own = await startOwnServer({ auth: { readAccess: 'authenticated', jwt: devJwtOptions('roles', 30, keyFile) } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await own?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('without it the example is UNAUTHENTICATED (the docs still load); with a reader token pasted in Headers, it answers', async () => {
    const key = await devSigningKey(keyFile);
    const token = await new SignJWT({ roles: ['reader'] }).setProtectedHeader({ alg: 'ES256', kid: key.kid }).setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE).setSubject('analyst').setExpirationTime('10m').sign(key.privateKey);
    const context = await browser.newContext();
    await context.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    const sent: (string | undefined)[] = [];
    const introspection: number[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/graphql') && !(r.postData() ?? '').includes('IntrospectionQuery')) sent.push(r.headers().authorization);
    });
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && (r.request().postData() ?? '').includes('IntrospectionQuery')) introspection.push(r.status());
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(own.url, { waitUntil: 'load' });
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor({ timeout: 30_000 });
    const result = page.locator('.graphiql-response .CodeMirror');
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => result.innerText(), { timeout: 30_000 }).toContain('UNAUTHENTICATED');

    await page.locator('button[data-name="headers"]').click();
    const headers = page.locator('section.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror');
    await headers.click();
    await page.keyboard.insertText(`{"Authorization": "Bearer ${token}"}`);
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => result.innerText(), { timeout: 30_000 }).toContain('coupang-breach-2025');
    expect(await result.innerText()).not.toContain('UNAUTHENTICATED');
    expect(sent).toEqual([undefined, `Bearer ${token}`]);
    // The docs and autocompletion: the schema loaded without a token.
    expect(introspection.length).toBeGreaterThan(0);
    expect(introspection.every((s) => s === 200)).toBe(true);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
