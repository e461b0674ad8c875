import type { Resolvers } from '../../generated/resolvers.js';
import { badInput } from '../../errors.js';
import { key } from '../../import/names.js';
import { sourceId } from '../../import/ids.js';
import type { Context } from '../../read/context.js';
import { MAX_ID_LENGTH, echoed, unknownError } from '../../read/knownIds.js';
import { mutate, type Applied } from '../../write/mutate.js';
import { MAX_TEXT, text } from '../../write/validate.js';
import type { SourceRecord } from './records.js';

export const sourceMutations: Resolvers = {
  Mutation: {
    addSource: async (_p, args, ctx) => {
      const { input } = args;
      const title = text(input.title, 'input.title', MAX_TEXT, true);
      const language = text(input.language, 'input.language', 35, false) ?? 'en';
      if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language)) throw badInput(`input.language: "${echoed(language)}" is not a language code ("en", "ko", "pt-BR").`, 'input');
      const publisher = await publisherOf(ctx, text(input.publisher, 'input.publisher', MAX_ID_LENGTH, true));
      const url = input.url;
      // The importer's rule: the same URL always gets the same id, so the constraint on Source.id
      // also keeps two curators adding one URL at once from making two sources.
      const id = sourceId(url);
      return mutate(ctx, { coordinate: 'Mutation.addSource', args }, async (tx) => {
        const [existing] = await tx.run<{ source: SourceRecord }>('source/write/sourceByUrl', { id, url });
        if (existing) return { source: existing.source, created: false, change: null };
        return payload(await tx.apply({
          operation: 'ADD_SOURCE',
          require: [{ id: publisher, label: 'Publisher', argument: 'input.publisher' }],
          // The derived values a source carries are set as seeds/99-derived-values.cypher sets them.
          create: [{ id, label: 'Source', props: { url, title, kind: input.kind ?? 'NEWS_ARTICLE', publishedOn: input.publishedOn ?? null, language, sortPublishedOn: input.publishedOn ?? '', searchAttributions: [] } }],
          link: [{ from: id, type: 'PUBLISHED_BY', to: publisher }],
          // A source rests on itself: the change cites it.
          cite: [id],
        }), id);
      }, (applied) => payload(applied, id));
    },
  },
};

function payload(applied: Applied, id: string) {
  return { source: applied.nodes.get(id) as unknown as SourceRecord, created: true, change: applied.change };
}

/** A publisher given by id, else by its name or an alias compared as the importer compares names. */
async function publisherOf(ctx: Context, given: string): Promise<string> {
  const rows = await ctx.read.named<{ id: string; names: string[] }>('source/write/publishers', {});
  if (rows.some((r) => r.id === given)) return given;
  const wanted = key(given);
  const matches = wanted ? [...new Set(rows.filter((r) => r.names.some((n) => key(n) === wanted)).map((r) => r.id))] : [];
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw badInput(`input.publisher: "${echoed(given)}" names several publishers (${matches.slice(0, 5).join(', ')}): give one by its id.`, 'input', { candidates: matches.slice(0, 5) });
  }
  throw await unknownError(ctx, [{ argument: 'input.publisher', kind: 'Publisher', value: given }]);
}
