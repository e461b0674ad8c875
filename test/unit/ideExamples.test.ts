import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('../../src/server/ide/examples/', import.meta.url));

describe('the IDE examples', () => {
  it('a file numbered NN that answers a question of the domain is question NN', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.graphql'));
    const numbered = files.map((f) => ({ f, n: Number(f.slice(0, 2)), q: /^# Question (\d+)/m.exec(readFileSync(`${DIR}${f}`, 'utf8'))?.[1] }));
    const questions = numbered.filter((x) => x.q !== undefined);
    expect(questions.length).toBeGreaterThanOrEqual(10);
    for (const x of questions) expect(Number(x.q), x.f).toBe(x.n);
  });
});
