import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { can, type Permission } from '../../platform/access/roles.ts';
import { quarterLabel } from '../../platform/calendar/quarters.ts';
import { contextOf, idParam, type RequestContext } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { asksConfirmation } from '../../platform/privacy/personal-data.ts';
import { ACTION_STATUS_LABELS } from '../actions/service.ts';
import { labels } from './labels.ts';
import type { AuditDeps } from './programme-routes.ts';
import { isPartnerSubmitted, isPartnershipLed, mayRecordAudit } from './rules.ts';
import { caseInput, findingInput, gradesInput, reviewInput } from './schemas.ts';

const FLASHES: Record<string, string> = {
  added: 'Audit added to the programme',
  saved: 'Audit saved',
  case: 'Case added',
  grades: 'Grades saved',
  finding: 'Finding added',
  reviewed: 'Review recorded',
};

/** An audit's page: what it looked at, how it graded practice, what it found, and the actions raised. */
export function registerAuditPage(app: FastifyInstance, { page, partnership, plan, audits }: AuditDeps) {
  async function renderAudit(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { flash?: string; errors?: FieldError[]; values?: Record<string, unknown>; form?: string } = {},
    status = 200,
  ) {
    const ctx = contextOf(request);
    const { audit, cases, grades, findings } = await audits.records.details(
      ctx,
      idParam(request, 'id', 'Audit'),
    );
    const manages = audits.programme.mayManage(ctx);
    const [agencies, actions] = await Promise.all([
      mayRecordAudit(ctx.user, audit) ? partnership.partners.choices(ctx) : [],
      audit.sourceId && can(ctx.user.role, 'plan:read')
        ? plan.actions.rows(ctx, { sourceId: audit.sourceId, limit: 200 })
        : null,
    ]);
    return page(
      request,
      reply,
      'audits/views/audit.njk',
      {
        title: `AUD-${audit.number}: ${audit.title}`,
        askConfirm: asksConfirmation(extra.errors),
        audit,
        cases,
        findings,
        grades: Object.fromEntries(grades.map((g) => [g.area, g.grade])),
        quarter: quarterLabel(audit.quarterStartsOn),
        partnershipLed: isPartnershipLed(audit.type),
        partnerSubmitted: isPartnerSubmitted(audit.type),
        mayEdit: audits.programme.mayEdit(ctx, audit),
        manages,
        mayRecord: mayRecordAudit(ctx.user, audit),
        agencies,
        actions,
        actionStatusLabels: ACTION_STATUS_LABELS,
        values: {},
        ...extra,
        ...labels,
      },
      status,
    );
  }

  app.get('/audits/:id', { config: { access: 'audits:read' } }, (request, reply) => {
    const key = Object.keys(request.query as object).find((k) => k in FLASHES);
    return renderAudit(request, reply, { flash: key ? FLASHES[key] : undefined });
  });

  /** The forms on the audit's page: each re-renders the page with its errors, or redirects with a flash. */
  const forms: {
    path: string;
    schema: z.ZodType;
    save: (ctx: RequestContext, id: string, value: never) => Promise<unknown>;
    flash: string;
    anchor: string;
  }[] = [
    {
      path: 'cases',
      schema: caseInput,
      save: (ctx, id, value: z.output<typeof caseInput>) => audits.records.addCase(ctx, id, value),
      flash: 'case',
      anchor: 'cases',
    },
    {
      path: 'grades',
      schema: gradesInput,
      save: (ctx, id, value: z.output<typeof gradesInput>) => audits.records.setGrades(ctx, id, value),
      flash: 'grades',
      anchor: 'grades',
    },
    {
      path: 'findings',
      schema: findingInput,
      save: (ctx, id, value: z.output<typeof findingInput>) => audits.records.addFinding(ctx, id, value.text),
      flash: 'finding',
      anchor: 'findings',
    },
    {
      path: 'review',
      schema: reviewInput,
      save: (ctx, id, value: z.output<typeof reviewInput>) =>
        audits.programme.review(ctx, id, value.comments),
      flash: 'reviewed',
      anchor: 'review',
    },
  ];
  for (const form of forms) {
    // The audit's agency records its own audit's content; only the group reviews it.
    const access: Permission = form.path === 'review' ? 'audits:manage' : 'audits:submit';
    app.post(`/audits/:id/${form.path}`, { config: { access } }, async (request, reply) => {
      const id = idParam(request, 'id', 'Audit');
      const input = formInput(request.body);
      if (form.path === 'cases') input.agencyIds = input.agencyIds ?? [];
      const saved = await submitForm(input, form.schema, (value) =>
        form.save(contextOf(request), id, value as never),
      );
      if (!saved.ok)
        return renderAudit(request, reply, { errors: saved.errors, values: input, form: form.path }, 400);
      return reply.redirect(`/audits/${id}?${form.flash}=1#${form.anchor}`, 303);
    });
  }

  /** A finding becomes an action: on to the plan's form, with its words and the audit as its source. */
  app.post(
    '/audits/:id/findings/:findingId/plan',
    { config: { access: 'plan:manage' } },
    async (request, reply) => {
      const { sourceId, detail } = await audits.records.findingForPlan(
        contextOf(request),
        idParam(request, 'id', 'Audit'),
        idParam(request, 'findingId', 'Finding'),
      );
      return reply.redirect(`/actions/new?${new URLSearchParams({ source: sourceId, detail })}`, 303);
    },
  );
}
