import assert from 'node:assert/strict';
import { test } from 'node:test';
import nunjucks from 'nunjucks';
import { installEscape, wideAsReferences } from './nunjucks-escape.ts';
import { createRenderer } from './render.ts';

test('characters above U+00FF become numeric references; Latin-1 text is left as it is', () => {
  assert.equal(
    wideAsReferences('Children’s Social Care – Tower Hamlets'),
    'Children&#8217;s Social Care &#8211; Tower Hamlets',
  );
  assert.equal(wideAsReferences('Zoë Brontë, café £5 · naïve'), 'Zoë Brontë, café £5 · naïve');
  assert.equal(wideAsReferences('Łukasz 🙂 done'), '&#321;ukasz &#128578; done');
  assert.equal(wideAsReferences(''), '');
});

test('a page of escaped text stays one byte a character and reads back as the same text', () => {
  installEscape();
  installEscape(); // twice, as every renderer installs it: escaped once, not twice
  const env = new nunjucks.Environment(null, { autoescape: true });
  const html = env.renderString('<p title="{{ name }}">{{ name }} &rsquo; {{ note | escape }}</p>', {
    name: 'O’Brien <Ann> “A&E”',
    note: '→ 1 < 2',
  });
  assert.equal(
    html,
    '<p title="O&#8217;Brien &lt;Ann&gt; &#8220;A&amp;E&#8221;">O&#8217;Brien &lt;Ann&gt; &#8220;A&amp;E&#8221; &rsquo; &#8594; 1 &lt; 2</p>',
  );
  assert.doesNotMatch(html, /[\u0100-\u{10FFFF}]/u);
});

test('the service’s renderer escapes wide characters too, and leaves text marked safe alone', () => {
  const renderer = createRenderer();
  const env = new nunjucks.Environment(null, { autoescape: true });
  assert.ok(renderer);
  assert.equal(
    env.renderString('{{ a }}|{{ b | safe }}', { a: 'Zoë’s', b: '<b>Zoë’s</b>' }),
    'Zoë&#8217;s|<b>Zoë’s</b>',
  );
});
