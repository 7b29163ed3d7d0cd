import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { invalid } from '../../platform/http/errors.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { POLARITIES } from './comparisons.ts';
import { COMPLIANCE } from './compliance.ts';
import type { DataDeps } from './deps.ts';
import { callsQuery, catalogueQuery, dashboardQuery, indicatorInput, submissionApiInput } from './schemas.ts';
import { UNITS } from './statistics.ts';

const TAG = 'Data dashboard';
const named = z.object({ id: z.uuid(), name: z.string() });
const indicatorOut = z.object({
  id: z.uuid(),
  code: z.string().describe('Used in upload templates and when pushing figures'),
  name: z.string(),
  definition: z.string(),
  unit: z.enum(UNITS),
  polarity: z.enum(POLARITIES),
  agencyId: z.uuid().describe('The owner agency'),
  agencyName: z.string(),
  askedOf: z.enum(['owner', 'every-partner']),
  per10k: z.boolean().describe('Also shown as a rate per 10,000 children aged 0-17'),
  partOfId: z.uuid().nullable(),
  partOfName: z.string().nullable(),
  source: z.string(),
  published: z.boolean(),
  changeThreshold: z.number().nullable(),
  alertAbove: z.number().nullable(),
  alertBelow: z.number().nullable(),
  retired: z.boolean(),
  themes: z.array(named),
  priorities: z.array(named),
});
const callOut = z.object({
  id: z.uuid(),
  quarterStartsOn: z.string().describe('First day of the financial quarter the call asks for'),
  deadline: z.string(),
  note: z.string(),
  openedOn: z.string(),
});
const submissionOut = z.object({
  status: z.enum(['draft', 'submitted']),
  submittedOn: z.string().nullable(),
  late: z.boolean(),
  figures: z.number().describe('How many figures were saved by this request'),
});
const complianceOut = z.object({
  call: callOut,
  agencies: z.array(
    z.object({
      agencyId: z.uuid(),
      agencyName: z.string(),
      compliance: z.enum(COMPLIANCE),
      submittedOn: z.string().nullable(),
      asked: z.number(),
      forQuarter: z.number().describe('Asked indicators with a figure for the call’s quarter'),
      olderOnly: z.number().describe('Asked indicators answered only for an older quarter'),
      missing: z.number(),
    }),
  ),
  indicators: z.array(
    z.object({
      indicatorId: z.uuid(),
      code: z.string(),
      name: z.string(),
      asked: z.number(),
      forQuarter: z.number(),
      olderOnly: z.number(),
      missing: z.number(),
    }),
  ),
  outOfPeriod: z.array(
    z.object({
      agencyName: z.string(),
      indicatorId: z.uuid(),
      indicatorCode: z.string(),
      indicatorName: z.string(),
      periodStartsOn: z.string(),
    }),
  ),
});
const changeOut = z
  .object({
    difference: z.number(),
    percent: z.number().nullable(),
    direction: z.enum(['up', 'down', 'same']),
    judgement: z.enum(['better', 'worse', 'no-change', 'no-judgement']),
  })
  .nullable();
const benchmarkOut = z
  .object({ value: z.number(), period: z.string(), areas: z.number().optional() })
  .nullable();
const dashboardRowOut = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.enum(UNITS),
  polarity: z.enum(POLARITIES),
  period: z.string().nullable().describe('The quarter of the latest figure on or before the one asked'),
  stale: z.boolean().describe('The latest figure is for an older quarter than the one asked'),
  value: z.number().nullable(),
  rate: z.number().nullable().describe('Per 10,000 children aged 0-17, to one decimal place'),
  previous: z.number().nullable(),
  lastYear: z.number().nullable(),
  sinceQuarter: changeOut,
  sinceYear: changeOut,
  england: benchmarkOut,
  region: benchmarkOut,
  neighbours: benchmarkOut,
  exception: z.array(z.string()),
});
const idParams = z.object({ id: z.uuid() });
const submissionParams = z.object({ id: z.uuid(), agencyId: z.uuid() });

