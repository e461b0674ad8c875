import type { BestValueBasisValue } from '../modules/records.js';

const RULES: Record<string, string> = {
  ONLY_REPORT: 'It is the only {one}: nothing was compared.',
  ONLY_IN_ITS_UNIT: 'It is the only {one} in its {unit}.',
  LATEST_AS_OF: 'It has the latest as-of date of the {n} {many} in its {unit} (figures are revised over time).',
  MORE_PRECISE_DATE: 'It gives the as-of period of the {n} {many} in its {unit} most precisely.',
  MORE_EXACT: 'Of the {n} {many} in its {unit}, equally recent, it is the most exact figure.',
  MOST_PRECISE_AMOUNT: 'It is the most precise of the {n} {many} in its {unit} (the same decision reported with different rounding).',
  LATEST_REPORT: 'Of the {n} {many} in its {unit}, equally precise, it was reported latest.',
  AGREEING_REPORTS: 'The {n} {many} in its {unit} agree; the latest is shown.',
  TIE_BROKEN_BY_ID: 'Nothing tells the {n} {many} in its {unit} apart: the first by id is shown.',
};

/**
 * A best value's basis from what seeds/99-derived-values.cypher stored with the choice: the rule,
 * how many others of its unit (or currency) were compared, and the units left out.
 */
export function bestValueBasis(kind: 'estimate' | 'report', rule: string | undefined, compared: number | undefined,
  otherUnits: string[] | undefined): BestValueBasisValue | null {
  if (!rule) return null;
  const unit = kind === 'estimate' ? 'unit' : 'currency';
  const others = otherUnits ?? [];
  const n = (compared ?? 0) + 1;
  let explanation = (RULES[rule] ?? rule)
    .replace('{one}', kind).replace('{n}', String(n)).replace('{many}', `${kind}s`).replace('{unit}', unit);
  if (others.length) {
    const where = others.length === 1 ? `another ${unit}` : `other ${unit === 'currency' ? 'currencies' : 'units'}`;
    explanation += ` ${others.length} ${others.length === 1 ? kind : `${kind}s`} in ${where} (${others.join(', ')})`
      + ` ${others.length === 1 ? 'counts' : 'count'} something else and ${others.length === 1 ? 'is' : 'are'} not compared with it;`
      + ` its ${unit} was chosen as the one whose best ${kind === 'estimate' ? 'figure is the most exact' : 'report is the most precise'}.`;
  }
  return { rule, explanation, compared: compared ?? 0, notComparedUnits: others };
}
