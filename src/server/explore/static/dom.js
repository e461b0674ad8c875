// A tiny element builder: the page builds its DOM from data without innerHTML.

/**
 * `value` when it is an absolute http: or https: URL without a user name or password, else null:
 * only such a URL from the data may become a link (javascript:, data:, vbscript: would run or
 * show something in this page's origin). Parsed as the browser will parse the href.
 */
export function httpUrl(value) {
  if (typeof value !== 'string' || /[\u0000-\u0020\u007f]/.test(value)) return null;
  let url;
  try { url = new URL(value); } catch { return null; }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return value;
}

/** Links of the page itself ("/graphql") and http(s) URLs; anything else is refused. */
const safeHref = (v) => (/^\/(?!\/)/.test(v) ? v : httpUrl(v));

/** el('a', { href, class: 'x', onclick }, 'text', child...); an href that is not http(s) is left out. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'href' || k === 'src') {
      const href = safeHref(String(v));
      if (href !== null) node.setAttribute(k, href);
      continue;
    }
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

/** "accessDurationAsReported" -> "access duration as reported" */
export const words = (key) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
