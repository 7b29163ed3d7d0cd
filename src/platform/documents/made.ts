import { createHash } from 'node:crypto';
import { Memo } from '../cache/memo.ts';
import type { DocModel } from './model.ts';

/**
 * Documents made lately, by format and content. A meeting pack is downloaded by each member of the
 * executive before the meeting; laying out a long one takes most of a second of CPU, and the same
 * model always gives the same file. Keyed by the whole model, so any change to what it says (and
 * the day it was made, printed in its footer) makes it anew: there is nothing to invalidate.
 */
const made = new Memo<Buffer>(16);

export function madeOnce(format: 'pdf' | 'docx', doc: DocModel, make: () => Promise<Buffer>) {
  const key = createHash('sha256')
    .update(format)
    .update('\u0000')
    .update(JSON.stringify(doc))
    .digest('base64');
  return made.get(key, make);
}

/** How often a document was reused, for tests and diagnostics. */
export const documentCacheStats = () => made.stats;
