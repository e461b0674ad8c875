import type { FineReportInput, InvestigationStatus, MoneyInput, Resolvers } from '../../generated/resolvers.js';
import { badInput } from '../../errors.js';
import { firstDay, lastDay } from '../../domain/partialDate.js';
import { echoed } from '../../read/knownIds.js';
import { mutate, type Applied, type WriteTx } from '../../write/mutate.js';
import type { Link, Props } from '../../write/changeset.js';
import { MAX_SHORT, MAX_TEXT, id, newId, sourceRefs, text } from '../../write/validate.js';
import { reads } from '../fields.js';
import type { FineRecord, FineReportRecord, InvestigationRecord } from './records.js';

/**
 * The investigation domain's curated writes (issue 24), drawn as the seeds draw them
 * (seeds/05-sk-telecom-breach-2025.cypher): (Authority)-[:IMPOSED]->(Fine)-[:AGAINST]->(Company),
 * (Fine)-[:FOR_INCIDENT]->(Incident), (Investigation)-[:RESULTED_IN]->(Fine),
 * (Fine)-[:REPORTED_AS]->(FineReport); (Authority)-[:CONDUCTS]->(Investigation)-[:INTO]->(Incident).
 * Every value is checked before anything is sent to Neo4j; the fine's best amount, date and USD
 * amount and the authority's newest fines are chosen again by src/write/'s refresh.
 */

/**
 * An amount as a report gives it: a plain decimal, not negative, without leading zeros, within
 * what the derived sort keys hold exactly (24 digits before the point and 6 after,
 * cypher/write/refresh.cypher's amountKey).
 */
const AMOUNT = /^(0|[1-9]\d{0,23})(\.\d{1,6})?$/;
/** ISO 4217 codes, as reads check a currency (src/read/knownIds.ts). */
const ISO_4217: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
/** Conversions one report may quote. */
const MAX_CONVERSIONS = 10;
/** Authorities one investigation may name at once. */
const MAX_AUTHORITIES = 20;

function top(argument: string): string {
  return argument.split('.')[0]!;
}

function money(value: string, argument: string): string {
  if (AMOUNT.test(value)) return value;
  if (value.startsWith('-')) throw badInput(`${argument} must not be negative: "${echoed(value)}".`, top(argument));
  throw badInput(`${argument}: "${echoed(value)}" is not an amount a report can hold: digits without leading zeros ("134800000000", "0.5"), at most 24 before the point and 6 after.`, top(argument));
}

function currency(value: string, argument: string): string {
  if (/^[A-Z]{3}$/.test(value) && ISO_4217.has(value)) return value;
  const upper = value.trim().toUpperCase();
  const hint = ISO_4217.has(upper) ? ` Write it in upper case: "${upper}".` : '';
  throw badInput(`${argument}: "${echoed(value)}" is not an ISO 4217 currency code (three upper-case letters, "KRW").${hint}`, top(argument), { unknown: [{ argument, value: echoed(value), suggestion: hint ? upper : null }] });
}

/** Words for a date (the source's own), only beside the date they are the words for. */
function asReported(words: string | null | undefined, dateGiven: boolean, argument: string, dateArgument: string): string | null {
  const t = text(words, argument, MAX_SHORT, false);
  if (t !== null && !dateGiven) throw badInput(`${argument} is the source's words for ${dateArgument}: give ${dateArgument} too.`, top(argument));
  return t;
}

