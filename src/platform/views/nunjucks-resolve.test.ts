import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import nunjucks from 'nunjucks';
import { rememberResolved } from './nunjucks-resolve.ts';
import { GOVUK_DIST } from './render.ts';

test('a loader that remembers resolves relative names as nunjucks does, asking once for each pair', () => {
  const plain = new nunjucks.FileSystemLoader([]);
  const remembering = new nunjucks.FileSystemLoader([]);
  let asked = 0;
  const original = remembering.resolve.bind(remembering);
  remembering.resolve = (from, to) => {
    asked += 1;
    return original(from, to);
  };
  rememberResolved(remembering);
  const pairs: [string, string][] = [
    ['/dist/govuk/components/input/macro.njk', '../error-message/macro.njk'],
    ['/dist/govuk/components/input/template.njk', './hint.njk'],
    ['/dist/govuk/components/input/macro.njk', '../error-message/macro.njk'],
    ['/dist/govuk/components/select/macro.njk', '../error-message/macro.njk'],
  ];
  for (const [from, to] of pairs) assert.equal(remembering.resolve(from, to), plain.resolve(from, to));
  assert.equal(asked, 3, 'the repeated pair is answered from memory');
  assert.equal(
    remembering.resolve('/dist/govuk/components/input/macro.njk', '../error-message/macro.njk'),
    path.resolve('/dist/govuk/components/error-message/macro.njk'),
  );
});

test('templates that import GOV.UK macros by relative name still render', () => {
  const loader = new nunjucks.FileSystemLoader([GOVUK_DIST]);
  rememberResolved(loader);
  const env = new nunjucks.Environment(loader);
  const input = () =>
    env.renderString(
      '{% from "govuk/components/input/macro.njk" import govukInput %}{{ govukInput({ id: "q", name: "q", label: { text: "Name" }, errorMessage: { text: "Enter a name" } }) }}',
      {},
    );
  for (const html of [input(), input()]) assert.match(html, /govuk-error-message[\s\S]*Enter a name/);
});
