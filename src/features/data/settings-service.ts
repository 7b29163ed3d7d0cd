import type { Database } from '../../db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { type BenchmarkProblem, type BenchmarkRowInput, checkBenchmarks } from './benchmarks.ts';
import { indicatorRefs } from './indicators-repo.ts';
import type { PopulationInput, SettingsInput } from './schemas.ts';
import * as repo from './settings-repo.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;

/** The dashboard's settings, the child population and the benchmark series, kept by the business unit. */
export function createDataSettingsService(db: Database) {
  return {
    get: (scope: Scope) => repo.findSettings(db, scope.partnershipId),
    populations: (scope: Scope) => repo.populations(db, scope.partnershipId),
    neighbourNames: (scope: Scope, codes: string[]) => repo.neighbourNames(db, scope.partnershipId, codes),
    benchmarkCounts: (scope: Scope) => repo.benchmarkCounts(db, scope.partnershipId),

    save: (ctx: RequestContext, input: SettingsInput) =>
      db.transaction(async (tx) => {
        const before = await repo.findSettings(tx, ctx.partnershipId);
        await repo.saveSettings(tx, ctx.partnershipId, input);
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'data-settings.updated',
          entityType: 'data-settings',
          entityId: null,
          before,
          after: input,
        });
      }),

    savePopulation: (ctx: RequestContext, input: PopulationInput) =>
      db.transaction(async (tx) => {
        await repo.savePopulation(tx, ctx.partnershipId, input);
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'child-population.saved',
          entityType: 'child-population',
          entityId: null,
          after: input,
        });
      }),

    /** Imports benchmark rows: all of them, or none if any is wrong. */
    importBenchmarks: (
      ctx: RequestContext,
      rows: BenchmarkRowInput[],
    ): Promise<
      | { ok: true; imported: number; skipped: number; otherAreas: number; neighbours: number }
      | { ok: false; problems: BenchmarkProblem[] }
    > =>
      db.transaction(async (tx) => {
        const [settings, refs] = await Promise.all([
          repo.findSettings(tx, ctx.partnershipId),
          indicatorRefs(tx, ctx.partnershipId),
        ]);
        const indicators = new Map<string, { id: string; unit: string }>();
        for (const ref of refs) {
          indicators.set(ref.code.toUpperCase(), ref);
          indicators.set(ref.name.toLowerCase(), ref);
        }
        const checked = checkBenchmarks(rows, {
          indicators,
          areaCode: settings.areaCode,
          regionCode: settings.regionCode,
          neighbours: new Set(settings.neighbourCodes),
        });
        if (checked.problems.length) return { ok: false, problems: checked.problems };
        await repo.upsertBenchmarks(tx, ctx.partnershipId, checked.values);
        // A first file of the area's neighbours lists them.
        if (checked.neighbours.length)
          await repo.saveSettings(tx, ctx.partnershipId, {
            ...settings,
            neighbourCodes: checked.neighbours.map((n) => n.code),
          });
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'benchmarks.imported',
          entityType: 'benchmark',
          entityId: null,
          after: {
            imported: checked.values.length,
            skipped: checked.skipped,
            otherAreas: checked.otherAreas,
            neighboursListed: checked.neighbours.map((n) => n.code),
          },
        });
        return {
          ok: true,
          imported: checked.values.length,
          skipped: checked.skipped,
          otherAreas: checked.otherAreas,
          neighbours: checked.neighbours.length,
        };
      }),
  };
}
