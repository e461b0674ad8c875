// The paths found, shortest first; picking one highlights it in the picture.
import { el } from './dom.js';
import { edgeKey } from './model.js';

export function renderPaths(root, paths, model, onPick) {
  if (!paths) { root.replaceChildren(); root.closest('section').hidden = true; return; }
  root.closest('section').hidden = false;
  if (paths.length === 0) { root.replaceChildren(el('li', { class: 'muted' }, 'No path with these settings.')); return; }
  const name = (id) => model.nodes.get(id)?.label ?? id;
  root.replaceChildren(...paths.map((p, i) => {
    const steps = [name(p.nodes[0].id)];
    p.relationships.forEach((r, k) => {
      const forward = r.from === p.nodes[k].id;
      steps.push(forward ? ` —${r.type}→ ` : ` ←${r.type}— `, name(p.nodes[k + 1].id));
    });
    return el('li', {}, el('button', { type: 'button', class: 'path', onclick: () => onPick(i) },
      el('strong', {}, `${p.length} hop${p.length === 1 ? '' : 's'}: `), steps.join('')));
  }), el('li', {}, el('button', { type: 'button', onclick: () => onPick(null) }, 'Show all paths')));
}

/** Node and relationship ids of a path, as drawn. */
export const pathIds = (p) => [p.nodes.map((n) => n.id), p.relationships.map(edgeKey)];
