import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateParts, formInput } from './forms.ts';

test('the CSRF field is dropped and date parts are joined into an ISO date', () => {
  assert.deepEqual(
    formInput(
      { _csrf: 't', name: 'X', 'startsOn-day': '1', 'startsOn-month': '4', 'startsOn-year': '2024' },
      ['startsOn'],
    ),
    { name: 'X', startsOn: '2024-04-01' },
  );
});

test('an empty date is blank and a part-filled one is marked invalid, keeping what was typed', () => {
  assert.deepEqual(formInput({ 'endsOn-day': '', 'endsOn-month': '', 'endsOn-year': '' }, ['endsOn']), {
    endsOn: '',
  });
  const bad = formInput({ 'endsOn-day': '31', 'endsOn-month': 'x', 'endsOn-year': '2024' }, ['endsOn']);
  assert.equal(bad.endsOn, 'invalid:2024-x-31');
  assert.deepEqual(dateParts(bad.endsOn), { day: '', month: '', year: '' });
  assert.deepEqual(dateParts('invalid:2024-13-31'), { day: '31', month: '13', year: '2024' });
  assert.deepEqual(dateParts('2024-04-01'), { day: '1', month: '4', year: '2024' });
});
