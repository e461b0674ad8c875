import { loadExamples } from '../../src/server/ide.js';

const examples = new Map(loadExamples().map((e) => [e.name, e.query]));

/** The text of a saved IDE example query: the tests run exactly what analysts are offered. */
export function example(name: string): string {
  const q = examples.get(name);
  if (!q) throw new Error(`No example query named ${name}`);
  return q;
}
