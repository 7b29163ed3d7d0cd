import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../migrations');

export type Migration = { version: string; sql: string };

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => ({
      version: name.replace(/\.sql$/, ''),
      sql: readFileSync(path.join(dir, name), 'utf8'),
    }));
}

/**
 * Applies, in order and each in its own transaction, the migrations not yet recorded. On a server an
 * advisory lock keeps two instances starting together from running the same migration twice.
 */
export async function migrate(db: Database, migrations = readMigrations()): Promise<string[]> {
  await db.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('schema_migrations'))");
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}

/** Splits a migration on lines holding only `-- statement`, so function bodies with `;` stay whole. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/^--\s*statement\s*$/m)
    .map((part) => part.trim())
    .filter((part) => part.replace(/--.*$/gm, '').trim().length > 0);
}
