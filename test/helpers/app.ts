import { decodeHTML } from 'entities';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { RegisteredRoute } from '../../src/platform/http/route-config.ts';
import type { Notifier } from '../../src/platform/notify/notifier.ts';
import { type TestDatabase, testDatabase } from './database.ts';

export const DEMO_PASSWORD = 'demo-password-only';

/**
 * A page's HTML as its reader sees the text: character references read, "&#8217;" and "&rsquo;" as
 * "’", "&amp;" as "&" (the service writes characters above U+00FF as references: nunjucks-escape.ts).
 */
export const readable = (html: string) => decodeHTML(html);

export type TestApp = {
  app: FastifyInstance;
  db: TestDatabase;
  routes: RegisteredRoute[];
  notifier: Notifier;
  close(): Promise<void>;
};

export async function testApp(
  options: { signInSlowdown?: boolean; smtpUrl?: string } = {},
): Promise<TestApp> {
  const db = await testDatabase();
  const { app, routes, notifier } = await buildApp({
    config: {
      env: 'test',
      sessionSecret: 'test-secret-test-secret-test-secret',
      logLevel: 'silent',
      smtpUrl: options.smtpUrl,
      siteUrl: 'https://hub.test',
    },
    db,
    signInSlowdown: options.signInSlowdown ?? false,
  });
  return {
    app,
    db,
    routes,
    notifier,
    async close() {
      await notifier.stop();
      await app.close();
      await db.destroy();
    },
  };
}

/** A browser-like client over app.inject: keeps cookies and sends the page's CSRF token with forms. */
export class Browser {
  readonly cookies = new Map<string, string>();
  csrf = '';
  readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.inject({
      ...options,
      headers: { ...(options.headers ?? {}), ...(cookie ? { cookie } : {}) },
    });
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    // A page is sent one byte a character (nunjucks-escape.ts): a wide character is a reference.
    const wide = /[\u0100-\u{10FFFF}]/u.exec(response.body);
    if (wide && String(response.headers['content-type']).startsWith('text/html'))
      throw new Error(`${options.method} ${options.url} sent “${wide[0]}” in its HTML, not as a reference`);
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (token?.[1]) this.csrf = token[1];
    return response;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }

  /** Posts a form as a browser would, with the CSRF token from the last page seen. */
  post(url: string, form: Record<string, string | string[]> = {}, csrf = this.csrf) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries({ _csrf: csrf, ...form })) {
      for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    }
    return this.request({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.get('/sign-in');
    const response = await this.post('/sign-in', { email, password });
    if (response.statusCode !== 303) throw new Error(`sign in as ${email} failed: ${response.statusCode}`);
    await this.get('/sign-out'); // a page with a form, so the session's CSRF token is known
    return response;
  }
}

/** A bearer token for an account, from the API's own token endpoint. */
export async function apiToken(
  app: FastifyInstance,
  email: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { email, password },
  });
  if (response.statusCode !== 201)
    throw new Error(`token for ${email}: ${response.statusCode} ${response.body}`);
  return (response.json() as { token: string }).token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

type ApiMethod = 'GET' | 'POST' | 'PUT';

/**
 * An API caller for a test file: `api(who, method, url, payload)` with the bearer token of `who` from
 * `tokens` (filled in the file's `before`). `app` is read at call time, after `before` has run.
 */
export const apiAs =
  (app: () => FastifyInstance, tokens: Record<string, string>) =>
  (who: string, method: ApiMethod, url: string, payload?: unknown) =>
    app().inject({
      method,
      url,
      headers: bearer(tokens[who] as string),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

/** How many rows a table holds: for "nothing was saved" assertions. */
export const rowCount = async (db: TestDatabase, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0;

/** How many audit-log entries of one action name one record. */
export const auditEntries = async (db: TestDatabase, action: string, entityId: string) =>
  (
    await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND entity_id = $2',
      [action, entityId],
    )
  )[0]?.n ?? 0;
