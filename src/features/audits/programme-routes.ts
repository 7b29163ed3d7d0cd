import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  financialYearLabel,
  financialYearOf,
  quarterChoices,
  quarterLabel,
  quarterStart,
} from '../../platform/calendar/quarters.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { filterQueryOf } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { asksConfirmation } from '../../platform/privacy/personal-data.ts';
import type { PageContext, PageRenderer } from '../../platform/views/page.ts';
import type { ActionPlanService } from '../actions/service.ts';
import type { PartnershipService } from '../partnership/service.ts';
import type { Audit } from './audits-repo.ts';
import { labels } from './labels.ts';
import { AUDIT_TYPES, PARTNER_SUBMITTED_TYPES } from './rules.ts';
import { auditInput, programmeQuery } from './schemas.ts';
import type { AuditService } from './service.ts';

export type AuditDeps = {
  page: PageRenderer;
  partnership: PartnershipService;
  plan: ActionPlanService;
  audits: AuditService;
};

const DATE_FIELDS = ['workshopOn'];
const FORM = 'audits/views/audit-form.njk';
/** How many financial years either side of this one the programme offers. */
const YEARS_BACK = 3;
const YEARS_AHEAD = 2;

/** Audits in quarter order, as one group per quarter. */
function byQuarter(audits: Audit[]) {
  const groups: { label: string; items: Audit[] }[] = [];
  let current = '';
  for (const audit of audits) {
    if (audit.quarterStartsOn !== current) {
      current = audit.quarterStartsOn;
      groups.push({ label: quarterLabel(current), items: [] });
    }
    groups[groups.length - 1]?.items.push(audit);
  }
  return groups;
}

export function registerProgrammePages(app: FastifyInstance, { page, partnership, plan, audits }: AuditDeps) {
  const service = audits.programme;
  const thisYear = () => financialYearOf(todayInLondon());

  app.get('/audits', { config: { access: 'audits:read' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const query = parseOrThrow(programmeQuery, request.query);
    const { after: _after, limit: _limit, ...filter } = query;
    const result = await service.list(ctx, query);
    const years = [];
    for (let y = thisYear() + YEARS_AHEAD; y >= thisYear() - YEARS_BACK; y -= 1)
      years.push({ value: String(y), text: financialYearLabel(y) });
    return page(request, reply, 'audits/views/programme.njk', {
      title: 'Audit programme',
      result,
      groups: byQuarter(result.items),
      query,
      years,
      filterQuery: filterQueryOf(filter),
      ...labels,
    });
  });

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    context: PageContext & { audit?: Audit },
    status = 200,
  ) {
    const ctx = contextOf(request);
    const manages = service.mayManage(ctx);
    const [agencies, people, themes] = await Promise.all([
      partnership.partners.choices(ctx),
      partnership.people.choices(ctx),
      plan.lists.choices(ctx, 'themes'),
    ]);
    // Partners other than the QA and Performance group submit their own agency's audits only.
    const types = manages ? AUDIT_TYPES : PARTNER_SUBMITTED_TYPES;
    const planned = context.audit ? financialYearOf(context.audit.quarterStartsOn) : thisYear();
    return page(
      request,
      reply,
      FORM,
      {
        ...context,
        agencies: manages ? agencies : agencies.filter((a) => a.id === ctx.user.agencyId),
        people,
        themes,
        types: labels.typeChoices.filter((c) => types.includes(c.value)),
        quarters: quarterChoices(
          Math.min(planned, thisYear() - 1),
          Math.max(planned, thisYear() + YEARS_AHEAD),
        ),
        askConfirm: asksConfirmation(context.errors),
        dateFields: DATE_FIELDS,
        ...labels,
      },
      status,
    );
  }

  app.get('/audits/new', { config: { access: 'audits:submit' } }, (request, reply) => {
    const ctx = contextOf(request);
    return renderForm(request, reply, {
      title: service.mayManage(ctx) ? 'Add an audit to the programme' : 'Submit an audit',
      values: {
        type: service.mayManage(ctx) ? undefined : 'single-agency',
        agencyId: ctx.user.agencyId,
        status: 'planned',
        quarterStartsOn: quarterStart(todayInLondon()),
      },
    });
  });

  app.post('/audits', { config: { access: 'audits:submit' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const input = formInput(request.body, DATE_FIELDS);
    const saved = await submitForm(input, auditInput, (value) => service.create(ctx, value));
    if (!saved.ok) {
      const title = service.mayManage(ctx) ? 'Add an audit to the programme' : 'Submit an audit';
      return renderForm(request, reply, { title, values: input, errors: saved.errors }, 400);
    }
    return reply.redirect(`/audits/${saved.result.id}?added=1`, 303);
  });

  async function editable(request: FastifyRequest) {
    const ctx = contextOf(request);
    const audit = await service.get(ctx, idParam(request, 'id', 'Audit'));
    if (!service.mayEdit(ctx, audit)) throw forbidden();
    return audit;
  }

  app.get('/audits/:id/edit', { config: { access: 'audits:submit' } }, async (request, reply) => {
    const audit = await editable(request);
    return renderForm(request, reply, { title: `Change AUD-${audit.number}`, audit, values: audit });
  });

  app.post('/audits/:id', { config: { access: 'audits:submit' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const audit = await editable(request);
    const input = formInput(request.body, DATE_FIELDS);
    const saved = await submitForm(input, auditInput, (value) => service.update(ctx, audit.id, value));
    if (!saved.ok)
      return renderForm(
        request,
        reply,
        { title: `Change AUD-${audit.number}`, audit, values: input, errors: saved.errors },
        400,
      );
    return reply.redirect(`/audits/${audit.id}?saved=1`, 303);
  });
}
