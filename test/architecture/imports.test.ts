import { createRequire } from 'node:module';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const rules = createRequire(import.meta.url)('./dependencyRules.cjs');

describe('imports of src/', () => {
  it('close no circle and follow the layering rules (test/architecture/dependencyRules.cjs)', async () => {
    const result = await cruise(['src'], { ruleSet: rules, validate: true, ...rules.options });
    const output = result.output as ICruiseResult;
    const violations = output.summary.violations.map((v) => `${v.rule.name}: ${[v.from, ...(v.cycle?.map((c) => c.name) ?? [v.to])].join(' -> ')}`);
    expect(violations).toEqual([]);
    // The rules saw the code: a cruise of nothing would pass as well.
    expect(output.summary.totalCruised).toBeGreaterThan(100);
  });
});
