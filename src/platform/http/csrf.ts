import type { FastifyReply, FastifyRequest } from 'fastify';
import { newToken, sameSecret } from '../auth/secrets.ts';
import { HttpError } from './errors.ts';

/**
 * CSRF protection for forms. Signed in, the token is the session's own; before signing in, it is a
 * signed cookie (double submit). Either way every POST form carries it as `_csrf`.
 */
export const ANON_CSRF_COOKIE = 'sph_csrf';

export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  if (request.user?.csrfToken) return request.user.csrfToken;
  const existing = readAnonToken(request);
  if (existing) return existing;
  const token = newToken();
  reply.setCookie(ANON_CSRF_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
  });
  return token;
}

function readAnonToken(request: FastifyRequest): string | null {
  const raw = request.cookies[ANON_CSRF_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}

export function checkCsrf(request: FastifyRequest): void {
  const sent = (request.body as Record<string, unknown> | undefined)?._csrf;
  const expected = request.user?.csrfToken ?? readAnonToken(request);
  if (typeof sent !== 'string' || !expected || !sameSecret(sent, expected)) {
    throw new HttpError(
      403,
      'This form has expired',
      'The page was open too long or came from somewhere else. Go back, reload the page and try again.',
    );
  }
}
