import type { Database, Queryable } from '../../db/database.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import type { ActionPlanService } from '../actions/service.ts';
import { lockAudit } from './audits-repo.ts';
import { auditLog, loadAudit, sourceDate, sourceTitle } from './audits-service.ts';
import * as repo from './records-repo.ts';
import { AREAS, mayRecordAudit } from './rules.ts';
import type { CaseInput, GradesInput } from './schemas.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;

/** What an audit records: its cases (by pseudonym), grades per area and findings; findings go to the plan. */
export function createRecordsService(db: Database, plan: ActionPlanService) {
  /**
   * A write to what one audit records, locked, in one transaction with its log entry: by the QA and
   * Performance group, or by the audit's own agency until the group has reviewed it.
   */
  const write = <T>(ctx: RequestContext, auditId: string, work: (tx: Queryable) => Promise<T>) =>
    db.transaction(async (tx) => {
      await lockAudit(tx, ctx.partnershipId, auditId);
      const audit = await loadAudit(tx, ctx, auditId);
      if (!mayRecordAudit(ctx.user, audit)) throw forbidden();
      return work(tx);
    });

  return {
    /** An audit with everything it records, for its page and the API. */
    async details(scope: Scope, id: string) {
      const audit = await loadAudit(db, scope, id);
      const [cases, grades, findings] = await Promise.all([
        repo.listCases(db, scope.partnershipId, id),
        repo.listGrades(db, scope.partnershipId, id),
        repo.listFindings(db, scope.partnershipId, id),
      ]);
      grades.sort((a, b) => AREAS.indexOf(a.area) - AREAS.indexOf(b.area));
      return { audit, cases, grades, findings };
    },

    addCase: (ctx: RequestContext, auditId: string, input: CaseInput) =>
      write(ctx, auditId, async (tx) => {
        if ((await repo.countAgencies(tx, ctx.partnershipId, input.agencyIds)) !== input.agencyIds.length)
          throw invalid([{ field: 'agencyIds', message: 'Select agencies of this partnership' }]);
        const id = await repo.insertCase(tx, ctx.partnershipId, auditId, input);
        const added = (await repo.listCases(tx, ctx.partnershipId, auditId)).find((c) => c.id === id);
        await auditLog(tx, ctx, 'case-added', auditId, { after: added });
        return added as repo.AuditCase;
      }),

    /** Replaces the audit's grades: an area left blank is not graded. */
    setGrades: (ctx: RequestContext, auditId: string, input: GradesInput) =>
      write(ctx, auditId, async (tx) => {
        const before = await repo.listGrades(tx, ctx.partnershipId, auditId);
        const grades = AREAS.flatMap((area) => {
          const grade = input[area];
          return grade ? [{ area, grade }] : [];
        });
        await repo.replaceGrades(tx, ctx.partnershipId, auditId, grades);
        await auditLog(tx, ctx, 'graded', auditId, {
          before: Object.fromEntries(before.map((g) => [g.area, g.grade])),
          after: Object.fromEntries(grades.map((g) => [g.area, g.grade])),
        });
        return grades;
      }),

    addFinding: (ctx: RequestContext, auditId: string, text: string) =>
      write(ctx, auditId, async (tx) => {
        const finding = await repo.insertFinding(tx, ctx.partnershipId, auditId, text);
        await auditLog(tx, ctx, 'finding-added', auditId, { after: finding });
        return finding;
      }),

    /**
     * A finding on its way to the action plan: the audit's source there (made if it has none yet) and
     * the finding's words, for the plan's own form.
     */
    findingForPlan: (ctx: RequestContext, auditId: string, findingId: string) =>
      db.transaction(async (tx) => {
        const audit = await loadAudit(tx, ctx, auditId);
        const finding = await repo.findFinding(tx, ctx.partnershipId, auditId, findingId);
        if (!finding) throw notFound('Finding');
        const sourceId = await plan.sources.ensureAudit(tx, ctx, {
          auditId,
          title: sourceTitle(audit),
          datedOn: sourceDate(audit),
        });
        await auditLog(tx, ctx, 'finding-raised', auditId, { after: { findingId, sourceId } });
        return { sourceId, detail: finding.text };
      }),

    /** The audit's source in the learning action plan, made if it has none yet (for API clients). */
    planSource: (ctx: RequestContext, auditId: string) =>
      db.transaction(async (tx) => {
        const audit = await loadAudit(tx, ctx, auditId);
        const sourceId = await plan.sources.ensureAudit(tx, ctx, {
          auditId,
          title: sourceTitle(audit),
          datedOn: sourceDate(audit),
        });
        await auditLog(tx, ctx, 'plan-source', auditId, { after: { sourceId } });
        return { sourceId };
      }),
  };
}
