// The side panel's History: the changes curators made to an entity and to the facts that hang on
// it (the API's `history`), newest first, a page at a time. Every value is shown as text.
import { gql } from './api.js';
import { el, httpUrl, words } from './dom.js';
import { HISTORY } from './queries.js';

const PAGE = 10;

/** A property's value as the API gives it (JSON text; null: it had none): a string without its quotes. */
function shownValue(json) {
  if (json == null) return el('span', { class: 'muted' }, 'none');
  try {
    const v = JSON.parse(json);
    return typeof v === 'string' ? v : json;
  } catch {
    return json;
  }
}

function sourceLink(s) {
  const title = s.title ?? s.url ?? s.id;
  // Only an http(s) URL becomes a link; any other value is shown as text.
  const href = httpUrl(s.url);
  return el('li', {}, href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, title) : title,
    s.publisher?.name ? ` — ${s.publisher.name}` : '');
}

/** The properties a change set, by entity: the selected one's first, another's (an estimate's) under its id, as the details name fields. */
function propertyLists(c, id, show) {
  const byEntity = new Map([[id, []]]);
  // A property with no value before or after (an optional field left out) says nothing.
  for (const p of c.properties.filter((x) => x.before != null || x.after != null)) byEntity.set(p.entity, [...(byEntity.get(p.entity) ?? []), p]);
  return [...byEntity].filter(([, props]) => props.length).flatMap(([entity, props]) => [
    entity === id ? '' : el('p', { class: 'change-entity' }, 'on ',
      el('button', { type: 'button', class: 'ref', title: `Show ${entity}`, onclick: () => show(entity) }, entity)),
    el('dl', {}, props.flatMap((p) => [el('dt', {}, words(p.property)), el('dd', {}, shownValue(p.before), ' → ', shownValue(p.after))])),
  ]);
}

/** One change: when, what, who; each property set, before → after; the sources it rests on. */
function changeItem(c, id, show) {
  return el('li', { dataset: { change: c.id } },
    el('p', { class: 'change-head' },
      el('time', { datetime: c.at, title: c.requestId ? `${c.at} · request ${c.requestId}` : c.at }, `${c.at.slice(0, 16).replace('T', ' ')} UTC`),
      ' · ', el('strong', { class: 'operation' }, c.operation.toLowerCase().replaceAll('_', ' ')),
      ' · ', el('span', { class: 'actor' }, c.actor.subject, ' ', el('span', { class: 'type' }, `(${c.actor.role})`))),
    c.reason ? el('p', { class: 'change-reason' }, 'Why: ', c.reason) : '',
    c.revertOf ? el('p', { class: 'muted' }, 'Undoes change ', c.revertOf) : '',
    propertyLists(c, id, show),
    c.sources.length ? el('ol', { class: 'change-sources', 'aria-label': 'Sources of the change' }, c.sources.map(sourceLink)) : '');
}

/**
 * The History section of the entity `id`: its first page is fetched at once, "More" fetches the
 * next (the page's endCursor as `after`). `show(id)` selects another entity a change touched.
 */
export function historySection(id, show) {
  const list = el('ol', { class: 'history' });
  const status = el('p', { class: 'muted' }, 'Loading history…');
  const more = el('button', { type: 'button', class: 'small more', hidden: true }, 'More');
  let after = null;

  async function load() {
    more.disabled = true;
    try {
      const { history } = await gql(HISTORY, { id, first: PAGE, after });
      list.append(...history.edges.map((e) => changeItem(e.node, id, show)));
      after = history.pageInfo.endCursor;
      more.hidden = !history.pageInfo.hasNextPage;
      status.className = 'muted';
      status.textContent = 'No recorded change.';
      status.hidden = list.childElementCount > 0;
    } catch (e) {
      status.className = 'error';
      status.textContent = `History: ${e.message}`;
      status.hidden = false;
    } finally {
      more.disabled = false;
    }
  }

  more.addEventListener('click', load);
  load();
  return el('section', { class: 'history', 'aria-label': 'History' }, el('h4', {}, 'History'), list, status, more);
}
