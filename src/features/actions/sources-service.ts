import type { Database, Queryable } from '../../db/database.ts';
import { createAudited } from '../../platform/audit/audited.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { maskSources } from './case-visibility.ts';
import { caseSourceTitle, mayManagePlan, type SourceKind, seesWholePlan } from './rules.ts';
import * as repo from './sources-repo.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;
export type CaseLink = {
  kind: 'rapid-review' | 'practice-review';
  incidentId: string;
  pseudonym: string;
  datedOn: string;
};

/** Those who see only their agency's actions see how many of their agency's actions answer a source. */
const countAgencyOf = (ctx: RequestContext) => (seesWholePlan(ctx.user.role) ? null : ctx.user.agencyId);

/** What the plan's actions answer: reviews and audits (made by them) and reports added by hand. */
export function createSourcesService(db: Database) {
  return {
    /** Sources newest first; a case the user may not see is shown as restricted, and counts are of the actions they see. */
    async list(ctx: RequestContext, query: { kind?: SourceKind; after?: string; limit: number }) {
      const rows = await repo.listSources(db, ctx.partnershipId, {
        ...query,
        countAgencyId: countAgencyOf(ctx),
        after: query.after ? decodeCursor(query.after) : null,
      });
      const page = toPage(rows, query.limit, (s) => ({ key: s.datedOn, id: s.id }));
      return { ...page, items: await maskSources(db, ctx, page.items) };
    },

    async get(ctx: RequestContext, id: string) {
      const source = await repo.findSource(db, ctx.partnershipId, id, countAgencyOf(ctx));
      if (!source) throw notFound('Source');
      return (await maskSources(db, ctx, [source]))[0] as repo.PlanSource;
    },

    /** Adds a scrutiny report, a national review or another source by hand. */
    async create(ctx: RequestContext, input: repo.SourceInput) {
      if (!mayManagePlan(ctx.user.role)) throw forbidden();
      if (input.datedOn > todayInLondon())
        throw invalid([{ field: 'datedOn', message: 'The date can’t be in the future' }]);
      return createAudited(db, ctx, { entityType: 'plan-source', label: 'Source' }, async (tx) => {
        const id = await repo.insertSource(tx, ctx.partnershipId, input);
        return (await repo.findSource(tx, ctx.partnershipId, id)) as repo.PlanSource;
      });
    },

    /** The source of a case's review, made if it has none yet, inside the caller's transaction. */
    ensureCase: (tx: Queryable, scope: Scope, link: CaseLink) =>
      repo.ensureLinkedSource(tx, scope.partnershipId, {
        kind: link.kind,
        title: caseSourceTitle(link.kind, link.pseudonym),
        datedOn: link.datedOn,
        incidentId: link.incidentId,
      }),

    /** A case's sources follow its pseudonym. */
    retitleCase: (tx: Queryable, scope: Scope, incidentId: string, pseudonym: string) =>
      repo.retitleCaseSources(tx, scope.partnershipId, incidentId, (kind) =>
        caseSourceTitle(kind, pseudonym),
      ),

    /** The source of an audit, made if it has none yet (and retitled with the audit), in the caller's transaction. */
    ensureAudit: (tx: Queryable, scope: Scope, audit: { auditId: string; title: string; datedOn: string }) =>
      repo.ensureLinkedSource(tx, scope.partnershipId, { kind: 'audit', ...audit }),
  };
}

export type SourcesService = ReturnType<typeof createSourcesService>;
