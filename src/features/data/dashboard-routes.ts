import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addQuarters, quarterStart, shortQuarterLabel } from '../../platform/calendar/quarters.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import { type Bar, barChartSvg, lineChartSvg } from '../../platform/charts/charts.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { saveForm } from '../../platform/http/forms.ts';
import { filterQueryOf } from '../../platform/http/pagination.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { DataDeps } from './deps.ts';
import { labels, recentQuarters } from './labels.ts';
import { changeText } from './presentation.ts';
import { dashboardQuery, quarter } from './schemas.ts';
import { formatValue } from './statistics.ts';

/** How many quarters the dashboard's quarter select offers. */
const QUARTERS_OFFERED = 12;

const escalateInput = z.strictObject({
  _csrf: z.string().optional(),
  indicatorId: z.uuid({ error: 'Select an exception to escalate' }),
  quarter: quarter(),
});

export function quarterOptions() {
  return recentQuarters(addQuarters(quarterStart(todayInLondon()), 0), QUARTERS_OFFERED, addQuarters);
}

/** The dashboard, one indicator's page with its charts, and the exceptions for the QA and Performance group. */
export function registerDashboardPages(app: FastifyInstance, { page, plan, data }: DataDeps) {
  const service = data.dashboard;

  app.get('/data', { config: { access: 'data:read' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const query = parseOrThrow(dashboardQuery, request.query);
    const [result, themes, priorities] = await Promise.all([
      service.list(ctx, query),
      plan.lists.choices(ctx, 'themes'),
      plan.lists.choices(ctx, 'priorities'),
    ]);
    const { after: _a, limit: _l, ...filter } = query;
    return page(request, reply, 'data/views/dashboard.njk', {
      title: 'Data dashboard',
      quarter: result.quarter,
      quarterLabel: shortQuarterLabel(result.quarter),
      result: result.page,
      query: { ...query, quarter: result.quarter },
      themes,
      priorities,
      quarters: quarterOptions(),
      filterQuery: filterQueryOf({ ...filter, quarter: result.quarter }),
      changeText,
      ...labels,
    });
  });

  app.get('/data/indicators/:id', { config: { access: 'data:read' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const asked = parseOrThrow(dashboardQuery.pick({ quarter: true }), request.query).quarter;
    const found = await service.indicator(ctx, idParam(request, 'id', 'Indicator'), asked);
    const { indicator, series, benchmarks } = found;
    const rated = indicator.per10k;
    const charts = await charts$(found);
    const flash = (request.query as Record<string, unknown>).saved ? 'Indicator saved' : undefined;
    return page(request, reply, 'data/views/indicator.njk', {
      title: indicator.name,
      ...found,
      quarterLabel: shortQuarterLabel(found.quarter),
      rated,
      rows: series.map((p) => ({
        label: p.label,
        value: formatValue(p.value, indicator.unit),
        rate: p.rate === null ? null : formatValue(p.rate, 'rate'),
      })),
      benchmarkRows: benchmarks.map((b) => ({
        ...b,
        text: formatValue(b.value, rated ? 'rate' : indicator.unit),
      })),
      charts,
      flash,
      ...labels,
    });
  });

  /** A line over time and, when there are benchmarks, bars against them: SVG drawn on the server. */
  async function charts$(found: Awaited<ReturnType<typeof service.indicator>>) {
    const { indicator, series, benchmarks, latest } = found;
    const rated = indicator.per10k;
    const unitWord = rated ? 'Rate per 10,000 children' : labels.unitLabels[indicator.unit];
    const line =
      series.length > 0
        ? await lineChartSvg({
            title: `${indicator.name}, quarter by quarter`,
            yTitle: unitWord,
            yUnit: indicator.unit === 'percentage' ? '%' : undefined,
            series: [
              {
                name: indicator.name,
                points: series.map((p) => ({ x: p.label, y: rated ? p.rate : p.value })),
              },
            ],
          })
        : null;
    const bars: Bar[] = benchmarks.map((b) => ({
      label: `${b.areaKind === 'area' ? 'This area' : b.areaName}, ${b.period}`,
      value: b.value,
      highlight: b.areaKind === 'area',
    }));
    if (!benchmarks.some((b) => b.areaKind === 'area') && latest) {
      const last = series[series.length - 1];
      const value = rated ? (last?.rate ?? null) : latest.value;
      bars.unshift({ label: `This area, ${shortQuarterLabel(latest.period)}`, value, highlight: true });
    }
    const bar =
      benchmarks.length > 0
        ? await barChartSvg({
            title: `${indicator.name} against benchmarks`,
            yTitle: unitWord,
            bars,
          })
        : null;
    return { line, bar, bars };
  }

  app.get('/data/exceptions', { config: { access: 'data:read' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const asked = parseOrThrow(dashboardQuery.pick({ quarter: true }), request.query).quarter;
    const found = await service.exceptions(ctx, asked);
    const escalated = (request.query as Record<string, unknown>).escalated;
    return page(request, reply, 'data/views/exceptions.njk', {
      title: 'Exceptions',
      ...found,
      quarterLabel: shortQuarterLabel(found.quarter),
      quarters: quarterOptions(),
      flash: escalated ? `Escalated to the executive as ESC-${Number(escalated) || ''}` : undefined,
      changeText,
      ...labels,
    });
  });

  app.post(
    '/data/exceptions/escalate',
    { config: { access: 'escalations:raise' } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const input = parseOrThrow(escalateInput, request.body);
      const saved = await saveForm(() => service.escalate(ctx, input.indicatorId, input.quarter));
      if (!saved.ok) {
        const found = await service.exceptions(ctx, input.quarter);
        return page(
          request,
          reply,
          'data/views/exceptions.njk',
          {
            title: 'Exceptions',
            ...found,
            quarterLabel: shortQuarterLabel(found.quarter),
            quarters: quarterOptions(),
            errors: saved.errors,
            changeText,
            ...labels,
          },
          409,
        );
      }
      return reply.redirect(
        `/data/exceptions?quarter=${input.quarter}&escalated=${saved.result.number}`,
        303,
      );
    },
  );
}
