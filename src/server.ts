import { demoAccountsPresent, loadDemoIfEmpty } from '../demo/load.ts';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { migrate } from './db/migrate.ts';
import { DataDirLockedError, openDatabase } from './db/open.ts';

/** Start: settings, database, migrations, demo data, the app; then stop cleanly on a signal. */
async function main() {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const applied = await migrate(db);
    if (applied.length > 0) console.log(JSON.stringify({ msg: 'migrations applied', applied }));
    if (config.seedDemo) await loadDemoIfEmpty(db);
    if (config.env === 'production' && (await demoAccountsPresent(db))) {
      throw new Error(
        'Refusing to start in production: demo accounts (with a published password) are in the database. ' +
          'Use a database without demo data.',
      );
    }
  } catch (error) {
    await db.close();
    throw error;
  }

  const { app, notifier } = await buildApp({ config, db });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing requests in flight');
    await notifier.stop();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  notifier.start();
  app.log.info(
    { database: db.engine, demo: config.seedDemo, email: config.smtpUrl ? 'smtp' : 'logged only' },
    `service ready on http://localhost:${config.port}`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
