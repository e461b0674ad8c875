// The search box: the API's full-text `search`, each hit offered as a focus or a path end.
import { gql } from './api.js';
import { el } from './dom.js';
import { describe } from './labels.js';
import { NODE, SEARCH } from './queries.js';

export async function search(text, first = 10) {
  const { search: found } = await gql(SEARCH, { query: text, first });
  return { total: found.totalCount, hits: found.edges.map((e) => ({ ...describe(e.node), matched: e.matchedFields })) };
}

/** An id as typed, else the best search hit for the text; null when neither finds anything. */
export async function resolveEntity(text) {
  const t = text.trim();
  if (!t) return null;
  const { node } = await gql(NODE, { id: t }).catch(() => ({ node: null }));
  if (node) return describe(node);
  const { hits } = await search(t, 1);
  return hits[0] ?? null;
}

export function renderResults(root, { total, hits }, actions) {
  root.hidden = false;
  if (hits.length === 0) { root.replaceChildren(el('li', { class: 'muted' }, 'No match.')); return; }
  root.replaceChildren(
    ...hits.map((h) => el('li', {},
      el('button', { type: 'button', class: 'hit', onclick: () => actions.focus(h.id) },
        el('span', { class: 'name' }, h.label), ' ', el('span', { class: 'type' }, h.type)),
      el('span', { class: 'muted' }, ` in ${h.matched.join(', ')} `),
      el('button', { type: 'button', class: 'small', title: `Path from ${h.label}`, onclick: () => actions.pathEnd('from', h.id) }, 'from'),
      el('button', { type: 'button', class: 'small', title: `Path to ${h.label}`, onclick: () => actions.pathEnd('to', h.id) }, 'to'))),
    total > hits.length ? el('li', { class: 'muted' }, `${total - hits.length} more: refine the words.`) : '');
}
