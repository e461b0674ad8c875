import type { Catalogue } from '../catalogue.js';
import { gdprFines } from './gdprFines.js';

/** The catalogues `npm run import` knows, by the name given on the command line. */
export const catalogues: ReadonlyMap<string, Catalogue> = new Map([gdprFines].map((c) => [c.name, c]));
