import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isInvalidValue } from '../../db/errors.ts';
import { can } from '../access/roles.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { PageRenderer } from '../views/page.ts';
import { checkCsrf } from './csrf.ts';
import { HttpError, problemBody } from './errors.ts';
import type { RegisteredRoute } from './route-config.ts';

export const SESSION_COOKIE = 'sph_session';

export const isApiRequest = (request: FastifyRequest) => request.url.startsWith('/api/');

/**
 * The request pipeline every route shares: who is asking (session cookie for pages, bearer token for
 * the API), whether they may (the route's `access`), CSRF on forms, and errors as pages or problem+json.
 */
export function installHttpPipeline(
  app: FastifyInstance,
  deps: { auth: AuthService; page: PageRenderer; registry: RegisteredRoute[]; staticPrefixes: string[] },
) {
  const { auth, page, registry, staticPrefixes } = deps;

  app.decorateRequest('user', null);

  app.addHook('onRoute', (route) => {
    if (route.method === 'HEAD' || staticPrefixes.some((prefix) => route.url.startsWith(prefix))) return;
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} does not declare who may use it (config.access)`,
      );
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) registry.push({ method, url: route.url, access, api: route.config?.api });
  });

  app.addHook('onRequest', async (request) => {
    if (isApiRequest(request)) {
      const header = request.headers.authorization;
      const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
      if (match?.[1]) request.user = await auth.userForApiToken(match[1]);
      return;
    }
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    if (unsigned.valid && unsigned.value) request.user = await auth.userForSession(unsigned.value);
  });

  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return; // static files, served by @fastify/static
    if (access !== 'public') {
      if (!request.user) throw new HttpError(401, 'Sign in to continue');
      if (access !== 'signed-in' && !can(request.user.role, access)) {
        throw new HttpError(403, 'You do not have permission to do this');
      }
    }
    const unsafe = request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
    if (unsafe && !isApiRequest(request)) checkCsrf(request);
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const http = toHttpError(error);
    if (http.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status: http.status, title: http.title }, 'request refused');
    return sendError(request, reply, http);
  });

  app.setNotFoundHandler({}, (request, reply) =>
    sendError(request, reply, new HttpError(404, 'Page not found')),
  );

  function sendError(request: FastifyRequest, reply: FastifyReply, error: HttpError) {
    if (isApiRequest(request) || request.headers.accept === 'application/json') {
      if (error.status === 401) reply.header('www-authenticate', 'Bearer');
      return reply
        .status(error.status)
        .type('application/problem+json')
        .send(problemBody(error.status, error.title, error.message, error.errors));
    }
    if (error.status === 401) {
      return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`);
    }
    return page(
      request,
      reply,
      'views/error.njk',
      {
        title:
          error.status === 404
            ? 'Page not found'
            : error.status >= 500
              ? 'Sorry, there is a problem with the service'
              : error.title,
        status: error.status,
        detail: error.status >= 500 ? null : error.message,
        // What was wrong with an address's query, field by field: there is no form to link them to.
        problems:
          error.status >= 500 ? [] : error.errors.map((e) => e.message).filter((m) => m !== error.message),
      },
      error.status,
    );
  }
}

function toHttpError(error: FastifyError | HttpError): HttpError {
  if (error instanceof HttpError) return error;
  if (isInvalidValue(error))
    return new HttpError(400, 'Some of what was sent is not valid', 'A value could not be read');
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Fastify's own refusals: malformed JSON, an unsupported media type, a body that is too large.
    return new HttpError(
      status,
      status === 413 ? 'Too much data was sent' : 'The request could not be read',
      error.message,
    );
  }
  return new HttpError(500, 'Internal server error');
}
