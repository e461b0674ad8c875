// What to fetch: depth, limit, path length, which relationship types and as known on which day; read from and kept
// in the URL so a picture can be shared as a link.
import { el } from './dom.js';
import { HUB_TYPES, PROVENANCE_TYPES } from './types.js';

export const LIMITS = { depth: [1, 3, 2], limit: [1, 1000, 200], hops: [1, 6, 6] }; // min, max, default

function bounded(raw, [min, max, dflt]) {
  const n = Number.parseInt(raw ?? '', 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : dflt;
}

/** Settings from the query string; `types` are the ticked non-provenance types. */
export function readSettings(params, allTypes) {
  const linkTypes = allTypes.filter((t) => !PROVENANCE_TYPES.includes(t));
  const listed = params.get('types');
  const types = listed != null
    ? new Set(listed.split(',').filter((t) => linkTypes.includes(t)))
    : new Set(linkTypes.filter((t) => !HUB_TYPES.includes(t)));
  return {
    depth: bounded(params.get('depth'), LIMITS.depth),
    limit: bounded(params.get('limit'), LIMITS.limit),
    hops: bounded(params.get('hops'), LIMITS.hops),
    provenance: params.get('provenance') === '1',
    // The picture as known on this day (the API checks it); null: as the graph stands.
    asOf: params.get('asOf')?.trim().slice(0, 40) || null,
    linkTypes,
    types,
  };
}

/** The relationshipTypes argument of neighbourhood and paths. */
export const apiTypes = (s) => [...s.types, ...(s.provenance ? PROVENANCE_TYPES : [])];

/** The URL of the current view: mode-specific ids, then the settings that differ from default. */
export function settingsUrl(s, where) {
  const p = new URLSearchParams(where);
  if (s.depth !== LIMITS.depth[2]) p.set('depth', s.depth);
  if (s.limit !== LIMITS.limit[2]) p.set('limit', s.limit);
  if (s.hops !== LIMITS.hops[2]) p.set('hops', s.hops);
  if (s.provenance) p.set('provenance', '1');
  if (s.asOf) p.set('asOf', s.asOf);
  const dflt = s.linkTypes.filter((t) => !HUB_TYPES.includes(t));
  if (dflt.length !== s.types.size || dflt.some((t) => !s.types.has(t))) p.set('types', [...s.types].join(','));
  const q = p.toString();
  return `${location.pathname}${q ? `?${q}` : ''}`;
}

/** Binds the form controls to the settings; onChange runs after any change. */
export function bindControls(s, ui, onChange) {
  ui.depth.value = String(s.depth);
  ui.limit.value = String(s.limit);
  ui.hops.value = String(s.hops);
  ui.provenance.checked = s.provenance;
  ui.depth.addEventListener('change', () => { s.depth = bounded(ui.depth.value, LIMITS.depth); onChange(); });
  ui.limit.addEventListener('change', () => { s.limit = bounded(ui.limit.value, LIMITS.limit); ui.limit.value = String(s.limit); onChange(); });
  ui.hops.addEventListener('change', () => { s.hops = bounded(ui.hops.value, LIMITS.hops); onChange(); });
  ui.provenance.addEventListener('change', () => { s.provenance = ui.provenance.checked; onChange(); });

  const boxes = s.linkTypes.map((t) => {
    const box = el('input', { type: 'checkbox', value: t, name: 'type', checked: s.types.has(t) });
    box.addEventListener('change', () => { if (box.checked) s.types.add(t); else s.types.delete(t); onChange(); });
    return el('label', {}, box, ` ${t}`);
  });
  const setAll = (on) => () => {
    for (const label of boxes) label.firstChild.checked = on;
    s.types = new Set(on ? s.linkTypes : []);
    onChange();
  };
  ui.types.replaceChildren(
    el('div', { class: 'actions' },
      el('button', { type: 'button', onclick: setAll(true) }, 'All'),
      el('button', { type: 'button', onclick: setAll(false) }, 'None')),
    el('div', { class: 'type-boxes' }, boxes));
}
