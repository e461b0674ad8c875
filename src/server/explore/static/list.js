// The drawn nodes as a list: what the canvas shows, for keyboards, screen readers and tests.
import { el } from './dom.js';

const byTypeThenLabel = (a, b) => a.type.localeCompare(b.type) || a.label.localeCompare(b.label);

export function renderNodeList(list, count, nodes, onPick) {
  const items = [...nodes].sort(byTypeThenLabel).map((n) => el('li', { dataset: { id: n.id, type: n.type } },
    el('button', { type: 'button', onclick: () => onPick(n.id) },
      el('span', { class: 'name' }, n.label), ' ', el('span', { class: 'type' }, n.type))));
  list.replaceChildren(...items);
  count.textContent = String(items.length);
}

export function markSelected(list, id) {
  for (const li of list.querySelectorAll('li[aria-current]')) li.removeAttribute('aria-current');
  if (id) list.querySelector(`li[data-id="${CSS.escape(id)}"]`)?.setAttribute('aria-current', 'true');
}
