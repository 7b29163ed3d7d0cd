import { randomUUID } from 'node:crypto';
import path from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import staticFiles from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { registerActionPlanRoutes } from './features/actions/routes.ts';
import { createActionPlanService, planReminders } from './features/actions/service.ts';
import { registerAuditRoutes as registerAuditProgrammeRoutes } from './features/audits/routes.ts';
import { auditReminders, createAuditService } from './features/audits/service.ts';
import { registerDataRoutes } from './features/data/routes.ts';
import { createDataService } from './features/data/service.ts';
import { registerHomeRoutes } from './features/home/routes.ts';
import { meetingReminders } from './features/meetings/reminders.ts';
import { groupMeetingsSection, registerMeetingRoutes } from './features/meetings/routes.ts';
import { createMeetingService } from './features/meetings/service.ts';
import { registerPartnershipRoutes } from './features/partnership/routes.ts';
import { createPartnershipService } from './features/partnership/service.ts';
import { clockReminders } from './features/reviews/reminders.ts';
import { registerReviewRoutes } from './features/reviews/routes.ts';
import { createReviewService } from './features/reviews/service.ts';
import { registerApiDocsRoutes } from './platform/api/routes.ts';
import { registerAuditRoutes } from './platform/audit/routes.ts';
import { createAuthService } from './platform/auth/auth-service.ts';
import { registerAuthRoutes } from './platform/auth/routes.ts';
import { MAX_UPLOAD_BYTES, safeFilename } from './platform/files/uploads.ts';
import { registerHealthRoutes } from './platform/health/routes.ts';
import { installHttpPipeline } from './platform/http/plugin.ts';
import type { RegisteredRoute } from './platform/http/route-config.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import { createNotifier, type Notifier } from './platform/notify/notifier.ts';
import { registerNotifyRoutes } from './platform/notify/routes.ts';
import { createPageRenderer, type NavItem } from './platform/views/page.ts';
import { createRenderer, GOVUK_DIST } from './platform/views/render.ts';

export type AppOptions = {
  config: Pick<Config, 'env' | 'sessionSecret' | 'logLevel'> &
    Partial<Pick<Config, 'smtpUrl' | 'mailFrom' | 'siteUrl'>>;
  db: Database;
  /** Slows repeated failed sign-ins; tests of other things turn it off. */
  signInSlowdown?: boolean;
};

const NAVIGATION: NavItem[] = [
  { href: '/', text: 'Home', permission: 'signed-in' },
  { href: '/structure', text: 'Structure', permission: 'structure:read' },
  { href: '/partners', text: 'Partners', permission: 'structure:read' },
  { href: '/people', text: 'People', permission: 'structure:read' },
  { href: '/groups', text: 'Groups', permission: 'structure:read' },
  { href: '/meetings', text: 'Meetings', permission: 'meetings:read' },
  { href: '/escalations', text: 'Escalations', permission: 'escalations:read' },
  { href: '/risks', text: 'Risks', permission: 'risks:read' },
  { href: '/cases', text: 'Case reviews', permission: 'cases:read', alsoFor: ['/clocks'] },
  { href: '/actions', text: 'Action plan', permission: 'plan:read', alsoFor: ['/audits'] },
  { href: '/data', text: 'Data', permission: 'data:read' },
  { href: '/briefings', text: 'Learning', permission: 'learning:read' },
  { href: '/users', text: 'Users', permission: 'users:manage' },
  { href: '/audit', text: 'Audit log', permission: 'audit:read' },
  { href: '/emails', text: 'E-mails', permission: 'emails:read' },
  { href: '/partnerships', text: 'Partnerships', permission: 'partnerships:manage' },
];

const STATIC_PREFIXES = ['/assets/', '/stylesheets/', '/javascripts/', '/public/'];

/** The one place that wires the platform and every feature together. */
export async function buildApp(
  options: AppOptions,
): Promise<{ app: FastifyInstance; routes: RegisteredRoute[]; notifier: Notifier }> {
  const { config, db } = options;
  const production = config.env === 'production';
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1_048_576,
    trustProxy: production,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  installSecurityHeaders(app, { production });
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(formbody);
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 100_000 },
    // Files arrive whole in memory, up to the limit, and are checked by their content afterwards.
    async onFile(part) {
      const data = await part.toBuffer();
      part.value = { filename: safeFilename(part.filename), data, truncated: part.file.truncated };
    },
  });

  const registry: RegisteredRoute[] = [];
  const page = createPageRenderer(
    createRenderer({ watch: config.env === 'development' }),
    NAVIGATION,
    production,
  );
  const auth = createAuthService(db, { slowdown: options.signInSlowdown ?? true });
  const stopListening = await auth.listenForChanges();
  app.addHook('onClose', async () => stopListening());
  installHttpPipeline(app, { auth, page, registry, staticPrefixes: STATIC_PREFIXES });

  await app.register(staticFiles, { root: path.join(GOVUK_DIST, 'govuk/assets'), prefix: '/assets/' });
  await app.register(staticFiles, {
    root: path.join(GOVUK_DIST, 'govuk'),
    prefix: '/stylesheets/',
    decorateReply: false,
    allowedPath: (pathname) => pathname === '/govuk-frontend.min.css',
  });
  await app.register(staticFiles, {
    root: path.join(GOVUK_DIST, 'govuk'),
    prefix: '/javascripts/',
    decorateReply: false,
    allowedPath: (pathname) => pathname === '/govuk-frontend.min.js',
  });
  await app.register(staticFiles, {
    root: path.join(import.meta.dirname, 'platform/views/public'),
    prefix: '/public/',
    decorateReply: false,
  });

  const partnership = createPartnershipService(db);
  const siteUrl = config.siteUrl ?? 'http://localhost:3000';
  const meetings = createMeetingService(db, partnership, siteUrl);
  const plan = createActionPlanService(db);
  const audits = createAuditService(db, plan);
  const reviews = createReviewService(db, partnership, plan);
  const data = createDataService(db, meetings);
  const notifier = createNotifier(db, {
    smtpUrl: config.smtpUrl,
    from: config.mailFrom ?? 'Safeguarding Partnership Hub <no-reply@localhost>',
    log: (line, fields) => app.log.info(fields ?? {}, line),
  });
  notifier.addReminderSource(meetingReminders(db, siteUrl));
  notifier.addReminderSource(clockReminders(db, siteUrl));
  notifier.addReminderSource(planReminders(db, siteUrl));
  notifier.addReminderSource(auditReminders(db, siteUrl));

  registerHealthRoutes(app, { db });
  registerAuthRoutes(app, { auth, page, secureCookies: production });
  registerApiDocsRoutes(app, { page, registry });
  registerAuditRoutes(app, { db, page });
  registerHomeRoutes(app, { page, partnership, reviews });
  registerPartnershipRoutes(app, { page, partnership, groupSections: [groupMeetingsSection(meetings)] });
  registerMeetingRoutes(app, { page, partnership, meetings });
  registerReviewRoutes(app, { page, partnership, reviews });
  registerActionPlanRoutes(app, { page, partnership, plan });
  registerAuditProgrammeRoutes(app, { page, partnership, plan, audits });
  registerDataRoutes(app, { page, partnership, plan, data });

  registerNotifyRoutes(app, { db, page });

  await app.ready();
  return { app, routes: registry, notifier };
}
