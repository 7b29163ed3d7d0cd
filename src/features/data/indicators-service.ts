import type { Database, Queryable } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { conflict, type FieldError, invalid, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { countAllAnswers, lockAnswers, refreshIndicatorHeadlines } from './calls-repo.ts';
import { STANDARD_INDICATORS } from './catalogue.ts';
import * as repo from './indicators-repo.ts';
import type { IndicatorInput } from './schemas.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;

const codeTaken = (code: string) =>
  conflict(`There is already an indicator with the code ${code}`, [
    { field: 'code', message: `There is already an indicator with the code ${code}` },
  ]);

async function checkReferences(tx: Queryable, partnershipId: string, input: IndicatorInput, id?: string) {
  const unknown = await repo.unknownReferences(tx, partnershipId, input);
  const errors: FieldError[] = [];
  if (unknown.agency)
    errors.push({ field: 'agencyId', message: 'Select the agency that owns the indicator' });
  if (unknown.themes) errors.push({ field: 'themeIds', message: 'Select themes from the list' });
  if (unknown.priorities) errors.push({ field: 'priorityIds', message: 'Select priorities from the list' });
  if (unknown.total || (id && input.partOfId === id))
    errors.push({ field: 'partOfId', message: 'Select a count from the list as the total' });
  if (input.partOfId && input.unit !== 'count' && input.unit !== 'percentage')
    errors.push({ field: 'partOfId', message: 'Only a count or a percentage can be part of a total' });
  if (id) {
    // A total keeps its parts only while it is a count, and not itself a part; a percentage's
    // figures must stay within 100.
    const [state] = await tx.query<{ parts: number; over100: boolean }>(
      `SELECT (SELECT count(*)::int FROM indicators WHERE part_of_id = $1) AS parts,
         EXISTS (SELECT 1 FROM data_figures WHERE indicator_id = $1 AND value > 100) AS over100`,
      [id],
    );
    if (state && state.parts > 0 && (input.unit !== 'count' || input.partOfId))
      errors.push({
        field: input.partOfId ? 'partOfId' : 'unit',
        message: `Other indicators are parts of this total (${state.parts}): it must stay a count, and not be part of another`,
      });
    if (state?.over100 && input.unit === 'percentage')
      errors.push({
        field: 'unit',
        message: 'Some of its figures are over 100, so it cannot be a percentage',
      });
  }
  if (input.alertAbove !== null && input.alertBelow !== null && input.alertBelow >= input.alertAbove)
    errors.push({ field: 'alertBelow', message: 'The lower limit must be below the upper limit' });
  if (errors.length) throw invalid(errors);
}

/** The indicator catalogue: read by everyone who sees the dashboard, kept by the business unit. */
export function createIndicatorsService(db: Database) {
  async function get(scope: Scope, id: string) {
    const indicator = await repo.findIndicator(db, scope.partnershipId, id);
    if (!indicator) throw notFound('Indicator');
    return indicator;
  }

  async function guarded<T>(code: string, work: () => Promise<T>) {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw codeTaken(code);
      throw error;
    }
  }

  return {
    get,
    async list(scope: Scope, query: { q?: string; themeId?: string; after?: string; limit: number }) {
      const after = query.after ? decodeCursor(query.after) : null;
      const rows = await repo.listIndicators(db, scope.partnershipId, { ...query, after });
      return toPage(rows, query.limit, (i) => ({ key: i.name, id: i.id }));
    },
    refs: (scope: Scope) => repo.indicatorRefs(db, scope.partnershipId),
    totalChoices: (scope: Scope) => repo.totalChoices(db, scope.partnershipId),

    create(ctx: RequestContext, input: IndicatorInput) {
      return guarded(input.code, () =>
        db.transaction(async (tx) => {
          await checkReferences(tx, ctx.partnershipId, input);
          const id = await repo.insertIndicator(tx, ctx.partnershipId, input);
          await repo.setLinks(tx, ctx.partnershipId, id, input.themeIds, input.priorityIds);
          const created = (await repo.findIndicator(tx, ctx.partnershipId, id)) as repo.Indicator;
          await recordAudit(tx, ctx.actor, {
            partnershipId: ctx.partnershipId,
            action: 'indicator.created',
            entityType: 'indicator',
            entityId: id,
            after: created,
          });
          return created;
        }),
      );
    },

    update(ctx: RequestContext, id: string, input: IndicatorInput) {
      return guarded(input.code, () =>
        db.transaction(async (tx) => {
          // First, as saving figures does: this change may count every submission's answers again.
          await lockAnswers(tx, ctx.partnershipId, 'exclusive');
          const before = await repo.findIndicator(tx, ctx.partnershipId, id);
          if (!before) throw notFound('Indicator');
          await checkReferences(tx, ctx.partnershipId, input, id);
          await repo.updateIndicator(tx, ctx.partnershipId, id, input);
          await repo.setLinks(tx, ctx.partnershipId, id, input.themeIds, input.priorityIds);
          if (
            before.agencyId !== input.agencyId ||
            before.askedOf !== input.askedOf ||
            before.unit !== input.unit
          )
            await refreshIndicatorHeadlines(tx, id);
          // Who is asked for it, or whether it is asked at all, changes what each submission answers.
          if (
            before.agencyId !== input.agencyId ||
            before.askedOf !== input.askedOf ||
            before.retired !== input.retired
          )
            await countAllAnswers(tx, ctx.partnershipId);
          const after = (await repo.findIndicator(tx, ctx.partnershipId, id)) as repo.Indicator;
          await recordAudit(tx, ctx.actor, {
            partnershipId: ctx.partnershipId,
            action: 'indicator.updated',
            entityType: 'indicator',
            entityId: id,
            before,
            after,
          });
          return after;
        }),
      );
    },

    /**
     * Adds the standard indicators the catalogue lacks, each owned by the partnership's first agency
     * of the kind that usually owns it (the local authority, the ICB, the police).
     */
    addStandard: (ctx: RequestContext) =>
      db.transaction(async (tx) => {
        const added = await insertStandardIndicators(tx, ctx.partnershipId);
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'indicator.standard-added',
          entityType: 'indicator',
          entityId: null,
          after: { added },
        });
        return added;
      }),
  };
}

