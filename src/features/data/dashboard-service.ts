import type { Database } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import {
  addQuarters,
  quarterEnd,
  quarterStart,
  shortQuarterLabel,
} from '../../platform/calendar/quarters.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { conflict, invalid, notFound } from '../../platform/http/errors.ts';
import { type Cursor, decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { MeetingService } from '../meetings/service.ts';
import { latestCall } from './calls-repo.ts';
import * as repo from './dashboard-repo.ts';
import { findIndicator } from './indicators-repo.ts';
import { populationFor, type ShownRow, showRow } from './presentation.ts';
import { type PublishedCell, publishRows } from './publishing.ts';
import { findSettings, populations } from './settings-repo.ts';
import { ratePer10k } from './statistics.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;

/** How many quarters an indicator's page draws. */
export const SERIES_QUARTERS = 20;
/** Rows per page of the dashboard. */
export const DASHBOARD_PAGE = 50;

export type DashboardFilter = { quarter?: string; themeId?: string; priorityId?: string };

export function createDashboardService(db: Database, meetings: MeetingService) {
  /** The quarter a view is for: the one asked, or the latest call's, or the last complete quarter. */
  async function quarterOf(scope: Scope, asked?: string) {
    if (asked) return asked;
    const call = await latestCall(db, scope.partnershipId);
    return call?.quarterStartsOn ?? addQuarters(quarterStart(todayInLondon()), -1);
  }

  async function page(
    scope: Scope,
    filter: DashboardFilter & { after: Cursor | null; limit: number; publishedOnly?: boolean },
  ) {
    const quarter = await quarterOf(scope, filter.quarter);
    const [rows, people] = await Promise.all([
      repo.dashboardRows(db, scope.partnershipId, { ...filter, quarter }),
      populations(db, scope.partnershipId),
    ]);
    const shown = rows.map((row) => showRow(row, quarter, people));
    return { quarter, page: toPage(shown, filter.limit, (r) => ({ key: r.name, id: r.id })) };
  }

  /** Every row of a filtered view, a page at a time, for exports and the exception list. */
  async function* allRows(
    scope: Scope,
    filter: DashboardFilter & {
      publishedOnly?: boolean;
      withHiddenParts?: boolean;
      withThresholds?: boolean;
      partsOf?: readonly string[];
    },
  ) {
    const quarter = await quarterOf(scope, filter.quarter);
    const people = await populations(db, scope.partnershipId);
    let after: Cursor | null = null;
    for (;;) {
      const rows = await repo.dashboardRows(db, scope.partnershipId, {
        ...filter,
        quarter,
        after,
        limit: 200,
      });
      for (const row of rows.slice(0, 200)) yield showRow(row, quarter, people);
      const last = rows[199];
      if (rows.length <= 200 || !last) return;
      after = { key: last.name, id: last.id };
    }
  }

  async function exceptions(scope: Scope, asked?: string) {
    const quarter = await quarterOf(scope, asked);
    const escalated = new Map(
      (await repo.escalatedExceptions(db, scope.partnershipId, quarter)).map((e) => [e.indicatorId, e]),
    );
    const found: (ShownRow & { escalation: repo.Escalated | null })[] = [];
    for await (const row of allRows(scope, { quarter, withThresholds: true }))
      if (row.exception.length) found.push({ ...row, escalation: escalated.get(row.id) ?? null });
    return { quarter, items: found };
  }

  return {
    quarterOf,
    allRows,
    exceptions,

    list: (scope: Scope, query: DashboardFilter & { after?: string; limit: number }) =>
      page(scope, { ...query, after: query.after ? decodeCursor(query.after) : null }),

    /** One indicator: its series, each agency's figure, and the benchmarks, for its page and charts. */
    async indicator(scope: Scope, id: string, asked?: string) {
      const indicator = await findIndicator(db, scope.partnershipId, id);
      if (!indicator) throw notFound('Indicator');
      const quarter = await quarterOf(scope, asked);
      const [points, people, benchmarks] = await Promise.all([
        repo.series(db, indicator, addQuarters(quarter, -(SERIES_QUARTERS - 1)), quarter),
        populations(db, scope.partnershipId),
        repo.latestBenchmarks(db, indicator.id, quarterEnd(quarter)),
      ]);
      const latest = points[points.length - 1] ?? null;
      const agencies =
        latest && indicator.askedOf === 'every-partner'
          ? await repo.agencyFigures(db, id, latest.period)
          : [];
      const rateOf = (p: { period: string; value: number }) => {
        const population = indicator.per10k ? populationFor(people, p.period) : null;
        return population ? ratePer10k(p.value, population) : null;
      };
      const series = points.map((p) => ({ ...p, label: shortQuarterLabel(p.period), rate: rateOf(p) }));
      return { indicator, quarter, series, latest, agencies, benchmarks };
    },

    /**
     * Escalates one exception to the executive: an escalation in the tracker, raised by the user's
     * agency, linked to the indicator and quarter so it is escalated once.
     */
    async escalate(ctx: RequestContext, indicatorId: string, asked: string) {
      // Read before the transaction: the embedded database has one connection, which it holds.
      const found = (await exceptions(ctx, asked)).items.find((row) => row.id === indicatorId);
      if (!found) {
        const indicator = await findIndicator(db, ctx.partnershipId, indicatorId);
        if (!indicator) throw notFound('Indicator');
        const message = `${indicator.name} is not an exception for ${shortQuarterLabel(asked)}`;
        throw invalid([{ field: 'indicatorId', message }], message);
      }
      const already = () => {
        const message = `${found.name} is already escalated for ${shortQuarterLabel(asked)}`;
        return conflict(message, [{ field: 'indicatorId', message }]);
      };
      if (found.escalation) throw already();
      try {
        return await db.transaction(async (tx) => {
          const escalation = await meetings.escalations.raiseIn(tx, ctx, {
            title: `Data exception: ${found.name}`.slice(0, 200),
            issue: `${found.name} (${found.code}) for ${shortQuarterLabel(asked)} is ${found.valueText}. ${found.exception.join('. ')}.`,
            ask: 'Consider the change in this figure and what the partnership should do about it.',
            raisedByAgencyId: ctx.user.agencyId,
            raisedByGroupId: null,
            raisedByPersonId: null,
            raisedAtMeetingId: null,
            raisedOn: todayInLondon(),
          });
          await repo.recordEscalation(tx, ctx.partnershipId, indicatorId, asked, escalation.id);
          await recordAudit(tx, ctx.actor, {
            partnershipId: ctx.partnershipId,
            action: 'data-exception.escalated',
            entityType: 'indicator',
            entityId: indicatorId,
            after: { quarter: asked, escalationId: escalation.id },
          });
          return escalation;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw already();
        throw error;
      }
    },

    /**
     * The published view, for the public pages and the yearly report: published indicators only,
     * small counts suppressed (and their rates), with secondary suppression inside each total's
     * breakdown. Every row, for the downloads.
     */
    async published(partnershipId: string, asked?: string) {
      const scope = { partnershipId };
      const rows: ShownRow[] = [];
      for await (const row of allRows(scope, { quarter: asked, publishedOnly: true, withHiddenParts: true }))
        rows.push(row);
      const [quarter, settings] = await Promise.all([
        quarterOf(scope, asked),
        findSettings(db, partnershipId),
      ]);
      return {
        quarter,
        suppressUpTo: settings.suppressUpTo,
        rows: publishedRows(rows, settings.suppressUpTo),
      };
    },

    /**
     * A page of the published view: the figures at its top level, in name order, and under each
     * published total its published parts, so that a total is always suppressed with its breakdown
     * exactly as in the whole view.
     */
    async publishedPage(partnershipId: string, query: { after?: string; limit: number }) {
      const scope = { partnershipId };
      const [quarter, settings, people] = await Promise.all([
        quarterOf(scope),
        findSettings(db, partnershipId),
        populations(db, partnershipId),
      ]);
      const after = query.after ? decodeCursor(query.after) : null;
      const found = await repo.dashboardRows(db, partnershipId, {
        quarter,
        publishedOnly: true,
        publishedHeads: true,
        after,
        limit: query.limit,
      });
      const heads = toPage(
        found.map((row) => showRow(row, quarter, people)),
        query.limit,
        (r) => ({ key: r.name, id: r.id }),
      );
      // Every head's parts: a head is a total, or a part whose own total is not published.
      const totals = heads.items.map((row) => row.id);
      const parts: ShownRow[] = [];
      if (totals.length)
        for await (const row of allRows(scope, {
          quarter,
          publishedOnly: true,
          withHiddenParts: true,
          partsOf: totals,
        }))
          parts.push(row);
      const shown = publishedRows([...heads.items, ...parts], settings.suppressUpTo);
      const headIds = new Set(totals);
      const partsOf = new Map<string, PublishedRow[]>();
      for (const row of shown) {
        if (headIds.has(row.id) || row.partOfId === null) continue;
        partsOf.set(row.partOfId, [...(partsOf.get(row.partOfId) ?? []), row]);
      }
      return {
        quarter,
        suppressUpTo: settings.suppressUpTo,
        page: {
          items: shown
            .filter((row) => headIds.has(row.id))
            .map((row) => ({ ...row, parts: partsOf.get(row.id) ?? [] })),
          next: heads.next,
        },
      };
    },
  };
}

export type PublishedRow = ReturnType<typeof publishedRows>[number];

/**
 * What the published view shows of each published row: its figure and rate suppressed as DOMAIN.md
 * says. A published total's unpublished parts, given for its suppression, are left out.
 */
function publishedRows(rows: readonly ShownRow[], upTo: number) {
  const cells = publishRows(rows, upTo);
  return rows
    .filter((row) => row.published)
    .map((row) => {
      const cell = cells.get(row.id) as PublishedCell;
      return {
        id: row.id,
        name: row.name,
        unit: row.unit,
        partOfId: row.partOfId,
        periodLabel: row.periodLabel,
        stale: row.stale,
        value: cell.value,
        rate: cell.rate,
      };
    });
}

export type DashboardService = ReturnType<typeof createDashboardService>;
