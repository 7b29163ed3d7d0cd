import assert from 'node:assert/strict';
import { test } from 'node:test';
import nunjucks from 'nunjucks';
import { escapeWide, installEscapeWide } from './nunjucks-escape.ts';

test('text is escaped as nunjucks escapes it, then wide characters as references', () => {
  assert.equal(
    escapeWide(`O’Brien <Ann> "A&E" it's C:\\`),
    'O&#8217;Brien &lt;Ann&gt; &quot;A&amp;E&quot; it&#39;s C:&#92;',
  );
  assert.equal(escapeWide('&#8217;'), '&amp;#8217;', 'text that looks like a reference is text');
});

test('once installed, autoescaped output and the escape filter keep a page one byte a character', () => {
  installEscapeWide();
  const env = new nunjucks.Environment(null, { autoescape: true });
  const html = env.renderString(
    '<p title="{{ name }}">{{ name }} &rsquo; {{ note | escape }}|{{ safe | safe }}</p>',
    {
      name: 'O’Brien <Ann> “A&E”',
      note: '→ 1 < 2',
      safe: '<b>Zoë</b>',
    },
  );
  assert.equal(
    html,
    '<p title="O&#8217;Brien &lt;Ann&gt; &#8220;A&amp;E&#8221;">O&#8217;Brien &lt;Ann&gt; &#8220;A&amp;E&#8221; &rsquo; &#8594; 1 &lt; 2|<b>Zoë</b></p>',
  );
  assert.doesNotMatch(html, /[\u0100-\u{10FFFF}]/u);
});
