// The explorer's state and actions: what the picture was built from (focus, expansions, paths),
// replayed when the settings change, and the wiring of the page's controls.
import { gql } from './api.js';
import { createDateControl } from './asof.js';
import { exportJson, exportPng } from './exporting.js';
import { renderLegend } from './legend.js';
import { markSelected, renderNodeList } from './list.js';
import { GraphModel } from './model.js';
import { createPanel } from './panel.js';
import { pathIds, renderPaths } from './pathlist.js';
import { fetchOp } from './ops.js';
import { NODE_AS_OF, RELATIONSHIP_TYPES } from './queries.js';
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
  unknown: [], // steps left out of a picture as known on a day: their entity was not known yet
  drawnAsOf: null, // the day the picture is drawn as known on (null: as the graph stands)
  generation: 0, // a newer focus or path search makes older answers stale
  selected: null,
};
let model = new GraphModel(MAX_NODES);

// What the date control needs of the picture as the graph stands: each step's days (its nodes'
// knownOn, by opKey, under the current settings), and the type and knownOn of every node seen, to
// leave out a step whose entity was not known yet on the day asked (the API would refuse its id).
const presentDays = new Map();
const known = new Map();
const ALWAYS_KNOWN = new Set(['Country', 'DataCategory']);
const opKey = (op) => (op.kind === 'paths' ? `paths|${op.from}|${op.to}` : `neighbourhood|${op.id}`);
const opEnds = (op) => (op.kind === 'paths' ? [op.from, op.to] : [op.id]);
const knownBy = (id, day) => {
  const n = known.get(id);
  return !n || ALWAYS_KNOWN.has(n.type) || (n.knownOn != null && n.knownOn <= day);
};

