import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkedIn, labelledChoices, selectOptions, toChoices } from './choices.ts';

test('rows become choices, with an optional detail in brackets', () => {
  const rows = [
    { id: 'a', name: 'Amina Okafor', agency: 'Police' },
    { id: 'b', name: 'Tom Reid', agency: '' },
  ];
  assert.deepEqual(toChoices(rows, 'id', 'name', 'agency'), [
    { value: 'a', text: 'Amina Okafor (Police)' },
    { value: 'b', text: 'Tom Reid' },
  ]);
  assert.deepEqual(toChoices(undefined, 'id', 'name'), []);
});

test('options are escaped, the chosen one is selected, and a blank first option is optional', () => {
  const html = String(
    selectOptions(
      [
        { value: '1', text: 'Health & <Care>' },
        { value: '2"', text: "O'Neil" },
        { value: '3', text: 'Children’s Services' },
      ],
      '2"',
      'All agencies',
    ),
  );
  assert.equal(
    html,
    '<option value="">All agencies</option>' +
      '<option value="1">Health &amp; &lt;Care&gt;</option>' +
      '<option value="2&quot;" selected>O&#39;Neil</option>' +
      '<option value="3">Children&#8217;s Services</option>',
  );
  assert.equal(String(selectOptions([{ value: '1', text: 'A' }], null)), '<option value="1">A</option>');
});

test('checkbox items are ticked from one value or a list', () => {
  const choices = [
    { value: 'a', text: 'A' },
    { value: 'b', text: 'B' },
  ];
  assert.deepEqual(
    checkedIn(choices, ['b']).map((c) => c.checked),
    [false, true],
  );
  assert.deepEqual(
    checkedIn(choices, 'a').map((c) => c.checked),
    [true, false],
  );
  assert.deepEqual(
    checkedIn(choices, undefined).map((c) => c.checked),
    [false, false],
  );
});

test('a rule’s codes become choices with their names, in the rule’s order', () => {
  assert.deepEqual(labelledChoices(['b', 'a'] as const, { a: 'Alpha', b: 'Beta' }), [
    { value: 'b', text: 'Beta' },
    { value: 'a', text: 'Alpha' },
  ]);
});
