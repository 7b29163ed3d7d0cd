import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addQuarters, quarterStart, shortQuarterLabel } from '../../platform/calendar/quarters.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { DataDeps } from './deps.ts';
import { labels, recentQuarters } from './labels.ts';
import { callInput, callsQuery } from './schemas.ts';
import { readFigureRows, uploadErrors, uploadedText } from './uploads.ts';

const DATE_FIELDS = ['deadline'];

/** Data calls: the business unit opens one a quarter; the compliance return shows who answered. */
export function registerCallPages(app: FastifyInstance, { page, data }: DataDeps) {
  const service = data.calls;

  app.get('/data/calls', { config: { access: 'data:read' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const before = parseOrThrow(callsQuery, request.query).before ?? null;
    const result = await service.list(ctx, before, 20);
    return page(request, reply, 'data/views/calls.njk', {
      title: 'Data calls',
      result,
      today: todayInLondon(),
      ...labels,
    });
  });

  const renderNew = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: FieldError[],
  ) => {
    const current = quarterStart(todayInLondon());
    return page(
      request,
      reply,
      'data/views/call-form.njk',
      {
        title: 'Open a data call',
        values,
        errors,
        dateFields: DATE_FIELDS,
        quarters: recentQuarters(addQuarters(current, 1), 8, addQuarters),
      },
      errors ? 400 : 200,
    );
  };

  app.get('/data/calls/new', { config: { access: 'data:manage' } }, (request, reply) =>
    renderNew(request, reply, { quarterStartsOn: addQuarters(quarterStart(todayInLondon()), -1) }),
  );

  app.post('/data/calls', { config: { access: 'data:manage' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const input = formInput(request.body, DATE_FIELDS);
    const saved = await submitForm(input, callInput, (value) => service.create(ctx, value));
    if (!saved.ok) return renderNew(request, reply, input, saved.errors);
    return reply.redirect(`/data/calls/${saved.result.id}?opened=1`, 303);
  });

  async function renderCall(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
    status = 200,
  ) {
    const ctx = contextOf(request);
    const compliance = await service.compliance(ctx, idParam(request, 'id', 'Data call'));
    const query = request.query as Record<string, unknown>;
    const flash = query.opened
      ? 'Data call opened: data leads can now enter their figures'
      : query.uploaded
        ? uploadedText(Number(query.uploaded) || 0)
        : undefined;
    return page(
      request,
      reply,
      'data/views/call.njk',
      {
        title: `Data call for ${shortQuarterLabel(compliance.call.quarterStartsOn)}`,
        ...compliance,
        quarterLabel: shortQuarterLabel(compliance.call.quarterStartsOn),
        ownAgencyId: ctx.user.agencyId,
        flash,
        ...labels,
        ...extra,
      },
      status,
    );
  }

  app.get('/data/calls/:id', { config: { access: 'data:read' } }, (request, reply) =>
    renderCall(request, reply),
  );

  app.get('/data/calls/:id/indicators', { config: { access: 'data:read' } }, async (request, reply) => {
    const found = await service.byIndicator(contextOf(request), idParam(request, 'id', 'Data call'));
    return page(request, reply, 'data/views/call-indicators.njk', {
      title: `The return by indicator, ${shortQuarterLabel(found.call.quarterStartsOn)}`,
      ...found,
      quarterLabel: shortQuarterLabel(found.call.quarterStartsOn),
    });
  });

  // The business unit's upload: rows for any agencies, each into that agency's submission as a draft
  // (or as an amendment, if it was submitted).
  app.post('/data/calls/:id/upload', { config: { access: 'data:manage' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const callId = idParam(request, 'id', 'Data call');
    const read = await readFigureRows((request.body as Record<string, unknown> | undefined)?.file);
    if (!read.ok) return renderCall(request, reply, { errors: read.errors }, 400);
    const saved = await service.saveRows(ctx, callId, read.rows);
    if (!saved.ok) return renderCall(request, reply, { errors: uploadErrors(saved.problems) }, 400);
    return reply.redirect(`/data/calls/${callId}?uploaded=${saved.figures}`, 303);
  });
}
