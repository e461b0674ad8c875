import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';
import { nameWords } from './names.js';

/** Lower-case words joined by hyphens, accents transliterated: "Vodafone España" -> "vodafone-espana". */
export const slug = (text: string): string => slugify(text, { decamelize: false }) || 'x';

/** A name's slug without its legal form: "Xfera Moviles S.A." -> "xfera-moviles". */
export const nameSlug = (text: string): string => slug(nameWords(text).join(' ') || text);

/**
 * A Source's id from its URL: the host, readable, and a short hash of the whole URL, so the same
 * URL always gets the same id and two pages of one site never share one.
 */
export function sourceId(url: string): string {
  let host = 'link';
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch { /* validation has already rejected it; keep the hash */ }
  return `${slug(host)}-${createHash('sha256').update(url).digest('hex').slice(0, 10)}`;
}

/**
 * Hands out ids that are free: the wanted id if no node has it and it was not handed out in this
 * run, else the wanted id with "-2", "-3"... The order of the calls decides, so the same file on
 * the same graph always gets the same ids.
 */
export class IdAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly taken: (id: string) => boolean) {}

  allocate(wanted: string): string {
    for (let n = 1; ; n++) {
      const id = n === 1 ? wanted : `${wanted}-${n}`;
      if (!this.used.has(id) && !this.taken(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}
