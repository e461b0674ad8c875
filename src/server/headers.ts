import express, { type RequestHandler, type Response } from 'express';
import helmet from 'helmet';

/**
 * The policy of every response that is not a page (GraphQL's JSON, the SDL, /health, errors,
 * 404s, scripts, styles): nothing may load from it and nothing may frame it. A JSON or text
 * answer opened as a document (a link, a sniffing browser) can then run nothing.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The policy of the pages (the IDE at / and GET /graphql, the explorer at /explore): scripts,
 * styles, fonts and requests from this server only, so they work offline and run nothing a
 * response or a stored value could inject; no plugins, no <base>, no form posts, no framing.
 * Styles keep 'unsafe-inline': GraphiQL's dialogs (react-remove-scroll) and cytoscape insert
 * <style> elements and set style attributes; a style runs no code. Fonts and GraphiQL's icons
 * are data: URLs inside its stylesheet.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Files named by their content's hash (the vendored libraries): never change at their URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The pages and their own scripts and styles: cached, but asked again (ETag) on every use, so a new version shows at once. */
export const REVALIDATE = 'no-cache';

/**
 * The headers every response carries (helmet), set before any route so that whatever answers (a
 * route, the per-client limit's 429, a body parser's error, a 404) has them:
 * - Content-Security-Policy: API_CSP; a page replaces it with PAGE_CSP (sendPage);
 * - X-Frame-Options: DENY (frame-ancestors for older browsers);
 * - X-Content-Type-Options: nosniff; Referrer-Policy: no-referrer;
 * - Cross-Origin-Opener-Policy: same-origin;
 * - Cross-Origin-Resource-Policy: same-origin. Browsers check it only for no-cors loads (an
 *   <img>, a <script> without crossorigin), never for fetch() in CORS mode, so the pages of
 *   CORS_ORIGINS still read /graphql and /schema.graphql, and no other site can embed them;
 * - Cache-Control: no-store: GraphQL answers, errors and health are never kept by a browser or
 *   a shared cache. Cacheable routes set their own (REVALIDATE, IMMUTABLE), and so does a query
 *   sent with GET and answered without errors (src/server/httpCache.ts: no-cache, with an ETag).
 * Strict-Transport-Security is left to the TLS-terminating proxy: this server speaks plain HTTP
 * and cannot know the name and the subdomains it is reached by.
 */
export function securityHeaders(): RequestHandler {
  const base = helmet({
    // Set below as API_CSP; pages replace it.
    contentSecurityPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
  });
  return (req, res, next) => {
    res.setHeader('Content-Security-Policy', API_CSP);
    res.setHeader('Cache-Control', 'no-store');
    base(req, res, next);
  };
}

/** Sends one of the pages: its own CSP, revalidated on every visit (it names the hashed vendor files). */
export function sendPage(res: Response, html: string): void {
  res.set('Content-Security-Policy', PAGE_CSP).set('Cache-Control', REVALIDATE).type('html').send(html);
}

/**
 * A page's own scripts and styles (src/server/<page>/static/): only .js and .css files, nothing
 * else in the folder, and no index; revalidated on every use (ETag), since their names are fixed.
 */
export function ownFiles(dir: string): RequestHandler {
  const files = express.static(dir, {
    index: false, redirect: false, dotfiles: 'ignore', cacheControl: false,
    setHeaders: (res) => { res.setHeader('Cache-Control', REVALIDATE); },
  });
  return (req, res, next) => (/^\/[A-Za-z0-9_-]+\.(js|css)$/.test(req.path) ? files(req, res, next) : next());
}
