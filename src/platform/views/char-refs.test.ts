import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wideAsReferences } from './char-refs.ts';

test('characters above U+00FF become numeric references; Latin-1 text is left as it is', () => {
  assert.equal(
    wideAsReferences('Children’s Social Care – Tower Hamlets'),
    'Children&#8217;s Social Care &#8211; Tower Hamlets',
  );
  assert.equal(wideAsReferences('Zoë Brontë, café £5 · naïve'), 'Zoë Brontë, café £5 · naïve');
  assert.equal(wideAsReferences(''), '');
});

test('the line is between U+00FF and U+0100, and U+0080 to U+009F are never references', () => {
  assert.equal(wideAsReferences('\u00ff\u0100'), '\u00ff&#256;');
  // A reference to U+0080–U+009F would be read as Windows-1252 (&#128; is "€"), so they stay as they are.
  assert.equal(wideAsReferences('\u0080\u009f'), '\u0080\u009f');
});

test('a character beyond U+FFFF is one reference; a lone surrogate one too, read as U+FFFD as before', () => {
  assert.equal(wideAsReferences('Łukasz 🙂 done'), '&#321;ukasz &#128578; done');
  // UTF-8 encoding wrote a lone surrogate as U+FFFD; a browser reads &#55296; as U+FFFD too.
  assert.equal(wideAsReferences('a\uD800b'), 'a&#55296;b');
});
