import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { PageRenderer } from '../../platform/views/page.ts';
import { AGENCY_KIND_LABELS, AGENCY_KINDS, isStatutory, SECTOR_LABELS, SECTORS } from './rules.ts';
import { listQuery, partnerInput, partnerPatch, safeguardingPartnerInput } from './schemas.ts';
import type { PartnershipService } from './service.ts';

const partnerOut = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  sector: z.enum(SECTORS),
  contactEmail: z.string().nullable(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const partnerListQuery = pageQuery.extend(listQuery.shape).extend({
  kind: z
    .enum(AGENCY_KINDS, { error: 'kind must be one of the partner kinds' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
const idParams = z.object({ id: z.uuid() });
const created = z.object({ id: z.uuid() });
const FORM = 'partnership/views/partner-form.njk';

const options = {
  kinds: AGENCY_KINDS.map((k) => ({ value: k, text: AGENCY_KIND_LABELS[k] })),
  sectors: SECTORS.map((s) => ({ value: s, text: SECTOR_LABELS[s] })),
  kindLabels: AGENCY_KIND_LABELS,
  sectorLabels: SECTOR_LABELS,
};

export function registerPartnerRoutes(
  app: FastifyInstance,
  { page, partnership }: { page: PageRenderer; partnership: PartnershipService },
) {
  const partners = partnership.partners;

  // Pages
  app.get('/partners', { config: { access: 'structure:read' } }, async (request, reply) => {
    const query = parseOrThrow(partnerListQuery, request.query);
    const result = await partners.rows(contextOf(request), query);
    const filterQuery = new URLSearchParams({
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.q ? { q: query.q } : {}),
    });
    return page(request, reply, 'partnership/views/partners-list.njk', {
      title: 'Partners',
      result,
      query,
      filterQuery: filterQuery.toString(),
      ...options,
    });
  });

  app.get('/partners/new', { config: { access: 'structure:write' } }, (request, reply) =>
    page(request, reply, FORM, {
      title: 'Add a partner',
      values: { sector: 'other' },
      ...options,
    }),
  );

  app.post('/partners', { config: { access: 'structure:write' } }, async (request, reply) => {
    const input = formInput(request.body);
    const saved = await submitForm(input, partnerInput, (value) =>
      partners.create(contextOf(request), value),
    );
    if (!saved.ok) {
      return page(
        request,
        reply,
        FORM,
        { title: 'Add a partner', values: input, errors: saved.errors, ...options },
        400,
      );
    }
    return reply.redirect(`/partners/${saved.result.id}?saved=1`, 303);
  });

  async function renderPartner(
    request: FastifyRequest,
    reply: FastifyReply,
    agencyId: string,
    extra: { flash?: string; errors?: { field: string; message: string }[] },
    status = 200,
  ) {
    const ctx = contextOf(request);
    const partner = await partners.get(ctx, agencyId);
    const [leads, people] = await Promise.all([
      partnership.structure.safeguardingPartnersOf(ctx, partner.id),
      partnership.people.list(ctx, { agencyId: partner.id, limit: 200 }),
    ]);
    return page(
      request,
      reply,
      'partnership/views/partner.njk',
      {
        title: partner.name,
        partner,
        leads,
        people: people.items,
        morePeople: people.next !== null,
        statutory: isStatutory(partner.kind),
        ...extra,
        ...options,
      },
      status,
    );
  }

  app.get('/partners/:id', { config: { access: 'structure:read' } }, async (request, reply) =>
    renderPartner(request, reply, idParam(request, 'id', 'Partner'), {
      flash: (request.query as Record<string, unknown>).saved ? 'Partner saved' : undefined,
    }),
  );

  // Lead and delegated safeguarding partners (WT2023) are named on the statutory partner's page.
  app.post(
    '/partners/:id/safeguarding-partners',
    { config: { access: 'structure:write' } },
    async (request, reply) => {
      const agencyId = idParam(request, 'id', 'Partner');
      const saved = await submitForm(formInput(request.body), safeguardingPartnerInput, (value) =>
        partnership.structure.addSafeguardingPartner(contextOf(request), agencyId, value),
      );
      if (!saved.ok) return renderPartner(request, reply, agencyId, { errors: saved.errors }, 400);
      return reply.redirect(`/partners/${agencyId}#safeguarding-partners`, 303);
    },
  );

  app.post(
    '/partners/:id/safeguarding-partners/:entryId/remove',
    { config: { access: 'structure:write' } },
    async (request, reply) => {
      const agencyId = idParam(request, 'id', 'Partner');
      await partnership.structure.removeSafeguardingPartner(
        contextOf(request),
        agencyId,
        idParam(request, 'entryId', 'Safeguarding partner'),
      );
      return reply.redirect(`/partners/${agencyId}#safeguarding-partners`, 303);
    },
  );

  app.get('/partners/:id/edit', { config: { access: 'structure:write' } }, async (request, reply) => {
    const partner = await partners.get(contextOf(request), idParam(request, 'id', 'Partner'));
    return page(request, reply, FORM, {
      title: `Change ${partner.name}`,
      partner,
      values: partner,
      ...options,
    });
  });

  app.post('/partners/:id', { config: { access: 'structure:write' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const partner = await partners.get(ctx, idParam(request, 'id', 'Partner'));
    const input = formInput(request.body);
    const saved = await submitForm(input, partnerInput, (value) => partners.update(ctx, partner.id, value));
    if (!saved.ok) {
      const title = `Change ${partner.name}`;
      return page(
        request,
        reply,
        FORM,
        { title, partner, values: input, errors: saved.errors, ...options },
        400,
      );
    }
    return reply.redirect(`/partners/${partner.id}?saved=1`, 303);
  });

  // API
  app.get(
    '/api/v1/partners',
    {
      config: {
        access: 'structure:read',
        api: {
          summary: 'List partners (agencies)',
          tag: 'Structure',
          query: partnerListQuery,
          response: pageOf(partnerOut),
        },
      },
    },
    async (request) => partners.list(contextOf(request), parseOrThrow(partnerListQuery, request.query)),
  );

  app.post(
    '/api/v1/partners',
    {
      config: {
        access: 'structure:write',
        api: {
          summary: 'Add a partner',
          tag: 'Structure',
          body: partnerInput,
          response: partnerOut,
          successStatus: 201,
        },
      },
    },
    async (request, reply) => {
      const partner = await partners.create(contextOf(request), parseOrThrow(partnerInput, request.body));
      return reply.status(201).send(partner);
    },
  );

  app.get(
    '/api/v1/partners/:id',
    {
      config: {
        access: 'structure:read',
        api: { summary: 'One partner', tag: 'Structure', params: idParams, response: partnerOut },
      },
    },
    async (request) => partners.get(contextOf(request), idParam(request, 'id', 'Partner')),
  );

  app.patch(
    '/api/v1/partners/:id',
    {
      config: {
        access: 'structure:write',
        api: {
          summary: 'Change a partner',
          tag: 'Structure',
          params: idParams,
          body: partnerPatch,
          response: partnerOut,
        },
      },
    },
    async (request) =>
      partners.update(
        contextOf(request),
        idParam(request, 'id', 'Partner'),
        parseOrThrow(partnerPatch, request.body),
      ),
  );

  app.post(
    '/api/v1/partners/:id/safeguarding-partners',
    {
      config: {
        access: 'structure:write',
        api: {
          summary: 'Name a lead or delegated safeguarding partner',
          tag: 'Structure',
          params: idParams,
          body: safeguardingPartnerInput,
          response: created,
          successStatus: 201,
        },
      },
    },
    async (request, reply) => {
      const id = await partnership.structure.addSafeguardingPartner(
        contextOf(request),
        idParam(request, 'id', 'Partner'),
        parseOrThrow(safeguardingPartnerInput, request.body),
      );
      return reply.status(201).send({ id });
    },
  );

  app.delete(
    '/api/v1/partners/:id/safeguarding-partners/:entryId',
    {
      config: {
        access: 'structure:write',
        api: {
          summary: 'Remove a lead or delegated safeguarding partner',
          tag: 'Structure',
          params: z.object({ id: z.uuid(), entryId: z.uuid() }),
          successStatus: 204,
        },
      },
    },
    async (request, reply) => {
      const agencyId = idParam(request, 'id', 'Partner');
      await partnership.structure.removeSafeguardingPartner(
        contextOf(request),
        agencyId,
        idParam(request, 'entryId', 'Safeguarding partner'),
      );
      return reply.status(204).send();
    },
  );
}