/** A report's properties as the seeds store them: conversions as parallel lists, [] when none. */
function reportProps(r: Omit<FineReportInput, 'conversions'> & { conversions?: readonly MoneyInput[] | null }, prefix: string): Props {
  const amount = money(r.amount, `${prefix}.amount`);
  const cur = currency(r.currency, `${prefix}.currency`);
  const conversions = r.conversions ?? [];
  if (conversions.length > MAX_CONVERSIONS) throw badInput(`${prefix}.conversions: at most ${MAX_CONVERSIONS}.`, top(prefix));
  const amounts: string[] = [];
  const currencies: string[] = [];
  for (const c of conversions) {
    const code = currency(c.currency, `${prefix}.conversions.currency`);
    if (code === cur) throw badInput(`${prefix}.conversions: ${code} is the amount's own currency, not a conversion.`, top(prefix));
    if (currencies.includes(code)) throw badInput(`${prefix}.conversions: each currency once (${code} is given twice).`, top(prefix));
    amounts.push(money(c.amount, `${prefix}.conversions.amount`));
    currencies.push(code);
  }
  return {
    amount, currency: cur, conversionAmounts: amounts, conversionCurrencies: currencies,
    date: r.date ?? null,
    dateAsReported: asReported(r.dateAsReported, !!r.date, `${prefix}.dateAsReported`, `${prefix}.date`),
    // Chosen by the derived values in the same transaction.
    isBest: false,
  };
}

function expected(version: number): number {
  if (!Number.isInteger(version) || version < 0) throw badInput('expectedVersion must be an integer, 0 or more: the investigation\'s version as last read.', 'expectedVersion');
  return version;
}

interface InvestigationState { openedOn: string | null; closedOn: string | null; status: string | null; incidents: string[] }

/** The investigation as committed, read in the write's transaction; null when it is not live (the changeset's require names it). */
async function investigationState(tx: WriteTx, investigation: string): Promise<InvestigationState | null> {
  const [row] = await tx.run<InvestigationState & Record<string, unknown>>('investigation/write/investigation', { id: investigation });
  return row ?? null;
}

/** Refuses a closing date whose period ends before the opening date's begins. */
function closedAfterOpened(openedOn: string | null, closedOn: string | null, argument: string): void {
  if (!openedOn || !closedOn) return;
  if (lastDay(closedOn)! < firstDay(openedOn)!) {
    throw badInput(`${argument}: the investigation would close (${closedOn}) before it opened (${openedOn}).`, top(argument));
  }
}

/**
 * The record of a node the write returned. A retry with the same Idempotency-Key gets the first
 * write's nodes (src/write/mutate.ts's replay), whose new ids are not the ones this call drew:
 * a new node is then the one of its label among them.
 */
function returned<T>(a: Applied, id: string, label: string): T {
  return (a.nodes.get(id) ?? a.returned.find((n) => n?._labels.includes(label))) as unknown as T;
}

const investigationOf = (a: Applied, investigation: string) => returned<InvestigationRecord>(a, investigation, 'Investigation');

