import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readMigrations, splitStatements } from './migrate.ts';

test('statements split on "-- statement" lines, keeping function bodies whole', () => {
  const sql =
    'CREATE TABLE a (x int);\n-- statement\nCREATE FUNCTION f() RETURNS trigger AS $$ BEGIN; END; $$;\n-- statement\n-- only a comment\n';
  assert.deepEqual(splitStatements(sql), [
    'CREATE TABLE a (x int);',
    'CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN; END; $$;',
  ]);
});

test('migrations are numbered and read in order', () => {
  const versions = readMigrations().map((m) => m.version);
  assert.ok(versions.length > 0);
  assert.deepEqual([...versions].sort(), versions);
  assert.match(versions[0] ?? '', /^0001_/);
});
