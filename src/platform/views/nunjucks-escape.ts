import nunjucks from 'nunjucks';
import { wideAsReferences } from './char-refs.ts';

type Lib = { escape: (text: string) => string };
const lib = (nunjucks as unknown as { lib: Lib }).lib;
const htmlEscape = lib.escape;

/**
 * Nunjucks's HTML escape (its six characters: & " ' < > \), then characters above U+00FF as
 * references (wideAsReferences), so that text from the database keeps a page one byte a character.
 * Templates' own text does the same in their source (`&rsquo;`): templates.test.ts checks.
 */
export const escapeWide = (text: string) => wideAsReferences(htmlEscape(text));

/**
 * Installs escapeWide as the escape of the nunjucks the service renders with. Nunjucks 3.2.4 looks up
 * `lib.escape` on every call, from autoescaped output (runtime.suppressValue) and from the `escape`
 * and `forceescape` filters, so every escaped value goes through it.
 */
export function installEscapeWide() {
  lib.escape = escapeWide;
}
