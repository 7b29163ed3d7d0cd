import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import nunjucks from 'nunjucks';
import { GOVUK_DIST } from './render.ts';

const env = new nunjucks.Environment(
  new nunjucks.FileSystemLoader([path.resolve(import.meta.dirname, '..'), GOVUK_DIST]),
  { autoescape: true, trimBlocks: true, lstripBlocks: true },
);

/** Markup compared as a browser reads it: whitespace between and inside tags, and attribute order, do not count. */
function normalised(html: string) {
  return html
    .replace(/\s+/g, ' ')
    .replace(/>\s+/g, '>')
    .replace(/\s+</g, '<')
    .replace(/<([a-z]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/g, (_all, tag: string, attrs: string) => {
      const list = attrs.match(/[a-z-]+(?:="[^"]*")?/g) ?? [];
      return `<${tag}${list.length ? ` ${list.sort().join(' ')}` : ''}>`;
    })
    .trim();
}

const cases: Record<string, unknown>[] = [
  { id: 'q', label: 'Name contains' },
  { id: 'q', name: 'search', label: 'Name contains', value: 'Okafor & <Smith>' },
  {
    id: 'reference',
    label: 'Case reference',
    hint: 'For example, SI-12',
    value: 'SI-3',
    classes: 'govuk-!-width-full',
  },
  { id: 'from', label: 'From', type: 'date', value: '', errorMessage: { text: 'Enter a real <date>' } },
  {
    id: 'email',
    label: 'Email address',
    labelClasses: 'govuk-label--s',
    hint: 'We will send the invitation here',
    value: 'chair@example.org',
    errorMessage: { text: 'Enter an email address' },
    autocomplete: 'email',
    inputmode: 'email',
    spellcheck: false,
  },
];

test('inputField gives the markup govukInput gives, for every parameter it takes', () => {
  for (const p of cases) {
    const govuk = env.renderString(
      '{% from "govuk/components/input/macro.njk" import govukInput %}{{ govukInput(p) }}',
      {
        p: {
          id: p.id,
          name: p.name ?? p.id,
          label: { text: p.label, classes: p.labelClasses },
          hint: p.hint ? { text: p.hint } : undefined,
          value: p.value,
          type: p.type,
          classes: p.classes,
          errorMessage: p.errorMessage,
          autocomplete: p.autocomplete,
          inputmode: p.inputmode,
          spellcheck: p.spellcheck,
        },
      },
    );
    const ours = env.renderString('{% from "views/macros.njk" import inputField %}{{ inputField(p) }}', {
      p,
    });
    assert.equal(normalised(ours), normalised(govuk), JSON.stringify(p));
  }
});
