import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { insertDemo } from '../../demo/load.ts';
import { towerHamlets } from '../../demo/tower-hamlets.ts';
import type { Database } from '../../src/db/database.ts';
import { migrate, readMigrations } from '../../src/db/migrate.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { hashPassword } from '../../src/platform/auth/auth-service.ts';
import { todayInLondon } from '../../src/platform/calendar/today.ts';

/**
 * A fresh database for one test file, on the engine under test: PGlite by default, the PostgreSQL
 * server when DATABASE_URL is set. Both start from one template (migrations plus two demo
 * partnerships) built once per change of migrations or demo data, then cloned: a PGlite data folder
 * is loaded from a dump, a server database is created with CREATE DATABASE … TEMPLATE.
 */
export const OTHER_PARTNERSHIP_SLUG = 'other-demo';
export const otherEmail = (role: string) => `${role}@other.example`;

const ROOT = path.resolve(import.meta.dirname, '../..');

function templateKey(): string {
  const hash = createHash('sha256');
  for (const m of readMigrations()) hash.update(m.version).update(m.sql);
  const demoFiles = readdirSync(path.join(ROOT, 'demo')).map((f) => `demo/${f}`);
  for (const file of [...demoFiles.sort(), 'test/helpers/database.ts']) {
    hash.update(readFileSync(path.join(ROOT, file)));
  }
  // The demo dates meetings and cases from the day it is loaded: a template is good for one day.
  hash.update(todayInLondon());
  return hash.digest('hex').slice(0, 16);
}

async function fillTemplate(db: Database) {
  await migrate(db);
  const passwordHash = await hashPassword('demo-password-only');
  await db.transaction(async (tx) => {
    await insertDemo(tx, towerHamlets, passwordHash);
    await insertDemo(
      tx,
      {
        ...towerHamlets,
        slug: OTHER_PARTNERSHIP_SLUG,
        name: 'Other Safeguarding Children Partnership (demo)',
        areaName: 'Otherton',
      },
      passwordHash,
      otherEmail,
    );
  });
}

/** On a server, `connectionString` opens more connections to the same database, as another process would. */
export type TestDatabase = Database & { destroy(): Promise<void>; connectionString?: string };

/**
 * Runs SQL as another process would: on its own connection to the server, or, on the embedded
 * database (which one process alone may open), beside the service on the same one.
 */
export async function runElsewhere(db: TestDatabase, sql: string, params: unknown[] = []) {
  if (!db.connectionString) {
    await db.query(sql, params);
    return;
  }
  const client = new pg.Client({ connectionString: db.connectionString });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

export async function testDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  return url ? serverDatabase(url) : embeddedDatabase();
}

async function embeddedDatabase(): Promise<TestDatabase> {
  const dir = path.join(ROOT, '.data-test');
  const file = path.join(dir, `template-${templateKey()}.tar.gz`);
  if (!existsSync(file)) {
    const fresh = await openPglite();
    await fillTemplate(fresh);
    const dump = Buffer.from(await (await fresh.dump()).arrayBuffer());
    await fresh.close();
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, dump);
    renameSync(partial, file); // atomic: a parallel test file sees the whole template or none
  }
  const db = await openPglite({ loadDataDir: new Blob([readFileSync(file)]) });
  return { ...db, destroy: () => db.close() };
}

async function serverDatabase(url: string): Promise<TestDatabase> {
  const template = `sph_template_${templateKey()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock(hashtext('sph_test_template'))");
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (found.rowCount === 0) {
      const building = `${template}_build_${process.pid}`;
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      await admin.query(`CREATE DATABASE ${building}`);
      const db = await openPostgres(withDatabase(url, building), 2);
      await fillTemplate(db);
      await db.close();
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    }
    await admin.query("SELECT pg_advisory_unlock(hashtext('sph_test_template'))");
    const name = `sph_test_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const connectionString = withDatabase(url, name);
    const db = await openPostgres(connectionString, 5);
    return {
      ...db,
      connectionString,
      async destroy() {
        await db.close();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name}`);
        await dropper.end();
      },
    };
  } finally {
    await admin.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
