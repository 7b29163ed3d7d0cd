import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { PageContext, PageRenderer } from '../../platform/views/page.ts';
import { listQuery, personInput, personPatch } from './schemas.ts';
import type { PartnershipService } from './service.ts';

const personOut = z.object({
  id: z.uuid(),
  name: z.string(),
  jobTitle: z.string(),
  email: z.string().nullable(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const peopleQuery = pageQuery.extend(listQuery.shape).extend({
  agencyId: z
    .union([z.literal('').transform(() => undefined), z.uuid({ error: 'agencyId must be an id' })])
    .optional(),
});
const idParams = z.object({ id: z.uuid() });
const FORM = 'partnership/views/person-form.njk';

export function registerPeopleRoutes(
  app: FastifyInstance,
  { page, partnership }: { page: PageRenderer; partnership: PartnershipService },
) {
  const people = partnership.people;

  app.get('/people', { config: { access: 'structure:read' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const query = parseOrThrow(peopleQuery, request.query);
    const [result, agencyChoices] = await Promise.all([
      people.rows(ctx, query),
      partnership.partners.choices(ctx),
    ]);
    const filterQuery = new URLSearchParams({
      ...(query.agencyId ? { agencyId: query.agencyId } : {}),
      ...(query.q ? { q: query.q } : {}),
    }).toString();
    return page(request, reply, 'partnership/views/people-list.njk', {
      title: 'People',
      result,
      query,
      filterQuery,
      agencyChoices,
    });
  });

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    context: PageContext,
    status = 200,
  ) =>
    page(
      request,
      reply,
      FORM,
      { ...context, agencyChoices: await partnership.partners.choices(contextOf(request)) },
      status,
    );

  app.get('/people/new', { config: { access: 'structure:write' } }, (request, reply) =>
    renderForm(request, reply, { title: 'Add a person', values: {} }),
  );

  app.post('/people', { config: { access: 'structure:write' } }, async (request, reply) => {
    const input = formInput(request.body);
    const saved = await submitForm(input, personInput, (value) => people.create(contextOf(request), value));
    if (!saved.ok)
      return renderForm(request, reply, { title: 'Add a person', values: input, errors: saved.errors }, 400);
    return reply.redirect(`/people/${saved.result.id}?saved=1`, 303);
  });

  app.get('/people/:id', { config: { access: 'structure:read' } }, async (request, reply) => {
    const person = await people.get(contextOf(request), idParam(request, 'id', 'Person'));
    const saved = (request.query as Record<string, unknown>).saved;
    return page(request, reply, 'partnership/views/person.njk', {
      title: person.name,
      person,
      flash: saved ? 'Person saved' : undefined,
    });
  });

  app.get('/people/:id/edit', { config: { access: 'structure:write' } }, async (request, reply) => {
    const person = await people.get(contextOf(request), idParam(request, 'id', 'Person'));
    return renderForm(request, reply, { title: `Change ${person.name}`, person, values: person });
  });

  app.post('/people/:id', { config: { access: 'structure:write' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const person = await people.get(ctx, idParam(request, 'id', 'Person'));
    const input = formInput(request.body);
    const saved = await submitForm(input, personInput, (value) => people.update(ctx, person.id, value));
    if (!saved.ok) {
      return renderForm(
        request,
        reply,
        { title: `Change ${person.name}`, person, values: input, errors: saved.errors },
        400,
      );
    }
    return reply.redirect(`/people/${person.id}?saved=1`, 303);
  });

  app.get(
    '/api/v1/people',
    {
      config: {
        access: 'structure:read',
        api: { summary: 'List people', tag: 'Structure', query: peopleQuery, response: pageOf(personOut) },
      },
    },
    async (request) => people.list(contextOf(request), parseOrThrow(peopleQuery, request.query)),
  );

  app.post(
    '/api/v1/people',
    {
      config: {
        access: 'structure:write',
        api: {
          summary: 'Add a person',
          tag: 'Structure',
          body: personInput,
          response: personOut,
          successStatus: 201,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await people.create(contextOf(request), parseOrThrow(personInput, request.body))),
  );

  app.get(
    '/api/v1/people/:id',
    {
      config: {
        access: 'structure:read',
        api: { summary: 'One person', tag: 'Structure', params: idParams, response: personOut },
      },
    },
    async (request) => people.get(contextOf(request), idParam(request, 'id', 'Person')),
  );

  app.patch(
    '/api/v1/people/:id',
    {
      config: {
        access: 'structure:write',
        api: {
          summary: 'Change a person',
          tag: 'Structure',
          params: idParams,
          body: personPatch,
          response: personOut,
        },
      },
    },
    async (request) =>
      people.update(
        contextOf(request),
        idParam(request, 'id', 'Person'),
        parseOrThrow(personPatch, request.body),
      ),
  );
}
