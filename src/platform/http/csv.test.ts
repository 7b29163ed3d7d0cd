import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeCell } from './csv.ts';

test('a cell that a spreadsheet would run as a formula is written as text', () => {
  assert.equal(safeCell('=HYPERLINK("x")'), `'=HYPERLINK("x")`);
  assert.equal(safeCell('+44 20'), "'+44 20");
  assert.equal(safeCell('-1'), "'-1");
  assert.equal(safeCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(safeCell('Child M'), 'Child M');
  assert.equal(safeCell(-1), -1);
  assert.equal(safeCell(null), null);
});
