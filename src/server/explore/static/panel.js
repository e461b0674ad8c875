// The side panel: the selected node's fields, sources and history, or a relationship and who says so.
import { gql } from './api.js';
import { el, httpUrl, words } from './dom.js';
import { historySection } from './history.js';
import { describe } from './labels.js';
import { detailsQuery, sourcesQuery } from './queries.js';
import { REL_FIELDS } from './relfields.js';

// NodeLabel's aliases repeat fields the details already show.
const HIDDEN = new Set(['__typename', 'id', 'sources', 'personName', 'sourceTitle', 'reportAmount', 'statementKind']);

export function createPanel(root, actions) {
  let shown = 0; // a newer selection wins over a slow answer for an older one

  const refButton = (node) => {
    const d = describe(node);
    return el('button', { type: 'button', class: 'ref', title: `Show ${d.id}`, onclick: () => actions.show(d.id) }, d.label, ' ', el('span', { class: 'type' }, d.type));
  };

  function value(v) {
    if (v == null || (Array.isArray(v) && v.length === 0)) return null;
    if (Array.isArray(v)) return el('ul', {}, v.map((x) => el('li', {}, value(x))));
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    if (typeof v === 'number') return v.toLocaleString('en');
    if (typeof v !== 'object') return String(v);
    if (v.__typename && v.id) return refButton(v);
    if ('iso' in v) return v.asReported ? `${v.iso} (“${v.asReported}”)` : v.iso;
    if ('display' in v) return v.display;
    return fields(v);
  }

  function fields(obj) {
    const dl = el('dl');
    for (const [k, v] of Object.entries(obj)) {
      if (HIDDEN.has(k)) continue;
      const shownValue = value(v);
      if (shownValue == null) continue;
      dl.append(el('dt', {}, words(k)), el('dd', {}, shownValue));
    }
    return dl;
  }

  function sourceItem(ref, onLink) {
    const s = ref.source;
    const title = s.title ?? s.url ?? s.id;
    // Only an http(s) URL becomes a link; any other value is shown as text.
    const href = httpUrl(s.url);
    const who = ref.attributedTo ? (ref.attributedTo.name ?? ref.attributedTo.personName) : null;
    return el('li', { class: onLink ? 'on-link' : null },
      href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, title) : title,
      s.publisher?.name ? ` — ${s.publisher.name}` : '',
      s.publishedOn ? `, ${s.publishedOn.iso}` : (s.dateNote ? `, ${s.dateNote}` : ''),
      ref.attribution ? el('span', { class: 'attribution' }, ` · ${ref.attribution}`) : '',
      who ? ` · attributed to ${who}` : '',
      el('span', { class: 'about' }, ref.about.length ? ` · supports: ${ref.about.join(', ')}` : ' · supports the whole entry'),
      onLink ? el('strong', {}, ' · this link') : '');
  }

  function sources(refs, linkFields) {
    if (!refs) return null;
    if (refs.length === 0) return el('p', { class: 'muted' }, 'No source recorded.');
    return el('ol', { class: 'sources' }, refs.map((r) => sourceItem(r, linkFields && r.about.some((f) => linkFields.includes(f)))));
  }

  const actionsBar = (d) => el('div', { class: 'actions' },
    el('button', { type: 'button', onclick: () => actions.expand(d.id) }, 'Expand'),
    el('button', { type: 'button', onclick: () => actions.focus(d.id) }, 'Focus here'),
    el('button', { type: 'button', onclick: () => actions.pathEnd('from', d.id) }, 'Path from'),
    el('button', { type: 'button', onclick: () => actions.pathEnd('to', d.id) }, 'Path to'));

  // As known on the picture's day: the best values and sources of then.
  async function load(query, id) {
    try {
      return (await gql(query, { id, asOf: actions.asOf() ?? undefined })).node;
    } catch (e) {
      return { error: e.message };
    }
  }

  return {
    clear() {
      shown += 1;
      root.replaceChildren(el('p', { class: 'muted' }, 'Select a node or a relationship in the picture or in the list of drawn nodes.'));
    },

    async showNode(d) {
      const ticket = ++shown;
      const body = el('div', { class: 'muted' }, 'Loading…');
      const day = actions.asOf();
      root.replaceChildren(el('h3', {}, d.label), el('p', { class: 'type-line' }, d.type, ' · ', el('code', {}, d.id)),
        day ? el('p', { class: 'muted as-of-line' }, `Fields and sources as known on ${day}.`) : '', actionsBar(d), body,
        historySection(d.id, actions.show));
      const node = await load(detailsQuery(d.type), d.id);
      if (ticket !== shown) return;
      if (!node || node.error) { body.replaceWith(el('p', { class: 'error' }, node?.error ?? 'Not found.')); return; }
      body.replaceWith(fields(node), node.sources ? el('h4', {}, `Sources (${node.sources.length})`) : '', sources(node.sources) ?? '');
    },

    async showEdge(edge, from, to) {
      const ticket = ++shown;
      const linkFields = REL_FIELDS[edge.type] ?? [];
      const body = el('div', { class: 'muted' }, 'Loading sources…');
      root.replaceChildren(
        el('h3', {}, edge.type),
        el('p', { class: 'type-line' }, 'relationship'),
        el('dl', {}, el('dt', {}, 'from'), el('dd', {}, refOf(from)), el('dt', {}, 'to'), el('dd', {}, refOf(to))),
        el('h4', {}, 'Who says so'),
        body);
      const ends = [from, to].filter((n) => n && sourcesQuery(n.type));
      const answers = await Promise.all(ends.map((n) => load(sourcesQuery(n.type), n.id)));
      if (ticket !== shown) return;
      const parts = ends.map((n, i) => [el('h5', {}, `Sources of ${n.label}`), sources(answers[i]?.sources ?? [], linkFields)]);
      body.replaceWith(...(parts.length ? parts.flat()
        : [el('p', { class: 'muted' }, 'A provenance link: the source itself is the node at its end.')]));

      function refOf(n) {
        return n ? el('button', { type: 'button', class: 'ref', onclick: () => actions.show(n.id) }, n.label, ' ', el('span', { class: 'type' }, n.type)) : '?';
      }
    },
  };
}
