import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_POOL_SIZE } from './db/pool-size.ts';

/** Every setting the service reads from the environment, validated once at start. */
export type Config = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** How many connections a process keeps open to a PostgreSQL server (see openPostgres). */
  databasePoolSize: number;
  dataDir: string;
  sessionSecret: string;
  seedDemo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** smtp:// or smtps:// server for e-mail; without it messages are logged and kept for admins. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The address people use to reach the service, for links in e-mails. */
  siteUrl: string;
};

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], { error: 'must be development, test or production' })
    .default('development'),
  PORT: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 100')
    .max(100, 'must be between 1 and 100')
    .default(DEFAULT_POOL_SIZE),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SEED_DEMO: booleanText.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^\s]+$/,
      'must be an smtp:// or smtps:// address, like smtp://user:password@mail.example:587',
    )
    .optional(),
  MAIL_FROM: z.string().min(3).default('Safeguarding Partnership Hub <no-reply@localhost>'),
  SITE_URL: z
    .string()
    .regex(
      /^https?:\/\/[^\s/]+(:\d+)?$/,
      'must be the service’s address without a path, like https://hub.example.gov.uk',
    )
    .optional(),
});

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The service cannot start because of its settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Reads and checks the environment; throws a ConfigError listing every problem at once. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const values = parsed.data;
  const problems: string[] = [];
  if (values.NODE_ENV === 'production' && !values.SESSION_SECRET) {
    problems.push('SESSION_SECRET is required when NODE_ENV=production (at least 32 random characters)');
  }
  if (values.NODE_ENV === 'production' && values.SEED_DEMO === true) {
    problems.push(
      'SEED_DEMO=true is not allowed when NODE_ENV=production: demo accounts have a public password',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(values.DATA_DIR);
  return {
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    databaseUrl: values.DATABASE_URL,
    databasePoolSize: values.DATABASE_POOL_SIZE,
    dataDir,
    sessionSecret: values.SESSION_SECRET ?? localSessionSecret(dataDir),
    // Demo data is loaded by default only on the embedded database, never on a server unless asked.
    seedDemo: values.SEED_DEMO ?? (values.DATABASE_URL === undefined && values.NODE_ENV !== 'production'),
    logLevel: values.LOG_LEVEL,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    siteUrl: values.SITE_URL ?? `http://localhost:${values.PORT}`,
  };
}

/** Outside production the secret is generated once and kept in DATA_DIR, so sessions survive a restart. */
function localSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
