import type { Database } from '../../db/database.ts';
import { changedFields, recordAudit } from '../../platform/audit/audit.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { refreshClocks } from './case-access.ts';
import { clockSettingsOf, type LocalSettings } from './clock-settings.ts';
import { DEFAULT_CLOCK_SETTINGS } from './clocks.ts';
import * as repo from './settings-repo.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;
const BATCH = 200;

const defaults = (): LocalSettings => ({
  reportBeforePublicationWorkingDays: DEFAULT_CLOCK_SETTINGS.reportBeforePublicationWorkingDays,
  learningSessionDays: DEFAULT_CLOCK_SETTINGS.learningSessionDays,
  followUpMonths: DEFAULT_CLOCK_SETTINGS.followUpMonths,
  reflectionMonths: DEFAULT_CLOCK_SETTINGS.reflectionMonths,
});

/** The partnership's clock settings; changing one works out every case's clocks again, in one transaction. */
export function createSettingsService(db: Database) {
  return {
    async get(scope: Scope) {
      const own = await repo.findSettings(db, scope.partnershipId);
      return { own, effective: clockSettingsOf(own), defaults: defaults() };
    },

    async update(ctx: RequestContext, input: LocalSettings) {
      return db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `review-settings:${ctx.partnershipId}`,
        ]);
        const before = (await repo.findSettings(tx, ctx.partnershipId)) ?? defaults();
        await repo.saveSettings(tx, ctx.partnershipId, input);
        const settings = clockSettingsOf(input);
        let cases = 0;
        for (let after = 0; ; ) {
          const batch = await repo.caseIdsAfter(tx, ctx.partnershipId, after, BATCH);
          for (const c of batch) await refreshClocks(tx, ctx.partnershipId, c.id, settings);
          cases += batch.length;
          if (batch.length < BATCH) break;
          after = (batch[batch.length - 1] as { number: number }).number;
        }
        const change = changedFields(before, input);
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'review-settings.updated',
          entityType: 'partnership',
          entityId: ctx.partnershipId,
          before: change.before,
          after: { ...change.after, casesRecomputed: cases },
        });
        return { settings, cases };
      });
    },
  };
}