export const investigationMutations: Resolvers = {
  Mutation: {
    addFine: async (_p, args, ctx) => {
      const { input } = args;
      const authority = id(input.authority, 'input.authority');
      const company = id(input.company, 'input.company');
      const given = input.incident != null ? id(input.incident, 'input.incident') : null;
      const investigation = input.investigation != null ? id(input.investigation, 'input.investigation') : null;
      const fineProps: Props = { kind: input.kind, reason: text(input.reason, 'input.reason', MAX_TEXT, false) };
      const report = reportProps(input.report, 'input.report');
      const sources = sourceRefs(input.sources);
      const year = typeof report.date === 'string' ? report.date.slice(0, 4) : '';
      // Readable ids in the seeds' manner ("sk-telecom-pipc-fine-2025-…"), unique by their random tail.
      const fine = newId(`${authority} fine ${year}`, company.slice(0, 100));
      const reportId = newId('report', fine.slice(0, 100));
      return mutate(ctx, { coordinate: 'Mutation.addFine', args }, async (tx) => {
        let incident = given;
        if (investigation) {
          const state = await investigationState(tx, investigation);
          if (state && given && state.incidents.length && !state.incidents.includes(given)) {
            throw badInput(`input.incident: the investigation "${echoed(investigation)}" is into ${state.incidents.map((i) => `"${echoed(i)}"`).join(', ')}, not "${echoed(given)}".`, 'input');
          }
          incident ??= state?.incidents[0] ?? null;
        }
        return payload(await tx.apply({
          operation: 'ADD_FINE',
          require: [
            { id: authority, label: 'Authority', argument: 'input.authority' },
            { id: company, label: 'Company', argument: 'input.company' },
            ...(incident ? [{ id: incident, label: 'Incident' as const, argument: 'input.incident' }] : []),
            ...(investigation ? [{ id: investigation, label: 'Investigation' as const, argument: 'input.investigation' }] : []),
          ],
          create: [{ id: fine, label: 'Fine', props: fineProps }, { id: reportId, label: 'FineReport', props: report }],
          link: [
            { from: authority, type: 'IMPOSED', to: fine },
            { from: fine, type: 'AGAINST', to: company },
            ...(incident ? [{ from: fine, type: 'FOR_INCIDENT' as const, to: incident }] : []),
            ...(investigation ? [{ from: investigation, type: 'RESULTED_IN' as const, to: fine }] : []),
            { from: fine, type: 'REPORTED_AS', to: reportId },
          ],
          sources,
          sourced: [fine, reportId],
          returned: [fine],
        }));
      }, payload);
      function payload(a: Applied) { return { fine: returned<FineRecord>(a, fine, 'Fine'), change: a.change }; }
    },

    addFineReport: async (_p, args, ctx) => {
      const { input } = args;
      const fine = id(input.fine, 'input.fine');
      const report = reportProps(input, 'input');
      const sources = sourceRefs(input.sources);
      const reportId = newId('report', fine.slice(0, 100));
      return mutate(ctx, { coordinate: 'Mutation.addFineReport', args }, async (tx) => payload(await tx.apply({
        operation: 'ADD_FINE_REPORT',
        require: [{ id: fine, label: 'Fine', argument: 'input.fine' }],
        create: [{ id: reportId, label: 'FineReport', props: report }],
        link: [{ from: fine, type: 'REPORTED_AS', to: reportId }],
        sources,
        // The fine rests on every source that reports it, as the seeds draw it.
        sourced: [reportId, fine],
        returned: [reportId, fine],
      })), payload);
      function payload(a: Applied) {
        return { report: returned<FineReportRecord>(a, reportId, 'FineReport'), fine: returned<FineRecord>(a, fine, 'Fine'), change: a.change };
      }
    },

    openInvestigation: async (_p, args, ctx) => {
      const { input } = args;
      const incident = id(input.incident, 'input.incident');
      const authorities = input.authorities.map((a) => id(a, 'input.authorities'));
      if (authorities.length === 0) throw badInput('input.authorities: at least one authority conducts an investigation.', 'input');
      if (authorities.length > MAX_AUTHORITIES) throw badInput(`input.authorities: at most ${MAX_AUTHORITIES}.`, 'input');
      if (new Set(authorities).size !== authorities.length) throw badInput('input.authorities: each authority once.', 'input');
      const title = text(input.title, 'input.title', MAX_TEXT, true);
      const props: Props = {
        title, kind: input.kind,
        openedOn: input.openedOn ?? null,
        openedOnAsReported: asReported(input.openedOnAsReported, !!input.openedOn, 'input.openedOnAsReported', 'input.openedOn'),
        question: text(input.question, 'input.question', MAX_TEXT, false),
        status: input.status ?? null,
      };
      const sources = sourceRefs(input.sources);
      // As the seeds name them: the incident's id, then who investigates ("skt-breach-2025-pipc-investigation-…").
      const investigation = newId(`${authorities[0]} investigation`, incident.slice(0, 100));
      return mutate(ctx, { coordinate: 'Mutation.openInvestigation', args }, async (tx) => payload(await tx.apply({
        operation: 'OPEN_INVESTIGATION',
        require: [
          { id: incident, label: 'Incident', argument: 'input.incident' },
          ...authorities.map((a) => ({ id: a, label: 'Authority' as const, argument: 'input.authorities' })),
        ],
        create: [{ id: investigation, label: 'Investigation', props }],
        link: [
          { from: investigation, type: 'INTO', to: incident },
          ...authorities.map((a): Link => ({ from: a, type: 'CONDUCTS', to: investigation })),
        ],
        sources,
      })), payload);
      function payload(a: Applied) { return { investigation: investigationOf(a, investigation), change: a.change }; }
    },

    updateInvestigation: async (_p, args, ctx) => {
      const { input } = args;
      const investigation = id(args.id, 'id');
      const version = expected(args.expectedVersion);
      const props: Props = {};
      if (input.title != null) props.title = text(input.title, 'input.title', MAX_TEXT, true);
      if (input.question != null) props.question = text(input.question, 'input.question', MAX_TEXT, true);
      if (input.outcome != null) props.outcome = text(input.outcome, 'input.outcome', MAX_TEXT, true);
      if (input.status != null) props.status = input.status;
      if (input.openedOn != null) {
        props.openedOn = input.openedOn;
        // New words for a new date; the old date's words go with it.
        props.openedOnAsReported = asReported(input.openedOnAsReported, true, 'input.openedOnAsReported', 'input.openedOn');
      } else {
        asReported(input.openedOnAsReported, false, 'input.openedOnAsReported', 'input.openedOn');
      }
      if (Object.keys(props).length === 0) throw badInput('input: give at least one of title, question, status, outcome and openedOn.', 'input');
      const sources = sourceRefs(input.sources);
      return mutate(ctx, { coordinate: 'Mutation.updateInvestigation', args }, async (tx) => {
        if (props.openedOn) {
          const state = await investigationState(tx, investigation);
          closedAfterOpened(props.openedOn as string, state?.closedOn ?? null, 'input.openedOn');
        }
        return payload(await tx.apply({
          operation: 'UPDATE_INVESTIGATION',
          require: [{ id: investigation, label: 'Investigation', argument: 'id' }],
          set: [{ id: investigation, props, expectedVersion: version }],
          sources,
        }));
      }, payload);
      function payload(a: Applied) { return { investigation: investigationOf(a, investigation), change: a.change }; }
    },

    closeInvestigation: async (_p, args, ctx) => {
      const { input } = args;
      const investigation = id(args.id, 'id');
      const version = expected(args.expectedVersion);
      const status: InvestigationStatus = input.status;
      if (status === 'OPEN') throw badInput('input.status: an investigation is closed with a closing status (CONCLUDED), not OPEN.', 'input');
      const props: Props = { status };
      const outcome = text(input.outcome, 'input.outcome', MAX_TEXT, false);
      if (outcome !== null) props.outcome = outcome;
      const words = asReported(input.closedOnAsReported, !!input.closedOn, 'input.closedOnAsReported', 'input.closedOn');
      if (input.closedOn) {
        props.closedOn = input.closedOn;
        props.closedOnAsReported = words;
      }
      const sources = sourceRefs(input.sources);
      return mutate(ctx, { coordinate: 'Mutation.closeInvestigation', args }, async (tx) => {
        if (input.closedOn) {
          const state = await investigationState(tx, investigation);
          closedAfterOpened(state?.openedOn ?? null, input.closedOn, 'input.closedOn');
        }
        return payload(await tx.apply({
          operation: 'CLOSE_INVESTIGATION',
          require: [{ id: investigation, label: 'Investigation', argument: 'id' }],
          set: [{ id: investigation, props, expectedVersion: version }],
          sources,
        }));
      }, payload);
      function payload(a: Applied) { return { investigation: investigationOf(a, investigation), change: a.change }; }
    },
  },
  Investigation: {
    version: reads<InvestigationRecord, number>(['version'], (i) => i.version ?? 0),
  },
};
