// A tiny element builder: the page builds its DOM from data without innerHTML.

/** el('a', { href, class: 'x', onclick }, 'text', child...) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
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
