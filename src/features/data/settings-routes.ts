import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readTable } from '../../platform/files/tables.ts';
import { contextOf } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { formInput, submitForm } from '../../platform/http/forms.ts';
import { BENCHMARK_COLUMNS, type BenchmarkColumn, ENGLAND_CODE } from './benchmarks.ts';
import type { DataDeps } from './deps.ts';
import { labels } from './labels.ts';
import { populationInput, settingsInput } from './schemas.ts';
import { PROBLEMS_SHOWN } from './uploads.ts';

/** The most rows a benchmark file may hold: every area of England for many indicators and years. */
const MAX_BENCHMARK_ROWS = 100_000;

const FLASHES: Record<string, string> = {
  settings: 'Settings saved',
  population: 'Population saved',
};

/** The dashboard's settings: suppression, the area's codes, the child population and benchmarks. */
export function registerDataSettingsPages(app: FastifyInstance, { page, data }: DataDeps) {
  const service = data.settings;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      errors?: FieldError[];
      values?: Record<string, unknown>;
      population?: Record<string, unknown>;
      flash?: string;
    } = {},
    status = 200,
  ) {
    const ctx = contextOf(request);
    const [settings, populations, counts] = await Promise.all([
      service.get(ctx),
      service.populations(ctx),
      service.benchmarkCounts(ctx),
    ]);
    const values = extra.values ?? settings;
    const given = values.neighbourCodes;
    const named = new Map(
      (await service.neighbourNames(ctx, settings.neighbourCodes)).map((n) => [n.code, n.name]),
    );
    return page(
      request,
      reply,
      'data/views/settings.njk',
      {
        title: 'Dashboard settings',
        settings,
        values,
        neighbourText: Array.isArray(given) ? given.join('\n') : String(given ?? ''),
        neighbours: settings.neighbourCodes.map((code) => ({ code, name: named.get(code) ?? code })),
        population: extra.population ?? {},
        populations,
        counts,
        englandCode: ENGLAND_CODE,
        errors: extra.errors,
        flash: extra.flash,
        ...labels,
      },
      status,
    );
  }

  app.get('/data/settings', { config: { access: 'data:manage' } }, (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const imported = query.imported;
    return render(request, reply, {
      flash:
        imported !== undefined
          ? [
              `${Number(imported) || 0} benchmark values imported`,
              Number(query.skipped) ? `${Number(query.skipped)} published as not available were skipped` : '',
              Number(query.others) ? `${Number(query.others)} rows for other areas were passed over` : '',
              Number(query.listed)
                ? `${Number(query.listed)} statistical neighbours listed from the file`
                : '',
            ]
              .filter(Boolean)
              .join('; ')
          : FLASHES[String(query.saved ?? '')],
    });
  });

  app.post('/data/settings', { config: { access: 'data:manage' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const input = formInput(request.body);
    const saved = await submitForm(input, settingsInput, (value) => service.save(ctx, value));
    if (!saved.ok) return render(request, reply, { values: input, errors: saved.errors }, 400);
    return reply.redirect('/data/settings?saved=settings', 303);
  });

  app.post('/data/settings/populations', { config: { access: 'data:manage' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const input = formInput(request.body);
    const saved = await submitForm(input, populationInput, (value) => service.savePopulation(ctx, value));
    if (!saved.ok) return render(request, reply, { population: input, errors: saved.errors }, 400);
    return reply.redirect('/data/settings?saved=population', 303);
  });

  app.post('/data/settings/benchmarks', { config: { access: 'data:manage' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const file = (request.body as Record<string, unknown> | undefined)?.file as
      | { filename: string; data: Buffer; truncated?: boolean }
      | undefined;
    const fail = (errors: FieldError[]) => render(request, reply, { errors }, 400);
    if (!file || !Buffer.isBuffer(file.data) || file.data.length === 0)
      return fail([{ field: 'file', message: 'Choose a CSV or Excel file of benchmarks to import' }]);
    const read = await readTable(file, {
      columns: BENCHMARK_COLUMNS,
      maxRows: MAX_BENCHMARK_ROWS,
      otherColumns: 'ignore',
    });
    if (!read.ok)
      return fail(
        read.problems.slice(0, PROBLEMS_SHOWN).map((p) => ({
          field: 'file',
          message: p.row > 0 ? `Row ${p.row}: ${p.message}` : p.message,
        })),
      );
    const rows = read.rows.map(({ row, cells }) => ({
      row,
      cells: Object.fromEntries(BENCHMARK_COLUMNS.map((c, i) => [c, cells[i] ?? ''])) as Record<
        BenchmarkColumn,
        string
      >,
    }));
    const result = await service.importBenchmarks(ctx, rows);
    if (!result.ok)
      return fail(
        result.problems.slice(0, PROBLEMS_SHOWN).map((p) => ({
          field: 'file',
          message: `Row ${p.row}, column ${p.column}: ${p.message}`,
        })),
      );
    return reply.redirect(
      `/data/settings?imported=${result.imported}&skipped=${result.skipped}&others=${result.otherAreas}&listed=${result.neighbours}`,
      303,
    );
  });
}
