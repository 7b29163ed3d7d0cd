import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../http/errors.ts';
import { SESSION_COOKIE } from '../http/plugin.ts';
import { parseInput, parseOrThrow } from '../http/validation.ts';
import type { PageRenderer } from '../views/page.ts';
import type { AuthService } from './auth-service.ts';
import { safeNext, setPasswordForm, signInForm, tokenRequest, tokenResponse } from './schemas.ts';
import { SESSION_ABSOLUTE_HOURS } from './session-rules.ts';

type Deps = { auth: AuthService; page: PageRenderer; secureCookies: boolean };

const emailFrequencyForm = z.object({ emailFrequency: z.enum(['immediate', 'daily']) });

const actorOf = (user: { id: string; email: string }, requestId: string) => ({
  userId: user.id,
  label: user.email,
  requestId,
});

export function registerAuthRoutes(app: FastifyInstance, { auth, page, secureCookies }: Deps) {
  const throttledMessage = (minutes: number) =>
    `There have been too many attempts to sign in. Wait ${minutes} minutes and try again.`;

  app.get('/sign-in', { config: { access: 'public' } }, (request, reply) => {
    if (request.user) return reply.redirect('/');
    const query = request.query as Record<string, unknown>;
    return page(request, reply, 'auth/views/sign-in.njk', {
      title: 'Sign in',
      values: {},
      next: safeNext(query.next),
    });
  });

  app.post('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const parsed = parseInput(signInForm, body);
    const values = { email: typeof body.email === 'string' ? body.email : '' };
    const next = safeNext(body.next);
    if (!parsed.ok) {
      return page(
        request,
        reply,
        'auth/views/sign-in.njk',
        { title: 'Sign in', errors: parsed.errors, values, next },
        400,
      );
    }
    const result = await auth.signIn(parsed.value.email, parsed.value.password, request.ip);
    if (!result.ok) {
      const message =
        result.reason === 'throttled'
          ? throttledMessage(result.retryAfterMinutes)
          : 'Enter a correct email address and password';
      const status = result.reason === 'throttled' ? 429 : 401;
      return page(
        request,
        reply,
        'auth/views/sign-in.njk',
        { title: 'Sign in', errors: [{ field: 'email', message }], values, next },
        status,
      );
    }
    reply.setCookie(SESSION_COOKIE, result.sessionToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      signed: true,
      maxAge: SESSION_ABSOLUTE_HOURS * 3600,
    });
    return reply.redirect(next, 303);
  });

  app.get('/sign-out', { config: { access: 'signed-in' } }, (request, reply) =>
    page(request, reply, 'auth/views/sign-out.njk', { title: 'Sign out' }),
  );

  app.post('/sign-out', { config: { access: 'signed-in' } }, async (request, reply) => {
    const raw = request.cookies[SESSION_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    const user = request.user;
    if (unsigned?.valid && unsigned.value && user) {
      await auth.signOut(unsigned.value, actorOf(user, request.id), user.partnershipId);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/signed-out', 303);
  });

  app.get('/signed-out', { config: { access: 'public' } }, (request, reply) =>
    page(request, reply, 'auth/views/signed-out.njk', { title: 'You have signed out' }),
  );

  app.get('/account', { config: { access: 'signed-in' } }, async (request, reply) => {
    const user = request.user as NonNullable<typeof request.user>;
    const [tokens, emailFrequency] = await Promise.all([
      auth.listApiTokens(user.id),
      auth.emailFrequency(user.id),
    ]);
    const q = request.query as Record<string, unknown>;
    return page(request, reply, 'auth/views/account.njk', {
      title: 'Your account',
      tokens,
      emailFrequency,
      flash: q.email ? 'E-mail choice saved' : undefined,
    });
  });

  app.post('/account/email', { config: { access: 'signed-in' } }, async (request, reply) => {
    const user = request.user as NonNullable<typeof request.user>;
    const parsed = emailFrequencyForm.safeParse(request.body);
    if (!parsed.success) {
      const tokens = await auth.listApiTokens(user.id);
      return page(
        request,
        reply,
        'auth/views/account.njk',
        {
          title: 'Your account',
          tokens,
          emailFrequency: null,
          errors: [{ field: 'emailFrequency', message: 'Choose how you want to get e-mails' }],
        },
        400,
      );
    }
    await auth.setEmailFrequency(user, parsed.data.emailFrequency, actorOf(user, request.id));
    return reply.redirect('/account?email=1', 303);
  });

  app.post('/account/tokens/:tokenId/revoke', { config: { access: 'signed-in' } }, async (request, reply) => {
    const user = request.user as NonNullable<typeof request.user>;
    const { tokenId } = request.params as { tokenId: string };
    if (
      !z.uuid().safeParse(tokenId).success ||
      !(await auth.revokeApiToken(user, tokenId, actorOf(user, request.id)))
    ) {
      throw new HttpError(404, 'Token not found');
    }
    return reply.redirect('/account?revoked=1', 303);
  });

  app.get('/invitations/:token', { config: { access: 'public' } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!(await auth.invitationIsLive(token)))
      throw new HttpError(404, 'This link has expired or has been used');
    return page(request, reply, 'auth/views/set-password.njk', { title: 'Set your password' });
  });

  app.post('/invitations/:token', { config: { access: 'public' } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const parsed = parseInput(setPasswordForm, request.body);
    const render = (errors: { field: string; message: string }[]) =>
      page(request, reply, 'auth/views/set-password.njk', { title: 'Set your password', errors }, 400);
    if (!parsed.ok) return render(parsed.errors);
    const result = await auth.acceptInvitation(token, parsed.value.password);
    if (!result.ok && result.problem === 'expired')
      throw new HttpError(404, 'This link has expired or has been used');
    if (!result.ok)
      return render([{ field: 'password', message: result.message ?? 'Choose another password' }]);
    return reply.redirect('/sign-in?passwordSet=1', 303);
  });

  app.post(
    '/api/v1/auth/token',
    {
      config: {
        access: 'public',
        api: {
          summary: 'Exchange an e-mail address and password for a bearer token',
          tag: 'Authentication',
          body: tokenRequest,
          response: tokenResponse,
          successStatus: 201,
        },
      },
    },
    async (request, reply) => {
      const body = parseOrThrow(tokenRequest, request.body);
      const result = await auth.issueApiToken(body.email, body.password, request.ip);
      if (!result.ok && result.reason === 'throttled') {
        reply.header('retry-after', String(result.retryAfterMinutes * 60));
        throw new HttpError(429, 'Too many attempts', throttledMessage(result.retryAfterMinutes));
      }
      if (!result.ok) throw new HttpError(401, 'The email address or password is not right');
      return reply.status(201).send({ token: result.token, expiresAt: result.expiresAt.toISOString() });
    },
  );
}
