// How each type of node is drawn: a colour and a shape, so types differ without colour too.
export const NODE_TYPES = {
  Incident: { color: '#d62728', shape: 'diamond' },
  Company: { color: '#1f77b4', shape: 'round-rectangle' },
  Authority: { color: '#2ca02c', shape: 'hexagon' },
  Person: { color: '#9467bd', shape: 'ellipse' },
  Investigation: { color: '#ff7f0e', shape: 'triangle' },
  Fine: { color: '#8c564b', shape: 'star' },
  FineReport: { color: '#c49c94', shape: 'pentagon' },
  Statement: { color: '#e377c2', shape: 'round-tag' },
  Event: { color: '#bcbd22', shape: 'octagon' },
  Estimate: { color: '#17becf', shape: 'barrel' },
  DataExposure: { color: '#7f7f7f', shape: 'rhomboid' },
  DataCategory: { color: '#aec7e8', shape: 'cut-rectangle' },
  Suspicion: { color: '#ff9896', shape: 'concave-hexagon' },
  Position: { color: '#c5b0d5', shape: 'tag' },
  Source: { color: '#dbdb8d', shape: 'rectangle' },
  Publisher: { color: '#98df8a', shape: 'round-pentagon' },
  Country: { color: '#ffbb78', shape: 'round-octagon' },
};
const OTHER = { color: '#bbbbbb', shape: 'ellipse' };

export const typeStyle = (type) => NODE_TYPES[type] ?? OTHER;

/** Links from a fact to the source behind it: shown only when asked for. */
export const PROVENANCE_TYPES = ['SOURCED_FROM', 'PUBLISHED_BY'];

/**
 * Links to reference nodes every case shares (the country, the data category). Two hops
 * through them reach every incident of the country, which buries the case's own structure,
 * so they start unticked in the filter.
 */
export const HUB_TYPES = ['IN_COUNTRY', 'OF_CATEGORY'];