/** The dashboard's API: the catalogue, calls, partners' analysts pushing figures, compliance and the dashboard. */
export function registerDataApi(app: FastifyInstance, { data }: DataDeps) {
  const doc = (summary: string, extra: Record<string, unknown> = {}) => ({ summary, tag: TAG, ...extra });

  app.get(
    '/api/v1/indicators',
    {
      config: {
        access: 'data:read',
        api: doc('The indicator catalogue by name', {
          query: catalogueQuery,
          response: pageOf(indicatorOut),
        }),
      },
    },
    (request) => data.indicators.list(contextOf(request), parseOrThrow(catalogueQuery, request.query)),
  );

  app.post(
    '/api/v1/indicators',
    {
      config: {
        access: 'data:manage',
        api: doc('Add an indicator to the catalogue', {
          body: indicatorInput,
          response: indicatorOut,
          successStatus: 201,
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await data.indicators.create(contextOf(request), parseOrThrow(indicatorInput, request.body))),
  );

  app.get(
    '/api/v1/indicators/:id',
    {
      config: {
        access: 'data:read',
        api: doc('One indicator', { params: idParams, response: indicatorOut }),
      },
    },
    (request) => data.indicators.get(contextOf(request), idParam(request, 'id', 'Indicator')),
  );

  app.get(
    '/api/v1/data-calls',
    {
      config: {
        access: 'data:read',
        api: doc('Data calls, newest first', {
          response: z.object({ items: z.array(callOut), next: z.string().nullable() }),
        }),
      },
    },
    (request) => {
      const before = parseOrThrow(callsQuery, request.query).before ?? null;
      return data.calls.list(contextOf(request), before, 50);
    },
  );

  app.get(
    '/api/v1/data-calls/:id/compliance',
    {
      config: {
        access: 'data:read',
        api: doc(
          'The compliance return of a call: who answered on time and complete, and figures not for its quarter',
          {
            params: idParams,
            response: complianceOut,
          },
        ),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const id = idParam(request, 'id', 'Data call');
      const [byAgency, byIndicator] = await Promise.all([
        data.calls.compliance(ctx, id),
        data.calls.byIndicator(ctx, id),
      ]);
      return { ...byAgency, indicators: byIndicator.indicators };
    },
  );

  app.put(
    '/api/v1/data-calls/:id/submissions/:agencyId',
    {
      // An analyst's push may hold a long series: up to the upload's 100,000 figures.
      bodyLimit: 16 * 1024 * 1024,
      config: {
        access: 'data:submit',
        api: doc(
          'Send an agency’s figures for a call: each figure by indicator code, quarter (2025-26 Q2 or its first day) and value; all are saved or none. Figures for the same indicator and quarter replace those sent before. `submit` submits the draft.',
          { params: submissionParams, body: submissionApiInput, response: submissionOut },
        ),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const callId = idParam(request, 'id', 'Data call');
      const agencyId = idParam(request, 'agencyId', 'Agency');
      const input = parseOrThrow(submissionApiInput, request.body);
      const { agency } = await data.calls.submission(ctx, callId, agencyId);
      const rows = input.figures.map((f, i) => ({
        row: i + 1,
        agency: agency.name,
        indicator: f.indicator,
        period: f.period,
        value: String(f.value),
      }));
      const saved = await data.calls.saveRows(ctx, callId, rows, {
        agencyId,
        narrative: input.narrative,
        submit: input.submit,
      });
      if (!saved.ok)
        throw invalid(
          saved.problems.map((p) => ({
            field: `figures.${p.row - 1}.${p.column === 'agency' ? 'indicator' : p.column}`,
            message: p.message,
          })),
          'Some figures are not valid: none were saved',
        );
      const after = await data.calls.submission(ctx, callId, agencyId);
      return {
        status: after.submission?.status ?? 'draft',
        submittedOn: after.submission?.submittedOn ?? null,
        late: after.submission?.late ?? false,
        figures: saved.figures,
      };
    },
  );

  app.get(
    '/api/v1/dashboard',
    {
      config: {
        access: 'data:read',
        api: doc(
          'The dashboard for a quarter (the latest call’s by default): each indicator’s latest figure and its comparisons',
          {
            query: dashboardQuery,
            response: z.object({
              quarter: z.string(),
              items: z.array(dashboardRowOut),
              next: z.string().nullable(),
            }),
          },
        ),
      },
    },
    async (request) => {
      const result = await data.dashboard.list(
        contextOf(request),
        parseOrThrow(dashboardQuery, request.query),
      );
      return {
        quarter: result.quarter,
        next: result.page.next,
        items: result.page.items.map((r) => ({
          id: r.id,
          code: r.code,
          name: r.name,
          unit: r.unit,
          polarity: r.polarity,
          period: r.period,
          stale: r.stale,
          value: r.value,
          rate: r.rate,
          previous: r.previous,
          lastYear: r.lastYear,
          sinceQuarter: r.sinceQuarter,
          sinceYear: r.sinceYear,
          england: r.england,
          region: r.region,
          neighbours: r.neighbours,
          exception: r.exception,
        })),
      };
    },
  );
}