/** Inserts the standard indicators missing from a partnership's catalogue; gives the codes added. */
export async function insertStandardIndicators(tx: Queryable, partnershipId: string): Promise<string[]> {
  const owners = await tx.query<{ kind: string; id: string }>(
    `SELECT DISTINCT ON (kind) kind, id FROM agencies WHERE partnership_id = $1 AND is_active
     ORDER BY kind, created_at, id`,
    [partnershipId],
  );
  const ownerOf = new Map(owners.map((o) => [o.kind, o.id]));
  const fallback = ownerOf.get('local-authority') ?? owners[0]?.id;
  if (!fallback) throw invalid([], 'Add the partner agencies first: each indicator is owned by one of them');
  const added: string[] = [];
  const ids = new Map<string, string>();
  for (const standard of STANDARD_INDICATORS) {
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO indicators (partnership_id, code, name, definition, unit, polarity, agency_id, asked_of, per_10k,
         part_of_id, source, published, change_threshold)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
         (SELECT id FROM indicators WHERE partnership_id = $1 AND code = $10
           AND unit = 'count' AND part_of_id IS NULL), $11, $12, $13)
       ON CONFLICT (partnership_id, code) DO NOTHING RETURNING id`,
      [
        partnershipId,
        standard.code,
        standard.name,
        standard.definition,
        standard.unit,
        standard.polarity,
        ownerOf.get(standard.owner) ?? fallback,
        standard.askedOf ?? 'owner',
        standard.per10k ?? false,
        standard.partOf ?? null,
        standard.source,
        standard.published ?? false,
        standard.changeThreshold ?? null,
      ],
    );
    const id = rows[0]?.id;
    if (!id) continue;
    added.push(standard.code);
    ids.set(standard.code, id);
    if (standard.themes?.length)
      await tx.query(
        `INSERT INTO indicator_themes (partnership_id, indicator_id, theme_id)
         SELECT $1, $2, id FROM plan_themes WHERE partnership_id = $1 AND lower(name) = ANY($3::text[])`,
        [partnershipId, id, standard.themes.map((t) => t.toLowerCase())],
      );
  }
  return added;
}
