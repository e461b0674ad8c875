// Saving the current picture: PNG from the canvas, JSON of its nodes and relationships.

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

export function exportPng(view, name) {
  download(view.png(), `${name}-${stamp()}.png`);
}

export function exportJson(model, meta, name) {
  const body = { ...meta, exportedAt: new Date().toISOString(), ...model.toJSON() };
  download(new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }), `${name}-${stamp()}.json`);
}
