import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ROLE_LABELS, ROLES } from '../../platform/access/roles.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { PageRenderer } from '../../platform/views/page.ts';
import { assignableRoles } from './rules.ts';
import { listQuery, userInput, userPatch } from './schemas.ts';
import type { PartnershipService } from './service.ts';

const userOut = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  agencyId: z.uuid(),
  agencyName: z.string(),
  isActive: z.boolean(),
  hasPassword: z.boolean(),
  lastSignedInAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const blank = z.literal('').transform(() => undefined);
const usersQuery = pageQuery.extend(listQuery.shape).extend({
  role: z.union([blank, z.enum(ROLES, { error: 'role must be one of the roles' })]).optional(),
  agencyId: z.union([blank, z.uuid({ error: 'agencyId must be an id' })]).optional(),
});
const idParams = z.object({ id: z.uuid() });
const FORM = 'partnership/views/user-form.njk';

export function registerUserRoutes(
  app: FastifyInstance,
  { page, partnership }: { page: PageRenderer; partnership: PartnershipService },
) {
  const users = partnership.users;

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    context: Record<string, unknown>,
    status = 200,
  ) {
    const ctx = contextOf(request);
    return page(
      request,
      reply,
      FORM,
      {
        title: 'Invite a user',
        ...context,
        roles: assignableRoles(ROLES, ctx.user.role).map((r) => ({ value: r, text: ROLE_LABELS[r] })),
        agencyChoices: await partnership.partners.choices(ctx),
      } as never,
      status,
    );
  }

  async function renderUser(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: Record<string, unknown> = {},
    status = 200,
  ) {
    const user = await users.get(contextOf(request), id);
    return page(
      request,
      reply,
      'partnership/views/user.njk',
      { title: user.name, account: user, roleLabels: ROLE_LABELS, ...extra },
      status,
    );
  }

  app.get('/users', { config: { access: 'users:manage' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const query = parseOrThrow(usersQuery, request.query);
    const [result, agencyChoices] = await Promise.all([
      users.rows(ctx, query),
      partnership.partners.choices(ctx),
    ]);
    const filterQuery = new URLSearchParams({
      ...(query.role ? { role: query.role } : {}),
      ...(query.agencyId ? { agencyId: query.agencyId } : {}),
      ...(query.q ? { q: query.q } : {}),
    }).toString();
    return page(request, reply, 'partnership/views/users-list.njk', {
      title: 'Users',
      result,
      query,
      filterQuery,
      agencyChoices,
      roles: ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r] })),
      roleLabels: ROLE_LABELS,
    });
  });

  app.get('/users/new', { config: { access: 'users:manage' } }, (request, reply) =>
    renderForm(request, reply, { values: {} }),
  );

  app.post('/users', { config: { access: 'users:manage' } }, async (request, reply) => {
    const input = formInput(request.body);
    const saved = await submitForm(input, userInput, (value) => users.invite(contextOf(request), value));
    if (!saved.ok) return renderForm(request, reply, { values: input, errors: saved.errors }, 400);
    const { user, invitationPath } = saved.result;
    return renderUser(request, reply, user.id, { flash: 'User invited', invitationPath }, 201);
  });

  app.get('/users/:id', { config: { access: 'users:manage' } }, (request, reply) =>
    renderUser(request, reply, idParam(request, 'id', 'User'), {
      flash: (request.query as Record<string, unknown>).saved ? 'User saved' : undefined,
    }),
  );

  app.get('/users/:id/edit', { config: { access: 'users:manage' } }, async (request, reply) => {
    const user = await users.get(contextOf(request), idParam(request, 'id', 'User'));
    return renderForm(request, reply, { title: `Change ${user.name}`, account: user, values: user });
  });

  app.post('/users/:id', { config: { access: 'users:manage' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const user = await users.get(ctx, idParam(request, 'id', 'User'));
    const input = formInput(request.body);
    const saved = await submitForm(input, userInput, (value) => users.update(ctx, user.id, value));
    if (!saved.ok) {
      const title = `Change ${user.name}`;
      return renderForm(request, reply, { title, account: user, values: input, errors: saved.errors }, 400);
    }
    return reply.redirect(`/users/${user.id}?saved=1`, 303);
  });

  for (const [action, isActive] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(`/users/:id/${action}`, { config: { access: 'users:manage' } }, async (request, reply) => {
      const id = idParam(request, 'id', 'User');
      const saved = await submitForm({ isActive }, userPatch, (value) =>
        users.update(contextOf(request), id, value),
      );
      if (!saved.ok) return renderUser(request, reply, id, { errors: saved.errors }, 400);
      return reply.redirect(`/users/${id}?saved=1`, 303);
    });
  }

  app.post('/users/:id/invitation', { config: { access: 'users:manage' } }, async (request, reply) => {
    const id = idParam(request, 'id', 'User');
    const invitationPath = await users.reinvite(contextOf(request), id);
    return renderUser(request, reply, id, { flash: 'New invitation link made', invitationPath });
  });

  // API
  app.get(
    '/api/v1/users',
    {
      config: {
        access: 'users:manage',
        api: { summary: 'List user accounts', tag: 'Users', query: usersQuery, response: pageOf(userOut) },
      },
    },
    async (request) => users.list(contextOf(request), parseOrThrow(usersQuery, request.query)),
  );

  app.post(
    '/api/v1/users',
    {
      config: {
        access: 'users:manage',
        api: {
          summary: 'Invite a user: creates the account and a one-time link to set its password',
          tag: 'Users',
          body: userInput,
          response: z.object({ user: userOut, invitationPath: z.string() }),
          successStatus: 201,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await users.invite(contextOf(request), parseOrThrow(userInput, request.body))),
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: {
        access: 'users:manage',
        api: { summary: 'One user account', tag: 'Users', params: idParams, response: userOut },
      },
    },
    async (request) => users.get(contextOf(request), idParam(request, 'id', 'User')),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: {
        access: 'users:manage',
        api: {
          summary: 'Change a user’s name, email, role, agency or whether it is active',
          tag: 'Users',
          params: idParams,
          body: userPatch,
          response: userOut,
        },
      },
    },
    async (request) =>
      users.update(contextOf(request), idParam(request, 'id', 'User'), parseOrThrow(userPatch, request.body)),
  );
}
