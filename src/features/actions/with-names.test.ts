import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type SourceName, type ThemeName, withNames } from './actions-repo.ts';

const theme = (id: string, name: string): ThemeName => ({ id, name });
const source = (id: string, title: string): SourceName => ({ id, kind: 'scrutiny', title, incidentId: null });

test('an action is named from its ids: themes by name then id, sources in link order with their detail', () => {
  const themes = new Map(
    [theme('t3', 'Neglect'), theme('t1', 'Exploitation'), theme('t2', 'Neglect')].map((t) => [t.id, t]),
  );
  const sources = new Map(
    [source('s1', 'Audit of neglect'), source('s2', 'Scrutiny report')].map((s) => [s.id, s]),
  );
  const [named] = withNames(
    [
      {
        id: 'a',
        themeIds: ['t3', 'gone', 't1', 't2'],
        sourceLinks: [
          { id: 's2', detail: 'Recommendation 4' },
          { id: 'gone', detail: 'x' },
          { id: 's1', detail: 'Finding 1' },
        ],
      },
    ],
    themes,
    sources,
  );
  assert.deepEqual(
    named?.themes.map((t) => t.id),
    ['t1', 't2', 't3'],
    'by name, then id; an id without a name is left out',
  );
  assert.deepEqual(
    named?.sources.map((s) => [s.title, s.detail]),
    [
      ['Scrutiny report', 'Recommendation 4'],
      ['Audit of neglect', 'Finding 1'],
    ],
  );
  assert.equal('themeIds' in (named ?? {}), false, 'the ids give way to the names');
});
