import type { Catalogue, DecisionRecord, Problem } from '../catalogue.js';
import {
  countryCode, decimalAmount, httpUrl, isoDay, isPlaceholder, looksLikeProvision, looksLikeUrl, short, startsLikeArticle,
} from '../fieldChecks.js';
import { isGeneric, key, parseName } from '../names.js';

/**
 * GDPR fines 2018-2020: the facts-only table of data/gdpr-fines-2018-2020.tsv, derived from
 * TidyTuesday's copy of the Privacy Affairs tracker (its note .md beside it lists the file's
 * quality problems; the checks below are those problems, found by their shape, not by row number).
 * A row becomes a decision of a data protection authority against a controller: with an amount,
 * a Fine (kind ADMINISTRATIVE_FINE, as the GDPR calls them) in EUR; with amount 0, a decision
 * reported without an amount (the note: fines announced but not final, or of unknown amount).
 */
const GDPR_APPLIES = '2018-05-25';
// The note: amount 0 covers "fines that were announced but not final (Marriott, British Airways)";
// a row says it is such an announcement only by its link, the authority's "intention to fine".
const INTENTION_TO_FINE = /intention[-_]to[-_]fine|notice[-_]of[-_]intent/i;

export const gdprFines: Catalogue = {
  name: 'gdpr-fines',
  description: 'GDPR fines by European data protection authorities, 2018-2020 (Privacy Affairs via TidyTuesday), tab-separated',
  source: {
    id: 'gdpr-fines-2018-2020',
    title: 'GDPR fines tracker, as of April 2020',
    url: 'https://www.privacyaffairs.com/gdpr-fines/',
    publishedOn: '2020-04',
    dateNote: 'Facts as Privacy Affairs reported them in April 2020, in the TidyTuesday data of the week of 2020-04-21 '
      + '(rfordatascience/tidytuesday, data/2020/2020-04-21/gdpr_violations.tsv at commit 2c423bacc57e4632ff8550557e0bc823eefa31ab); '
      + 'not checked against the authorities’ decisions.',
    publisher: { id: 'privacy-affairs', name: 'Privacy Affairs' },
  },
  delimiter: '\t',
  columns: ['row_id', 'country', 'amount_eur', 'authority', 'decision_date', 'controller', 'articles', 'violation_type', 'source_url'],

  map({ line, fields: f }) {
    const problems: Problem[] = [];
    const error = (column: string, message: string) => problems.push({ line, column, message, severity: 'error' });
    const warn = (column: string, message: string) => problems.push({ line, column, message, severity: 'warning' });

    if (!/^[1-9]\d*$/.test(f.row_id!)) error('row_id', `"${short(f.row_id!)}" is not a positive integer`);

    const code = f.country ? countryCode(f.country) : null;
    if (!f.country) error('country', 'empty');
    else if (!code) error('country', `"${short(f.country)}" is not a country name`);

    const amountProblem = decimalAmount(f.amount_eur!);
    if (amountProblem) error('amount_eur', amountProblem);

    const authority = parseName(f.authority!);
    if (!f.authority) error('authority', 'empty');
    else if (isGeneric(authority)) error('authority', `"${short(f.authority)}" does not name an authority`);

    let date: DecisionRecord['date'] = null;
    if (f.decision_date) {
      const bad = isoDay(f.decision_date);
      if (bad) error('decision_date', bad);
      else if (f.decision_date.endsWith('-01-01')) {
        // The note: 1 January may stand for "some time in that year"; keep the year, and the day as read.
        date = { iso: f.decision_date.slice(0, 4), asReported: `${f.decision_date} in the catalogue (1 January may stand for the year)` };
        warn('decision_date', `${f.decision_date} kept as the year ${date.iso} (1 January may stand for "some time in ${date.iso}")`);
      } else date = { iso: f.decision_date, asReported: null };
      if (!bad && f.decision_date < GDPR_APPLIES) warn('decision_date', `${f.decision_date} is before the GDPR applied (${GDPR_APPLIES})`);
    }

    if (!f.controller) error('controller', 'empty');
    else if (looksLikeUrl(f.controller)) error('controller', `"${short(f.controller)}" is a URL, not a party`);

    const articles = (f.articles ?? '').split('|').map((a) => a.trim()).filter((a) => a && !isPlaceholder(a));
    for (const a of articles) {
      if (!looksLikeProvision(a)) error('articles', `"${short(a)}" is not a legal provision (a violation type in the wrong column?)`);
    }

    const violation = f.violation_type ?? '';
    if (looksLikeUrl(violation)) error('violation_type', `"${short(violation)}" is a URL, not a violation type`);
    else if (startsLikeArticle(violation)) error('violation_type', `"${short(violation)}" is a legal provision, not a violation type (columns swapped?)`);

    const urlProblem = httpUrl(f.source_url ?? '');
    if (urlProblem) error('source_url', urlProblem);

    if (problems.some((p) => p.severity === 'error')) return { record: null, problems };
    // 0 is how the catalogue writes "no amount": a decision without one, never a fine of EUR 0.
    const noAmount = /^0+(\.0+)?$/.test(f.amount_eur!);
    return {
      record: {
        line,
        row: f.row_id!,
        authority: { name: authority.text, country: { code: code!, name: f.country! } },
        company: { name: f.controller! },
        amount: noAmount ? null : { amount: f.amount_eur!.replace(/^0+(?=\d)/, ''), currency: 'EUR' },
        stage: noAmount && INTENTION_TO_FINE.test(f.source_url!) ? 'NOTICE_OF_INTENT' : 'DECISION',
        date,
        articles,
        violationType: violation && !isPlaceholder(violation) ? violation : null,
        url: f.source_url!,
        fineKind: 'ADMINISTRATIVE_FINE',
      },
      problems,
    };
  },

  checkAcross(records) {
    // A controller that is another row's authority: the two columns are swapped (note 2, row 229).
    const authorities = new Set(records.map((r) => key(parseName(r.authority.name).base)));
    const problems: Problem[] = records.filter((r) => authorities.has(key(parseName(r.company.name).base))).map((r) => ({
      line: r.line, column: 'controller', severity: 'error' as const,
      message: `"${short(r.company.name)}" is an authority in other rows (authority and controller swapped?)`,
    }));
    // Rows that repeat another in every fact may be one decision listed twice; the catalogue lists
    // them as two, and so does the graph, with this warning.
    const seen = new Map<string, DecisionRecord>();
    for (const r of records) {
      const k = JSON.stringify([r.authority.name, r.company.name, r.date?.iso, r.amount?.amount, r.url]);
      const first = seen.get(k);
      if (first) problems.push({ line: r.line, column: 'row_id', severity: 'warning', message: `repeats row ${first.row} (line ${first.line}) in every fact; imported as a decision of its own` });
      else seen.set(k, r);
    }
    return problems;
  },
};
