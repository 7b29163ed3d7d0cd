import type { Database, Queryable } from '../../db/database.ts';
import { type AuditInput, recordAudit } from '../../platform/audit/audit.ts';
import { recordView } from '../../platform/audit/view-audit.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { HttpError, notFound } from '../../platform/http/errors.ts';
import { redactCaseText } from './audit-redaction.ts';
import { clockSettingsOf } from './clock-settings.ts';
import { type CaseDates, type ClockSettings, clockTimings } from './clocks.ts';
import * as repo from './incidents-repo.ts';
import { type LearningEventKind, practiceReviewRefusal } from './practice-review-rules.ts';
import { findReviewDetails, type PracticeReview } from './practice-reviews-repo.ts';
import { seesEveryCase } from './rules.ts';
import { findSettings } from './settings-repo.ts';

/** What every operation on a case shares: need-to-know loading, the clocks, the audit entry. */

export const caseNotVisible = () =>
  new HttpError(403, 'Only the business unit, the executive and the case’s panel and reviewers can see it');

/** The case, if this user may see it: 404 when it is not the partnership's, 403 when not need-to-know. */
export async function loadCase(tx: Queryable, ctx: RequestContext, id: string) {
  const incident = await repo.findIncident(tx, ctx.partnershipId, id);
  if (!incident) throw notFound('Case');
  if (!seesEveryCase(ctx.user.role) && !(await repo.isOnTeam(tx, ctx.partnershipId, id, ctx.user.id)))
    throw caseNotVisible();
  return incident;
}

export const caseDates = (i: repo.Incident, review: CaseDates['review']): CaseDates => ({
  kind: i.kind,
  awareOn: i.awareOn,
  notifiedPanelOn: i.notifiedPanelOn,
  rapidReviewSentOn: i.rapidReviewSentOn,
  decision: i.decision,
  decidedOn: i.decidedOn,
  review,
  waivers: Object.fromEntries(i.waivers.map((w) => [w.clock, w.reason])),
});

/** A practice review's dates for the clocks, from the review and its learning events as loaded. */
export function reviewDatesFrom(
  review: PracticeReview | null,
  events: { kind: LearningEventKind; heldOn: string }[],
): CaseDates['review'] {
  if (!review) return null;
  const first = (kind: LearningEventKind) =>
    events
      .filter((e) => e.kind === kind)
      .reduce<string | null>((a, e) => (a === null || e.heldOn < a ? e.heldOn : a), null);
  return {
    completedOn: review.completedOn,
    plannedPublicationOn: review.plannedPublicationOn,
    sentToPanelOn: review.sentToPanelOn,
    publishedOn: review.publishedOn,
    improvementsPublishedOn: review.improvementsPublishedOn,
    learningSessionOn: first('learning-session'),
    followUpWorkshopOn: first('follow-up-workshop'),
    reflectionSessionOn: first('reflection-session'),
  };
}

/** The case's dates for its clocks, its practice review's included. */
async function clockInput(tx: Queryable, partnershipId: string, incident: repo.Incident) {
  // A case with no practice review has none of its dates: nothing to read.
  if (practiceReviewRefusal(incident) !== null) return caseDates(incident, null);
  const details = await findReviewDetails(tx, partnershipId, incident.id);
  return caseDates(incident, reviewDatesFrom(details.review, details.events));
}

/**
 * Writes the case's running clocks after a change, by its partnership's settings (read here unless
 * the caller has them); returns the case as it now is.
 */
export async function refreshClocks(
  tx: Queryable,
  partnershipId: string,
  id: string,
  settings?: ClockSettings,
) {
  const incident = (await repo.findIncident(tx, partnershipId, id)) as repo.Incident;
  const lengths = settings ?? clockSettingsOf(await findSettings(tx, partnershipId));
  await repo.writeClocks(
    tx,
    partnershipId,
    id,
    clockTimings(await clockInput(tx, partnershipId, incident), lengths),
  );
  return incident;
}

/** An audit entry about a case, without the case's words (audit-redaction.ts). */
const caseEntry = (
  ctx: RequestContext,
  action: string,
  id: string | null,
  data: { before?: unknown; after?: unknown },
): AuditInput => ({
  partnershipId: ctx.partnershipId,
  action,
  entityType: 'incident',
  entityId: id,
  before: redactCaseText(data.before),
  after: redactCaseText(data.after),
});

/** Audits a change to a case inside the change's transaction. */
export const auditCase = (
  tx: Queryable,
  ctx: RequestContext,
  action: string,
  id: string | null,
  data: { before?: unknown; after?: unknown } = {},
) => recordAudit(tx, ctx.actor, caseEntry(ctx, action, id, data));

/** Audits a view of case material after its reads; the caller shows nothing until this resolves. */
export const auditCaseView = (
  db: Database,
  ctx: RequestContext,
  action: string,
  id: string | null,
  data: { after?: unknown } = {},
) => recordView(db, ctx.actor, caseEntry(ctx, action, id, data));
