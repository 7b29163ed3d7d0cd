import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { AuditDeps } from './programme-routes.ts';
import { AREAS, AUDIT_STATUSES, AUDIT_TYPES, GRADES } from './rules.ts';
import { auditInput, caseInput, findingInput, gradesInput, programmeQuery, reviewInput } from './schemas.ts';

const TAG = 'Audit programme';
const auditOut = z.object({
  id: z.uuid(),
  number: z.number().describe('Shown as AUD-<number>'),
  type: z.enum(AUDIT_TYPES),
  title: z.string(),
  themeId: z.uuid().nullable(),
  themeName: z.string().nullable(),
  quarterStartsOn: z.string().describe('First day of the financial quarter it is planned in'),
  agencyId: z.uuid().describe('The agency leading (multi-agency, themed) or submitting it'),
  agencyName: z.string(),
  leadPersonId: z.uuid().nullable(),
  leadPersonName: z.string().nullable(),
  status: z.enum(AUDIT_STATUSES),
  workshopOn: z.string().nullable(),
  followUpOn: z.string().nullable().describe('The follow-up learning session, months after the workshop'),
  goodPractice: z.string(),
  submittedOn: z.string().nullable(),
  reviewedOn: z.string().nullable().describe('When the QA and Performance group reviewed it'),
  reviewComments: z.string(),
  sourceId: z.uuid().nullable().describe('Its source in the learning action plan, once it has one'),
  caseCount: z.number(),
  findingCount: z.number(),
});
const caseOut = z.object({
  id: z.uuid(),
  pseudonym: z.string(),
  agencies: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
const gradeOut = z.object({ area: z.enum(AREAS), grade: z.enum(GRADES) });
const findingOut = z.object({ id: z.uuid(), text: z.string() });
const detailsOut = z.object({
  audit: auditOut,
  cases: z.array(caseOut),
  grades: z.array(gradeOut),
  findings: z.array(findingOut),
});
const idParams = z.object({ id: z.uuid() });

export function registerAuditsApi(app: FastifyInstance, { audits }: AuditDeps) {
  const { programme, records } = audits;
  const doc = (summary: string, extra: Record<string, unknown> = {}) => ({ summary, tag: TAG, ...extra });
  const byId = (summary: string, extra: Record<string, unknown> = {}) =>
    doc(summary, { params: idParams, ...extra });

  app.get(
    '/api/v1/audits',
    {
      config: {
        access: 'audits:read',
        api: doc('The audit programme in quarter order', {
          query: programmeQuery,
          response: pageOf(auditOut),
        }),
      },
    },
    (request) => programme.list(contextOf(request), parseOrThrow(programmeQuery, request.query)),
  );

  app.post(
    '/api/v1/audits',
    {
      config: {
        access: 'audits:submit',
        api: doc('Plan an audit, or submit an agency’s own single-agency, section 11 or section 175 audit', {
          body: auditInput,
          response: auditOut,
          successStatus: 201,
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await programme.create(contextOf(request), parseOrThrow(auditInput, request.body))),
  );

  app.get(
    '/api/v1/audits/:id',
    {
      config: {
        access: 'audits:read',
        api: byId('One audit with its cases, grades and findings', { response: detailsOut }),
      },
    },
    (request) => records.details(contextOf(request), idParam(request, 'id', 'Audit')),
  );

  app.put(
    '/api/v1/audits/:id',
    {
      config: {
        access: 'audits:submit',
        api: byId('Replace an audit’s details', { body: auditInput, response: auditOut }),
      },
    },
    (request) => {
      const id = idParam(request, 'id', 'Audit');
      return programme.update(contextOf(request), id, parseOrThrow(auditInput, request.body));
    },
  );

  app.post(
    '/api/v1/audits/:id/cases',
    {
      config: {
        access: 'audits:submit',
        api: byId('Add a case the audit looked at, by pseudonym', {
          body: caseInput,
          response: caseOut,
          successStatus: 201,
        }),
      },
    },
    async (request, reply) => {
      const id = idParam(request, 'id', 'Audit');
      const added = await records.addCase(contextOf(request), id, parseOrThrow(caseInput, request.body));
      return reply.status(201).send(added);
    },
  );

  app.put(
    '/api/v1/audits/:id/grades',
    {
      config: {
        access: 'audits:submit',
        api: byId('Replace the audit’s grades: one per area of practice, null for not graded', {
          body: gradesInput,
          response: z.array(gradeOut),
        }),
      },
    },
    (request) => {
      const id = idParam(request, 'id', 'Audit');
      return records.setGrades(contextOf(request), id, parseOrThrow(gradesInput, request.body));
    },
  );

  app.post(
    '/api/v1/audits/:id/findings',
    {
      config: {
        access: 'audits:submit',
        api: byId('Add a finding', { body: findingInput, response: findingOut, successStatus: 201 }),
      },
    },
    async (request, reply) => {
      const id = idParam(request, 'id', 'Audit');
      const { text } = parseOrThrow(findingInput, request.body);
      return reply.status(201).send(await records.addFinding(contextOf(request), id, text));
    },
  );

  app.post(
    '/api/v1/audits/:id/review',
    {
      config: {
        access: 'audits:manage',
        api: byId('Record the QA and Performance group’s review of an agency’s submitted audit', {
          body: reviewInput,
          response: auditOut,
        }),
      },
    },
    (request) => {
      const id = idParam(request, 'id', 'Audit');
      return programme.review(contextOf(request), id, parseOrThrow(reviewInput, request.body).comments);
    },
  );

  app.put(
    '/api/v1/audits/:id/plan-source',
    {
      config: {
        access: 'plan:manage',
        api: byId(
          'The audit’s source in the learning action plan, made if it has none: pass it as sourceId to POST /api/v1/actions',
          { response: z.object({ sourceId: z.uuid() }) },
        ),
      },
    },
    (request) => records.planSource(contextOf(request), idParam(request, 'id', 'Audit')),
  );
}
