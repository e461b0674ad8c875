// The node-link picture: Cytoscape.js on a canvas. Layouts: fCoSE (force-directed) for up to
// 300 nodes, rings by distance from the focus above that, layers from the start for paths.
/* global cytoscape, cytoscapeFcose */
import { PROVENANCE_TYPES, typeStyle } from './types.js';

const STYLE = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)', shape: 'data(shape)', width: 24, height: 24,
      label: 'data(label)', 'font-size': 9, color: '#1d1d1d', 'text-valign': 'bottom', 'text-margin-y': 3,
      'min-zoomed-font-size': 7,
      'text-background-color': '#ffffff', 'text-background-opacity': 0.75, 'text-background-padding': 1,
      'border-width': 1, 'border-color': '#ffffff',
    },
  },
  { selector: 'node.focus', style: { width: 38, height: 38, 'border-width': 3, 'border-color': '#111111', 'font-size': 11, 'font-weight': 'bold' } },
  { selector: 'node.end', style: { width: 34, height: 34, 'border-width': 3, 'border-color': '#0b4fb3', 'font-weight': 'bold' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#0b66ff', 'overlay-opacity': 0 } },
  {
    selector: 'edge',
    style: {
      width: 1.3, 'line-color': '#9a9a9a', 'target-arrow-color': '#9a9a9a', 'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8, 'curve-style': 'bezier', label: 'data(type)', 'font-size': 7, color: '#4a4a4a',
      'text-rotation': 'autorotate', 'min-zoomed-font-size': 8,
      'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
    },
  },
  { selector: 'edge.provenance', style: { 'line-style': 'dashed', 'line-color': '#c9c9c9', 'target-arrow-color': '#c9c9c9' } },
  { selector: 'edge:selected', style: { width: 3, 'line-color': '#0b66ff', 'target-arrow-color': '#0b66ff', 'overlay-opacity': 0 } },
  { selector: 'edge.path', style: { width: 3, 'line-color': '#0b4fb3', 'target-arrow-color': '#0b4fb3', 'z-index': 9, color: '#0b2f66' } },
  { selector: '.faded', style: { opacity: 0.18 } },
];

// Above this many elements, straight edges: bezier edges (which keep parallel edges apart) need
// control points worked out per pair of nodes; at that size the picture is too small to show them.
const LARGE = 800;

// Labels are cut here rather than by Cytoscape's 'text-wrap: ellipsis', which measures the text
// again at every position change: most of the cost of moving a thousand nodes.
const short = (label) => (label.length > 28 ? `${label.slice(0, 27)}…` : label);

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

export function createView(container, on) {
  // cytoscape-fcose registers itself with the global cytoscape when it loads.
  if (!cytoscape('layout', 'fcose')) cytoscape.use(cytoscapeFcose);
  const cy = cytoscape({ container, style: STYLE, minZoom: 0.02, maxZoom: 4, boxSelectionEnabled: false, selectionType: 'single', textureOnViewport: true });
  cy.on('tap', 'node', (e) => on.nodeTap(e.target.id()));
  cy.on('dbltap', 'node', (e) => on.nodeDoubleTap(e.target.id()));
  cy.on('tap', 'edge', (e) => on.edgeTap(e.target.id()));
  cy.on('tap', (e) => { if (e.target === cy) on.backgroundTap(); });

  let curveStyle = 'bezier';

  /** Makes the drawing hold exactly the model's elements; new nodes start near `around`. */
  function sync(model, around) {
    const origin = (around && cy.$id(around).nonempty()) ? cy.$id(around).position() : { x: 0, y: 0 };
    const add = [];
    cy.batch(() => {
      cy.elements().filter((el) => (el.isNode() ? !model.nodes.has(el.id()) : !model.edges.has(el.id()))).remove();
      for (const n of model.nodes.values()) {
        if (cy.$id(n.id).nonempty()) continue;
        const { color, shape } = typeStyle(n.type);
        const angle = Math.random() * 2 * Math.PI;
        const r = 40 + Math.random() * 80;
        add.push({ group: 'nodes', data: { id: n.id, label: short(n.label), type: n.type, color, shape },
          position: { x: origin.x + r * Math.cos(angle), y: origin.y + r * Math.sin(angle) } });
      }
      for (const e of model.edges.values()) {
        if (cy.$id(e.id).nonempty()) continue;
        add.push({ group: 'edges', data: { id: e.id, source: e.from, target: e.to, type: e.type },
          classes: PROVENANCE_TYPES.includes(e.type) ? 'provenance' : '' });
      }
      cy.add(add);
    });
    const curve = cy.elements().length > LARGE ? 'straight' : 'bezier';
    // A stylesheet change restyles every element: only when the picture crosses the size.
    if (curve !== curveStyle) {
      curveStyle = curve;
      cy.style().selector('edge').style('curve-style', curve).update();
    }
    return add.filter((el) => el.group === 'nodes').length;
  }

  // Up to this many nodes, a force-directed layout (fCoSE); past it, rings by distance from the
  // focus: fCoSE's force pass takes seconds at a thousand nodes, and its fast spectral draft piles
  // up nodes of the same shape (the leaves of a star) on one point.
  const FORCE_MAX = 300;

  function radial(root) {
    // Breadth-first order from the root, so that each ring lists nodes in the order of their
    // parents and children sit near the parent they hang from.
    const level = new Map();
    const order = [];
    cy.elements().bfs({
      roots: root && cy.$id(root).nonempty() ? cy.$id(root) : cy.nodes()[0],
      visit: (v, _e, _u, _i, depth) => { level.set(v.id(), depth); order.push(v); },
    });
    const rest = cy.nodes().filter((v) => !level.has(v.id()));
    const top = Math.max(0, ...level.values()) + 1;
    return {
      name: 'concentric', eles: cy.collection([...order, ...rest]).union(cy.edges()), animate: false, fit: true, padding: 30,
      concentric: (v) => top - (level.get(v.id()) ?? top), levelWidth: () => 1, minNodeSpacing: 12, avoidOverlap: true,
    };
  }

  function layout({ fresh, roots, root }) {
    const n = cy.nodes().length;
    let opts;
    if (roots) {
      // Layers by distance from the start, turned to read left to right like the path list.
      opts = { name: 'breadthfirst', roots: cy.collection(roots.map((id) => cy.$id(id))), directed: false, spacingFactor: 1.1,
        animate: false, fit: true, padding: 30, transform: (_node, p) => ({ x: p.y, y: p.x }) };
    }
    else if (n > FORCE_MAX) opts = radial(root);
    else {
      opts = {
        name: 'fcose', randomize: fresh, fit: true, padding: 30, animate: !fresh && n <= 250, animationDuration: 350,
        quality: 'default', nodeRepulsion: 12000, idealEdgeLength: 90, nodeSeparation: 80,
      };
    }
    return new Promise((resolve) => {
      const l = cy.layout(opts);
      l.one('layoutstop', () => resolve());
      l.run();
    });
  }

  return {
    cy,
    /**
     * Draws the model: adds and removes elements, lays out (afresh, around a node, or in layers
     * from `roots`; large pictures in rings around `root`), and waits for the frame to be
     * painted. Returns the milliseconds it took, in total and by step.
     */
    async draw(model, { fresh = false, around, roots, root } = {}) {
      const t0 = performance.now();
      const added = sync(model, around);
      const t1 = performance.now();
      if (fresh || roots || added > 0) await layout({ fresh: fresh || cy.nodes().length === added, roots, root });
      const t2 = performance.now();
      await nextFrame();
      await nextFrame();
      const t3 = performance.now();
      const ms = (a, b) => Math.round(b - a);
      return { drawMs: ms(t0, t3), syncMs: ms(t0, t1), layoutMs: ms(t1, t2), paintMs: ms(t2, t3) };
    },
    clear() { cy.elements().remove(); },
    mark(cls, ids) {
      cy.elements(`.${cls}`).removeClass(cls);
      for (const id of ids) cy.$id(id).addClass(cls);
    },
    highlight(nodeIds, edgeIds) {
      cy.batch(() => {
        // Touching every element's classes restyles it: only those that carry one.
        cy.elements('.path, .faded').removeClass('path faded');
        if (!nodeIds) return;
        const keep = new Set([...nodeIds, ...edgeIds]);
        cy.elements().forEach((el) => el.addClass(keep.has(el.id()) ? 'path' : 'faded'));
        cy.nodes('.path').removeClass('path');
      });
    },
    select(id) {
      cy.$(':selected').unselect();
      const el = cy.$id(id);
      if (el.empty()) return;
      el.select();
      const ext = cy.extent();
      const p = el.isNode() ? el.position() : el.midpoint();
      if (p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2) cy.animate({ center: { eles: el }, duration: 250 });
    },
    unselect() { cy.$(':selected').unselect(); },
    fit() { cy.fit(undefined, 30); },
    png() { return cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 4096, maxHeight: 4096 }); },
  };
}
