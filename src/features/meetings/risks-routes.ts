import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../platform/access/roles.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { pageQuery } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { PageContext, PageRenderer } from '../../platform/views/page.ts';
import type { PartnershipService } from '../partnership/service.ts';
import { RISK_STATUS_LABELS, RISK_STATUSES } from './risk-rules.ts';
import { riskEscalation, riskInput } from './schemas.ts';
import type { MeetingService } from './service.ts';

type Deps = { page: PageRenderer; partnership: PartnershipService; meetings: MeetingService };

const blankToUndefined = z.literal('').transform(() => undefined);
export const risksQuery = pageQuery.extend({
  status: z
    .union([
      blankToUndefined,
      z.enum([...RISK_STATUSES, 'not-closed'], {
        error: 'status must be open, managed, closed or not-closed',
      }),
    ])
    .optional(),
  agencyId: z.union([blankToUndefined, z.uuid({ error: 'agencyId must be the id of an agency' })]).optional(),
});
const labels = {
  riskStatusLabels: RISK_STATUS_LABELS,
  riskStatuses: RISK_STATUSES.map((s) => ({ value: s, text: RISK_STATUS_LABELS[s] })),
  riskStatusFilter: [
    { value: 'not-closed', text: 'Not closed' },
    ...RISK_STATUSES.map((s) => ({ value: s, text: RISK_STATUS_LABELS[s] })),
  ],
};
const DATE_FIELDS = ['raisedOn', 'reviewOn'];
const FORM = 'meetings/views/risk-form.njk';

export function registerRiskPages(app: FastifyInstance, { page, partnership, meetings }: Deps) {
  const service = meetings.risks;

  app.get('/risks', { config: { access: 'risks:read' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const query = parseOrThrow(risksQuery, request.query);
    const [result, agencies] = await Promise.all([
      service.list(ctx, query),
      partnership.partners.choices(ctx),
    ]);
    const filterQuery = new URLSearchParams({
      ...(query.status ? { status: query.status } : {}),
      ...(query.agencyId ? { agencyId: query.agencyId } : {}),
    }).toString();
    return page(request, reply, 'meetings/views/risks-list.njk', {
      title: 'Emerging risks',
      result,
      query,
      agencies,
      filterQuery,
      ...labels,
    });
  });

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    context: PageContext,
    status = 200,
  ) {
    const ctx = contextOf(request);
    const [agencies, people] = await Promise.all([
      partnership.partners.choices(ctx),
      partnership.people.choices(ctx),
    ]);
    return page(
      request,
      reply,
      FORM,
      { ...context, agencies, people, dateFields: DATE_FIELDS, ...labels },
      status,
    );
  }

  /** Checkboxes send nothing, one value or several: the schema takes a list. */
  const riskForm = (body: unknown) => {
    const input = formInput(body, DATE_FIELDS);
    input.partnerIds = input.partnerIds ?? [];
    return input;
  };

  app.get('/risks/new', { config: { access: 'risks:write' } }, (request, reply) =>
    renderForm(request, reply, {
      title: 'Record an emerging risk',
      values: {
        raisedByAgencyId: contextOf(request).user.agencyId,
        raisedOn: todayInLondon(),
        status: 'open',
      },
    }),
  );

  app.post('/risks', { config: { access: 'risks:write' } }, async (request, reply) => {
    const input = riskForm(request.body);
    const saved = await submitForm(input, riskInput, (value) => service.create(contextOf(request), value));
    if (!saved.ok) {
      return renderForm(
        request,
        reply,
        { title: 'Record an emerging risk', values: input, errors: saved.errors },
        400,
      );
    }
    return reply.redirect(`/risks/${saved.result.id}?saved=1`, 303);
  });

  app.get('/risks/:id/edit', { config: { access: 'risks:write' } }, async (request, reply) => {
    const risk = await service.get(contextOf(request), idParam(request, 'id', 'Risk'));
    return renderForm(request, reply, {
      title: `Change RISK-${risk.number}`,
      risk,
      values: { ...risk, partnerIds: risk.partners.map((p) => p.id) },
    });
  });

  app.post('/risks/:id', { config: { access: 'risks:write' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const risk = await service.get(ctx, idParam(request, 'id', 'Risk'));
    const input = riskForm(request.body);
    const saved = await submitForm(input, riskInput, (value) => service.update(ctx, risk.id, value));
    if (!saved.ok) {
      return renderForm(
        request,
        reply,
        { title: `Change RISK-${risk.number}`, risk, values: input, errors: saved.errors },
        400,
      );
    }
    return reply.redirect(`/risks/${risk.id}?saved=1`, 303);
  });

  async function renderRisk(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { flash?: string; errors?: FieldError[]; values?: Record<string, unknown> } = {},
    status = 200,
  ) {
    const ctx = contextOf(request);
    const risk = await service.get(ctx, idParam(request, 'id', 'Risk'));
    return page(
      request,
      reply,
      'meetings/views/risk.njk',
      {
        title: `RISK-${risk.number}: ${risk.title}`,
        risk,
        mayWrite: can(ctx.user.role, 'risks:write'),
        values: {},
        ...extra,
        ...labels,
      },
      status,
    );
  }

  app.get('/risks/:id', { config: { access: 'risks:read' } }, (request, reply) => {
    const saved = (request.query as Record<string, unknown>).saved;
    return renderRisk(request, reply, { flash: saved ? 'Risk saved' : undefined });
  });

  app.post('/risks/:id/escalate', { config: { access: 'risks:write' } }, async (request, reply) => {
    const id = idParam(request, 'id', 'Risk');
    const input = formInput(request.body);
    const saved = await submitForm(input, riskEscalation, (value) =>
      service.escalate(contextOf(request), id, value.ask),
    );
    if (!saved.ok) return renderRisk(request, reply, { errors: saved.errors, values: input }, 400);
    return reply.redirect(`/escalations/${saved.result.id}?raised=1`, 303);
  });
}
