import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { contextOf } from '../../platform/http/context.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { PageRenderer } from '../../platform/views/page.ts';
import { partnershipInput } from './schemas.ts';
import type { PartnershipService } from './service.ts';

const partnershipOut = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  areaName: z.string(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  agencies: z.number(),
  users: z.number(),
});
const createdOut = z.object({ id: z.uuid(), adminId: z.uuid(), invitationPath: z.string() });
const FORM = 'partnership/views/partnership-form.njk';

/** The operator's pages: every partnership of the installation, and a new one with its first admin. */
export function registerPartnershipsRoutes(
  app: FastifyInstance,
  { page, partnership }: { page: PageRenderer; partnership: PartnershipService },
) {
  const partnerships = partnership.partnerships;

  app.get('/partnerships', { config: { access: 'partnerships:manage' } }, async (request, reply) => {
    const result = await partnerships.list(parseOrThrow(pageQuery, request.query));
    return page(request, reply, 'partnership/views/partnerships-list.njk', { title: 'Partnerships', result });
  });

  app.get('/partnerships/new', { config: { access: 'partnerships:manage' } }, (request, reply) =>
    page(request, reply, FORM, { title: 'Add a partnership', values: {} }),
  );

  app.post('/partnerships', { config: { access: 'partnerships:manage' } }, async (request, reply) => {
    const input = formInput(request.body);
    const saved = await submitForm(input, partnershipInput, (value) =>
      partnerships.create(contextOf(request), value),
    );
    if (!saved.ok)
      return page(
        request,
        reply,
        FORM,
        { title: 'Add a partnership', values: input, errors: saved.errors },
        400,
      );
    return page(
      request,
      reply,
      'partnership/views/partnership-created.njk',
      { title: 'Partnership added', values: input, invitationPath: saved.result.invitationPath },
      201,
    );
  });

  app.get(
    '/api/v1/partnerships',
    {
      config: {
        access: 'partnerships:manage',
        api: {
          summary: 'Every partnership of the installation (operator)',
          tag: 'Installation',
          query: pageQuery,
          response: pageOf(partnershipOut),
        },
      },
    },
    async (request) => partnerships.list(parseOrThrow(pageQuery, request.query)),
  );

  app.post(
    '/api/v1/partnerships',
    {
      config: {
        access: 'partnerships:manage',
        api: {
          summary:
            'Add a partnership with its local authority and first admin, who gets a link to set a password (operator)',
          tag: 'Installation',
          body: partnershipInput,
          response: createdOut,
          successStatus: 201,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await partnerships.create(contextOf(request), parseOrThrow(partnershipInput, request.body))),
  );
}
