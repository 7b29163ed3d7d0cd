import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addQuarters, shortQuarterLabel } from '../../platform/calendar/quarters.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { type Cell, sendCsv } from '../../platform/http/csv.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { sendXlsx } from '../../platform/http/xlsx.ts';
import { asksConfirmation, personalDataErrors } from '../../platform/privacy/personal-data.ts';
import { FORM_BACK_QUARTERS } from './calls-service.ts';
import type { DataDeps } from './deps.ts';
import { FIGURE_COLUMNS, type FigureRowInput } from './figures.ts';
import { labels, recentQuarters } from './labels.ts';
import { readFigureRows, uploadErrors, uploadedText } from './uploads.ts';

const NARRATIVE_MAX = 10_000;
const NARRATIVE_FIELDS = [['narrative', 'The narrative']] as const;

/** One agency's answer to a data call: the figures by form or upload, the narrative, and submitting it. */
export function registerSubmissionPages(app: FastifyInstance, { page, data }: DataDeps) {
  const service = data.calls;
  const base = (callId: string, agencyId: string) => `/data/calls/${callId}/agencies/${agencyId}`;
  const ids = (request: FastifyRequest) => ({
    callId: idParam(request, 'id', 'Data call'),
    agencyId: idParam(request, 'agencyId', 'Agency'),
  });

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: Record<string, unknown>; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const ctx = contextOf(request);
    const { callId, agencyId } = ids(request);
    const found = await service.submission(ctx, callId, agencyId);
    const quarter = found.call.quarterStartsOn;
    const values: Record<string, unknown> = extra.values ?? {
      narrative: found.submission?.narrative ?? '',
      ...Object.fromEntries(
        found.asked.flatMap((i) => [
          [`v_${i.id}`, i.figure ? String(Number(i.figure.value)) : ''],
          [`p_${i.id}`, i.figure?.periodStartsOn ?? quarter],
        ]),
      ),
    };
    const query = request.query as Record<string, unknown>;
    const flash = query.saved
      ? 'Draft saved: it is not yet shared with the partnership'
      : query.submitted
        ? 'Figures submitted to the partnership'
        : query.uploaded
          ? uploadedText(Number(query.uploaded) || 0)
          : undefined;
    return page(
      request,
      reply,
      'data/views/submission.njk',
      {
        title: `${found.agency.name}: figures for ${shortQuarterLabel(quarter)}`,
        ...found,
        values,
        errors: extra.errors,
        askConfirm: asksConfirmation(extra.errors),
        quarterLabel: shortQuarterLabel(quarter),
        periods: recentQuarters(quarter, FORM_BACK_QUARTERS + 1, addQuarters),
        base: base(callId, agencyId),
        flash,
        ...labels,
      },
      status,
    );
  }

  app.get('/data/calls/:id/agencies/:agencyId', { config: { access: 'data:submit' } }, (request, reply) =>
    render(request, reply),
  );

  app.post(
    '/data/calls/:id/agencies/:agencyId',
    { config: { access: 'data:submit' } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { callId, agencyId } = ids(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const found = await service.submission(ctx, callId, agencyId);
      const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
      const narrative = text('narrative').trim();
      // The narrative is about figures, never a child: text that looks like a date of birth or a
      // postcode is held back until the user confirms it is neither.
      const personal = personalDataErrors(
        { narrative },
        NARRATIVE_FIELDS,
        body.confirmNoPersonalData === 'yes',
      );
      if (personal.length) return render(request, reply, { values: body, errors: personal }, 400);
      if (narrative.length > NARRATIVE_MAX)
        return render(
          request,
          reply,
          {
            values: body,
            errors: [
              {
                field: 'narrative',
                message: `The narrative must be ${NARRATIVE_MAX.toLocaleString('en-GB')} characters or fewer`,
              },
            ],
          },
          400,
        );
      const byRow = new Map<number, string>();
      const entries: FigureRowInput[] = found.asked.map((indicator, index) => {
        byRow.set(index + 1, indicator.id);
        return {
          row: index + 1,
          agency: found.agency.name,
          indicator: indicator.code,
          period: text(`p_${indicator.id}`) || found.call.quarterStartsOn,
          value: text(`v_${indicator.id}`),
        };
      });
      const submit = body.intent === 'submit';
      const saved = await service.saveForm(ctx, callId, agencyId, { narrative, entries, submit });
      if (!saved.ok) {
        const errors = saved.problems.map((p) => {
          const id = byRow.get(p.row) as string;
          const name = found.asked.find((i) => i.id === id)?.name ?? '';
          return { field: `${p.column === 'period' ? 'p' : 'v'}_${id}`, message: `${name}: ${p.message}` };
        });
        return render(request, reply, { values: body, errors }, 400);
      }
      const done = submit || found.submission?.status === 'submitted' ? 'submitted' : 'saved';
      return reply.redirect(`${base(callId, agencyId)}?${done}=1`, 303);
    },
  );

  app.post(
    '/data/calls/:id/agencies/:agencyId/upload',
    { config: { access: 'data:submit' } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { callId, agencyId } = ids(request);
      await service.submission(ctx, callId, agencyId);
      const read = await readFigureRows((request.body as Record<string, unknown> | undefined)?.file);
      if (!read.ok) return render(request, reply, { errors: read.errors }, 400);
      const saved = await service.saveRows(ctx, callId, read.rows, { agencyId });
      if (!saved.ok) return render(request, reply, { errors: uploadErrors(saved.problems) }, 400);
      return reply.redirect(`${base(callId, agencyId)}?uploaded=${saved.figures}`, 303);
    },
  );

  // The template: a row for each indicator asked of the agency, for the call's quarter, to fill in.
  async function* templateRows(request: FastifyRequest): AsyncIterable<Cell[]> {
    const { callId, agencyId } = ids(request);
    const found = await service.submission(contextOf(request), callId, agencyId);
    for (const indicator of found.asked)
      yield [found.agency.name, indicator.code, shortQuarterLabel(found.call.quarterStartsOn), ''];
  }
  const templateName = (ext: string) => `figures-template.${ext}`;

  app.get(
    '/data/calls/:id/agencies/:agencyId/template.csv',
    { config: { access: 'data:submit' } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { callId, agencyId } = ids(request);
      await service.submission(ctx, callId, agencyId);
      return sendCsv(reply, templateName('csv'), [...FIGURE_COLUMNS], templateRows(request));
    },
  );

  app.get(
    '/data/calls/:id/agencies/:agencyId/template.xlsx',
    { config: { access: 'data:submit' } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { callId, agencyId } = ids(request);
      await service.submission(ctx, callId, agencyId);
      return sendXlsx(
        reply,
        templateName('xlsx'),
        {
          name: 'Figures',
          columns: FIGURE_COLUMNS.map((header) => ({ header, width: header === 'agency' ? 40 : 16 })),
        },
        templateRows(request),
      );
    },
  );
}
