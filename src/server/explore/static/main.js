// The explorer's state and actions: what the picture was built from (focus, expansions, paths),
// replayed when the settings change, and the wiring of the page's controls.
import { gql } from './api.js';
import { exportJson, exportPng } from './exporting.js';
import { renderLegend } from './legend.js';
import { markSelected, renderNodeList } from './list.js';
import { GraphModel } from './model.js';
import { createPanel } from './panel.js';
import { pathIds, renderPaths } from './pathlist.js';
import { fetchOp } from './ops.js';
import { RELATIONSHIP_TYPES } from './queries.js';
import { renderResults, resolveEntity, search } from './search.js';
import { bindControls, readSettings, settingsUrl } from './settings.js';
import { createView } from './view.js';

// The page holds at most this many nodes, whatever is expanded; past it, nodes are left out
// and the notice says so. The API caps each neighbourhood at `limit` (at most 1,000).
const MAX_NODES = 2000;

const $ = (id) => document.getElementById(id);
const status = $('status');
const notice = $('notice');

const state = {
  settings: null,
  mode: null, // 'neighbourhood' | 'paths'
  ops: [], // what the picture is built from, in order: { kind: 'neighbourhood', id } | { kind: 'paths', from, to }
  paths: null,
  truncations: [],
  generation: 0, // a newer focus or path search makes older answers stale
  selected: null,
};
let model = new GraphModel(MAX_NODES);

const panel = createPanel($('details'), {
  show: (id) => (model.nodes.has(id) ? select(id) : focus(id)),
  expand: (id) => expand(id),
  focus: (id) => focus(id),
  pathEnd: (end, id) => pathEnd(end, id),
});
const view = createView($('graph'), {
  nodeTap: (id) => { select(id); expand(id); },
  nodeDoubleTap: (id) => focus(id),
  edgeTap: (id) => selectEdge(id),
  backgroundTap: () => { state.selected = null; view.unselect(); markSelected($('node-list'), null); panel.clear(); },
});
// For the browser tests and the console: the Cytoscape instance and the model.
window.explorer = { cy: view.cy, get model() { return model; }, state };

function setStatus(kind, text, data = {}) {
  status.dataset.state = kind;
  Object.assign(status.dataset, data);
  status.textContent = text;
}

function showNotices() {
  const lines = [...state.truncations];
  if (model.dropped > 0) lines.push(`${model.dropped.toLocaleString('en')} more nodes were not drawn: the picture holds at most ${MAX_NODES.toLocaleString('en')}. Focus on one of them or untick relationship types.`);
  notice.hidden = lines.length === 0;
  notice.replaceChildren(...lines.map((l) => Object.assign(document.createElement('p'), { textContent: `Truncated: ${l}` })));
}

function refreshLists() {
  renderNodeList($('node-list'), $('node-count'), model.nodes.values(), select);
  markSelected($('node-list'), state.selected);
  renderPaths($('path-list'), state.paths, model, pickPath);
  showNotices();
}

async function draw(opts, fetchMs) {
  const roots = state.mode === 'paths' ? [state.ops[0].from] : undefined;
  const root = state.mode === 'neighbourhood' ? state.ops[0].id : undefined;
  const timing = await view.draw(model, { ...opts, root, roots: opts.fresh || opts.relayout ? roots : undefined });
  view.mark('focus', state.mode === 'neighbourhood' ? [state.ops[0].id] : []);
  view.mark('end', state.mode === 'paths' ? [state.ops[0].from, state.ops[0].to] : []);
  if (state.mode === 'paths' && state.paths?.length) view.highlight(...pathIds(state.paths[0]));
  else view.highlight(null);
  refreshLists();
  const nodes = model.nodes.size;
  const edges = model.edges.size;
  setStatus('ready', `${nodes.toLocaleString('en')} nodes, ${edges.toLocaleString('en')} relationships · fetched in ${fetchMs} ms, drawn in ${timing.drawMs} ms`,
    { nodes, edges, fetchMs, ...timing });
}

function fail(e) {
  setStatus('error', `Error: ${e.message}`);
}

/** Rebuilds the picture from state.ops under the current settings. */
async function rebuild({ fresh }) {
  const generation = ++state.generation;
  setStatus('loading', 'Loading…');
  try {
    const t0 = performance.now();
    const results = await Promise.all(state.ops.map((op) => fetchOp(op, state.settings)));
    if (generation !== state.generation) return;
    const fetchMs = Math.round(performance.now() - t0);
    model = new GraphModel(MAX_NODES);
    state.truncations = [];
    for (const r of results) {
      model.merge(r.nodes, r.relationships);
      if (r.truncated) state.truncations.push(r.truncated);
      if (r.paths) state.paths = r.paths;
    }
    if (fresh) view.clear();
    await draw({ fresh, relayout: state.mode === 'paths' }, fetchMs);
  } catch (e) {
    if (generation === state.generation) fail(e);
  }
}

function updateUrl() {
  const where = state.mode === 'paths' ? { from: state.ops[0].from, to: state.ops[0].to } : state.mode ? { focus: state.ops[0].id } : {};
  history.replaceState(null, '', settingsUrl(state.settings, where));
}