const panel = createPanel($('details'), {
  show: (id) => (model.nodes.has(id) ? select(id) : focus(id)),
  asOf: () => state.drawnAsOf,
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
  const texts = [...lines.map((l) => `Truncated: ${l}`), ...state.unknown];
  notice.hidden = texts.length === 0;
  notice.replaceChildren(...texts.map((t) => Object.assign(document.createElement('p'), { textContent: t })));
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

/** The API refused the day asked: say why, and keep the picture and its day as they were. */
function refuse(day, e) {
  state.settings.asOf = state.drawnAsOf;
  updateUrl();
  dates.refused(day, e.message, state.drawnAsOf);
  fail(e);
}

function remember(nodes) {
  for (const n of nodes) known.set(n.id, { type: n.__typename, knownOn: n.knownOn ?? null });
}

/** The days the date control steps through: from the day the picture's start was known. */
function showDays() {
  const days = state.ops.flatMap((op) => presentDays.get(opKey(op)) ?? []);
  const start = opEnds(state.ops[0] ?? { id: null }).map((id) => known.get(id)?.knownOn).filter(Boolean).sort().at(-1);
  dates.setDays(start ? days.filter((d) => d && d >= start) : days);
}

/**
 * The results of `ops` as known on `asOf`. The steps' days come from the picture as the graph
 * stands: fetched first when a day is asked and the step's days are not known yet. A step whose
 * entity was not known on the day is left out, and said so in `unknown`.
 */
async function fetchPicture(ops, asOf, generation) {
  const s = state.settings;
  const undated = ops.filter((op) => !presentDays.has(opKey(op)));
  const record = (op, r) => {
    remember(r.nodes);
    if (generation === state.generation) presentDays.set(opKey(op), r.nodes.map((n) => n.knownOn));
  };
  if (asOf && undated.length) (await Promise.all(undated.map((op) => fetchOp(op, s)))).forEach((r, i) => record(undated[i], r));
  const unknown = [];
  const results = await Promise.all(ops.map(async (op) => {
    const later = asOf ? opEnds(op).find((id) => !knownBy(id, asOf)) : null;
    if (later) {
      // The entity alone: the API refuses the day, or says from when the entity is known.
      try {
        await gql(NODE_AS_OF, { id: later, asOf });
      } catch (e) {
        if (e.code !== 'NOT_FOUND') throw e;
        unknown.push(`Not drawn: ${e.message}`);
        return { nodes: [], relationships: [], paths: op.kind === 'paths' ? [] : undefined };
      }
    }
    return fetchOp(op, s, asOf);
  }));
  if (!asOf) results.forEach((r, i) => record(ops[i], r));
  else results.forEach((r) => remember(r.nodes));
  return { results, unknown };
}

/** Rebuilds the picture from state.ops under the current settings; true when it was drawn. */
async function rebuild({ fresh }) {
  const generation = ++state.generation;
  const asOf = state.settings.asOf;
  setStatus('loading', asOf ? `Loading as known on ${asOf}…` : 'Loading…');
  try {
    const t0 = performance.now();
    const { results, unknown } = await fetchPicture(state.ops, asOf, generation);
    if (generation !== state.generation) return false;
    const fetchMs = Math.round(performance.now() - t0);
    const dayChanged = state.drawnAsOf !== asOf;
    model = new GraphModel(MAX_NODES);
    state.truncations = [];
    state.unknown = unknown;
    state.drawnAsOf = asOf;
    for (const r of results) {
      model.merge(r.nodes, r.relationships);
      if (r.truncated) state.truncations.push(r.truncated);
      if (r.paths) state.paths = r.paths;
    }
    if (fresh) view.clear();
    showDays();
    dates.shown(asOf);
    await draw({ fresh, relayout: state.mode === 'paths' }, fetchMs);
    // The panel reads as known on the picture's day: a new day shows the selection anew.
    if (dayChanged && state.selected) {
      if (model.nodes.has(state.selected)) select(state.selected);
      else { state.selected = null; panel.clear(); }
    }
    return generation === state.generation;
  } catch (e) {
    if (generation !== state.generation) return false;
    if (e.refusedDay) refuse(asOf, e);
    else fail(e);
    return false;
  }
}

/** The date control's choice: the picture redrawn as known on `day` (null: as the graph stands). */
async function showDay(day) {
  if (!await settingsReady()) return false;
  state.settings.asOf = day;
  updateUrl();
  if (state.mode) return rebuild({ fresh: false });
  state.drawnAsOf = day;
  dates.shown(day);
  return true;
}

function updateUrl() {
  const where = state.mode === 'paths' ? { from: state.ops[0].from, to: state.ops[0].to } : state.mode ? { focus: state.ops[0].id } : {};
  history.replaceState(null, '', settingsUrl(state.settings, where));
}

async function focus(id) {
  if (!await settingsReady()) return;
  dates.pause();
  presentDays.clear();
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
  dates.pause();
  presentDays.clear();
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
    const asOf = state.settings.asOf;
    const { results: [r], unknown } = await fetchPicture([op], asOf, generation);
    if (generation !== state.generation) return;
    model.merge(r.nodes, r.relationships);
    if (r.truncated) state.truncations.push(r.truncated);
    state.unknown.push(...unknown);
    showDays();
    await draw({ around: id }, Math.round(performance.now() - t0));
  } catch (e) {
    if (generation !== state.generation) return;
    if (e.refusedDay) refuse(state.settings.asOf, e);
    else fail(e);
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

const dates = createDateControl({
  input: $('as-of'), slider: $('as-of-days'), back: $('as-of-back'), forward: $('as-of-forward'),
  play: $('as-of-play'), shown: $('as-of-shown'), error: $('as-of-error'),
}, showDay);

// The relationship types come from the API's schema (introspection); the settings, and so every
// fetch, wait for them, while the controls work from the first moment.
const settingsLoaded = (async () => {
  const types = (await gql(RELATIONSHIP_TYPES)).__type?.enumValues.map((v) => v.name) ?? [];
  state.settings = readSettings(new URLSearchParams(location.search), types);
  dates.set(state.settings.asOf);
  dates.shown(state.settings.asOf);
  bindControls(state.settings, { depth: $('depth'), limit: $('limit'), hops: $('hops'), provenance: $('provenance'), types: $('types') }, () => {
    updateUrl();
    presentDays.clear();
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
    asOf: state.drawnAsOf, ops: state.ops, paths: state.paths, truncated: state.truncations,
    settings: state.settings && { asOf: state.settings.asOf, depth: state.settings.depth, limit: state.settings.limit, hops: state.settings.hops, provenance: state.settings.provenance, types: [...state.settings.types] },
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
