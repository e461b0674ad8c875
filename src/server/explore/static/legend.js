// The key to the picture: each type's colour and shape.
import { el } from './dom.js';
import { NODE_TYPES } from './types.js';

export function renderLegend(root) {
  root.replaceChildren(...Object.entries(NODE_TYPES).map(([type, { color, shape }]) => {
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = color;
    return el('li', {}, swatch, type, el('span', { class: 'muted' }, ` ${shape.replaceAll('-', ' ')}`));
  }));
}