async function focus(id) {
  if (!await settingsReady()) return;
  state.mode = 'neighbourhood';
  state.ops = [{ kind: 'neighbourhood', id }];
  state.paths = null;
  state.selected = null;
  panel.clear();
  updateUrl();
  return rebuild({ fresh: true });
}

async function findPaths(from, to) {
  if (!await settingsReady()) return;
  state.mode = 'paths';
  state.ops = [{ kind: 'paths', from, to }];
  state.paths = [];
  state.selected = null;
  panel.clear();
  updateUrl();
  return rebuild({ fresh: true });
}

async function expand(id) {
  if (state.ops.some((op) => op.kind === 'neighbourhood' && op.id === id)) return;
  const generation = state.generation;
  const op = { kind: 'neighbourhood', id };
  state.ops.push(op);
  setStatus('loading', `Expanding ${model.nodes.get(id)?.label ?? id}…`);
  try {
    const t0 = performance.now();
    const r = await fetchOp(op, state.settings);
    if (generation !== state.generation) return;
    model.merge(r.nodes, r.relationships);
    if (r.truncated) state.truncations.push(r.truncated);
    await draw({ around: id }, Math.round(performance.now() - t0));
  } catch (e) {
    if (generation === state.generation) fail(e);
  }
}

function select(id) {
  const d = model.nodes.get(id);
  if (!d) return;
  state.selected = id;
  view.select(id);
  markSelected($('node-list'), id);
  panel.showNode(d);
}

function selectEdge(id) {
  const e = model.edges.get(id);
  if (!e) return;
  state.selected = null;
  view.select(id);
  markSelected($('node-list'), null);
  panel.showEdge(e, model.nodes.get(e.from), model.nodes.get(e.to));
}

function pickPath(i) {
  if (i == null) view.highlight(null);
  else view.highlight(...pathIds(state.paths[i]));
}

function pathEnd(end, id) {
  $(`path-${end}`).value = id;
  $(`path-${end}`).focus();
}

// The relationship types come from the API's schema (introspection); the settings, and so every
// fetch, wait for them, while the controls work from the first moment.
const settingsLoaded = (async () => {
  const types = (await gql(RELATIONSHIP_TYPES)).__type?.enumValues.map((v) => v.name) ?? [];
  state.settings = readSettings(new URLSearchParams(location.search), types);
  bindControls(state.settings, { depth: $('depth'), limit: $('limit'), hops: $('hops'), provenance: $('provenance'), types: $('types') }, () => {
    updateUrl();
    if (state.mode) rebuild({ fresh: false });
  });
})();

/** False when the settings could not be loaded (the status already says why). */
async function settingsReady() {
  try {
    await settingsLoaded;
    return true;
  } catch {
    return false;
  }
}

function bindUi() {
  $('search').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = $('search-text').value.trim();
    if (!text) return;
    try {
      renderResults($('search-results'), await search(text), { focus: (id) => { $('search-results').hidden = true; focus(id); }, pathEnd });
    } catch (e) {
      fail(e);
    }
  });
  $('path-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    setStatus('loading', 'Finding paths…');
    try {
      const [from, to] = await Promise.all([resolveEntity($('path-from').value), resolveEntity($('path-to').value)]);
      if (!from || !to) { setStatus('error', `Nothing found for “${(!from ? $('path-from') : $('path-to')).value}”.`); return; }
      $('path-from').value = from.id;
      $('path-to').value = to.id;
      await findPaths(from.id, to.id);
    } catch (e) {
      fail(e);
    }
  });
  // The search results float over the picture: Escape or a click elsewhere closes them.
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') $('search-results').hidden = true; });
  document.addEventListener('click', (ev) => { if (!ev.target.closest('#search-results, #search')) $('search-results').hidden = true; });
  $('fit').addEventListener('click', () => view.fit());
  $('relayout').addEventListener('click', () => { if (state.mode) draw({ fresh: true, relayout: true }, 0); });
  $('export-png').addEventListener('click', () => exportPng(view, 'incident-graph'));
  $('export-json').addEventListener('click', () => exportJson(model, {
    ops: state.ops, paths: state.paths, truncated: state.truncations,
    settings: state.settings && { depth: state.settings.depth, limit: state.settings.limit, hops: state.settings.hops, provenance: state.settings.provenance, types: [...state.settings.types] },
  }, 'incident-graph'));
}

async function start() {
  renderLegend($('legend'));
  panel.clear();
  bindUi();
  try {
    await settingsLoaded;
  } catch (e) {
    fail(e);
    return;
  }
  const params = new URLSearchParams(location.search);
  const from = params.get('from');
  const to = params.get('to');
  if (from && to) {
    $('path-from').value = from;
    $('path-to').value = to;
    await findPaths(from, to);
  } else if (params.get('focus')) {
    await focus(params.get('focus'));
  } else {
    setStatus('ready', 'Search for an entity, or open /explore?focus=<id>.', { nodes: 0, edges: 0 });
  }
}

start();
