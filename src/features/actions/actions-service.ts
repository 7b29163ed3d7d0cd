import type { Database, Queryable } from '../../db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { KeptById } from '../../platform/cache/kept-by-id.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import { addDays } from '../../platform/calendar/working-days.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { type FieldError, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { personalDataErrors } from '../../platform/privacy/personal-data.ts';
import * as repo from './actions-repo.ts';
import { maskCaseSources, redactForCase } from './case-visibility.ts';
import {
  type ActionStatus,
  caseSourceTitle,
  dueDateErrors,
  earlierDate,
  isOverdue,
  MAX_SUGGESTIONS,
  mayManagePlan,
  mayUpdateAction,
  mergedStatus,
  mergeErrors,
  SIMILARITY_THRESHOLD,
  SOURCE_KIND_LABELS,
  type StoredStatus,
  seesWholePlan,
  statusChangeErrors,
  statusRefusal,
} from './rules.ts';
import type { ActionInput, EvidenceInput, NewActionInput, PlanFilter, ProgressInput } from './schemas.ts';
import * as sources from './sources-repo.ts';
import type { CaseLink } from './sources-service.ts';

const ENTITY = 'plan-action';
const SOON_DAYS = 28;
/** The plan's free text, checked for what looks like a child's date of birth or postcode. */
const FREE_TEXT = {
  action: [
    ['text', 'The action'],
    ['detail', 'The recommendation or finding'],
  ],
  progress: [
    ['note', 'The update'],
    ['outcome', 'The outcome'],
  ],
  evidence: [
    ['summary', 'The evidence'],
    ['reference', 'The reference'],
  ],
} as const;

/** An action as shown and sent: with whether it is overdue today. */
type ShownAction = repo.PlanAction & { overdue: boolean };

/** An action or a table's row of one, with whether it is overdue today. */
const withOverdue = <A extends repo.PlanActionRow>(action: A, today: string) => ({
  ...action,
  overdue: isOverdue(action, today),
});

/** The plan's filters in repo terms; people who see only their agency's actions get only those. */
function scopedFilter(ctx: RequestContext, filter: PlanFilter): repo.ActionFilter {
  const { themeId, ...rest } = filter;
  return {
    ...rest,
    themeId: themeId === 'none' ? undefined : themeId,
    noTheme: themeId === 'none',
    agencyId: seesWholePlan(ctx.user.role) ? filter.agencyId : ctx.user.agencyId,
  };
}

async function referenceErrors(tx: Queryable, ctx: RequestContext, input: ActionInput) {
  const found = await repo.checkReferences(tx, ctx.partnershipId, input);
  const errors: FieldError[] = personalDataErrors(input, FREE_TEXT.action, input.confirmNoPersonalData);
  if (!found.agency) errors.push({ field: 'ownerAgencyId', message: 'Select an agency of this partnership' });
  if (!found.person)
    errors.push({ field: 'ownerPersonId', message: 'Select the owner from the people of this partnership' });
  else if (!found.personInAgency && found.agency)
    errors.push({ field: 'ownerPersonId', message: 'Select an owner who works for the owning agency' });
  if (!found.priority) errors.push({ field: 'priorityId', message: 'Select a priority of this partnership' });
  if (found.themes !== input.themeIds.length)
    errors.push({ field: 'themeIds', message: 'Select themes of this partnership' });
  return [...errors, ...dueDateErrors(input)];
}

export function createActionsService(db: Database) {
  /** An action the user may see, as stored (its case sources unmasked: for the rules and the log). */
  async function load(tx: Queryable, ctx: RequestContext, id: string) {
    const action = await repo.findAction(tx, ctx.partnershipId, id);
    if (!action) throw notFound('Action');
    if (!seesWholePlan(ctx.user.role) && action.ownerAgencyId !== ctx.user.agencyId) throw forbidden();
    return action;
  }

  /** Actions as the user is shown them: overdue today, and the cases they may not see masked. */
  async function shown<A extends repo.PlanActionRow>(ctx: RequestContext, rows: A[]) {
    const today = todayInLondon();
    return (await maskCaseSources(db, ctx, rows)).map((a) => withOverdue(a, today));
  }

  /** The action's audit entry; an action that answers a case review keeps its words out of the log. */
  async function audit(
    tx: Queryable,
    ctx: RequestContext,
    entry: { action: string; subject: repo.PlanAction },
    before: unknown,
    after: unknown,
  ) {
    const fromCase = entry.subject.sources.some((s) => s.incidentId !== null);
    const redact = (value: unknown) => (fromCase ? redactForCase(value) : value);
    await recordAudit(tx, ctx.actor, {
      partnershipId: ctx.partnershipId,
      action: `${ENTITY}.${entry.action}`,
      entityType: ENTITY,
      entityId: entry.subject.id,
      before: redact(before),
      after: redact(after),
    });
  }

  const writeUpdate = (
    tx: Queryable,
    ctx: RequestContext,
    actionId: string,
    u: Omit<repo.ActionUpdate, 'id' | 'authorLabel'>,
  ) =>
    repo.insertUpdate(tx, ctx.partnershipId, actionId, {
      ...u,
      authorUserId: ctx.user.id,
      authorLabel: `${ctx.user.name}, ${ctx.user.agencyName}`,
    });

  const reread = async (tx: Queryable, ctx: RequestContext, id: string) =>
    (await repo.findAction(tx, ctx.partnershipId, id)) as repo.PlanAction;

  /** Locks an action and reads it again: what a change checks must be what it changes. */
  async function lockAndLoad(tx: Queryable, ctx: RequestContext, id: string) {
    await repo.lockActions(tx, ctx.partnershipId, [id]);
    const action = await load(tx, ctx, id);
    if (action.status === 'merged')
      throw invalid([
        { field: 'status', message: `This action was merged into ACT-${action.mergedIntoNumber}` },
      ]);
    return action;
  }

  /** Adds an action answering a source, with its themes and first history line, in the caller's transaction. */
  async function insertWithSource(
    tx: Queryable,
    ctx: RequestContext,
    input: Omit<ActionInput, 'dueOn'> & {
      dueOn: string | null;
      status: StoredStatus;
      sourceId: string;
      detail: string;
    },
  ) {
    const id = await repo.insertAction(tx, ctx.partnershipId, input);
    await repo.setThemes(tx, ctx.partnershipId, id, input.themeIds);
    await repo.linkSource(tx, ctx.partnershipId, id, input.sourceId, input.detail);
    await writeUpdate(tx, ctx, id, {
      writtenOn: input.raisedOn,
      text: 'Action raised',
      statusFrom: null,
      statusTo: input.status,
    });
    const created = await reread(tx, ctx, id);
    await audit(tx, ctx, { action: 'created', subject: created }, null, created);
    return created;
  }

  /** Open actions like `text`, leaving out those that already answer `sourceId`. */
  async function similar(ctx: RequestContext, text: string, sourceId: string | null) {
    const rows = await repo.findSimilar(db, ctx.partnershipId, text, {
      exceptSourceId: sourceId,
      threshold: SIMILARITY_THRESHOLD,
      limit: MAX_SUGGESTIONS,
    });
    return maskCaseSources(db, ctx, rows);
  }

  /** Links one more source to an action (a duplicate found when adding, or by hand). */
  const linkSource = (ctx: RequestContext, id: string, link: { sourceId: string; detail: string }) =>
    db.transaction(async (tx) => {
      if (!mayManagePlan(ctx.user.role)) throw forbidden();
      await repo.lockActions(tx, ctx.partnershipId, [id]);
      const action = await repo.findAction(tx, ctx.partnershipId, id);
      if (!action || action.status === 'merged')
        throw invalid([{ field: 'choice', message: 'Select an action of this plan that is not merged' }]);
      const source = await sources.findSource(tx, ctx.partnershipId, link.sourceId);
      if (!source) throw invalid([{ field: 'sourceId', message: 'Select a source of this plan' }]);
      if (!(await repo.linkSource(tx, ctx.partnershipId, id, source.id, link.detail)))
        throw invalid([{ field: 'choice', message: `ACT-${action.number} already answers this source` }]);
      await writeUpdate(tx, ctx, id, {
        writtenOn: todayInLondon(),
        text: `Now also answers ${SOURCE_KIND_LABELS[source.kind]}: ${source.title}`,
        statusFrom: null,
        statusTo: null,
      });
      const after = await reread(tx, ctx, id);
      await audit(tx, ctx, { action: 'source-linked', subject: after }, null, {
        sourceId: source.id,
        detail: link.detail,
      });
      return after;
    });

  // The themes and sources that lists of actions name, kept by id per version of the partnership's
  // lists (migrations 0019 and 0025 move it on with any change to a theme or source): a page reads
  // only those it has not seen, where looking all up cost each page a query (0.5 ms of the
  // database's time and a round trip on the plan's pages).
  const keptThemes = new KeptById<repo.ThemeName>();
  const keptSources = new KeptById<repo.SourceName>();

  /** Actions named from their rows' ids: the kept names, and those not kept read in one query. */
  async function named<R extends repo.Linked<repo.PlanActionRow>>(ctx: RequestContext, rows: R[]) {
    const themes = keptThemes.find(
      ctx,
      rows.flatMap((r) => r.themeIds),
    );
    const sources = keptSources.find(
      ctx,
      rows.flatMap((r) => r.sourceLinks.map((l) => l.id)),
    );
    if (themes.missing.length > 0 || sources.missing.length > 0) {
      const read = await repo.readNames(db, ctx.partnershipId, themes.missing, sources.missing);
      for (const theme of keptThemes.keep(ctx, read.themes)) themes.found.set(theme.id, theme);
      for (const source of keptSources.keep(ctx, read.sources)) sources.found.set(source.id, source);
    }
    return repo.withNames(rows, themes.found, sources.found);
  }

  /** A page of a list of actions as the user is shown them. */
  async function shownPage<A extends repo.Linked<repo.PlanActionRow>>(
    list: (
      db: Queryable,
      partnershipId: string,
      filter: Parameters<typeof repo.listActions>[2],
    ) => Promise<A[]>,
    ctx: RequestContext,
    query: PlanFilter & { after?: string; limit: number },
  ) {
    const today = todayInLondon();
    const rows = await list(db, ctx.partnershipId, {
      ...scopedFilter(ctx, query),
      after: query.after ? decodeCursor(query.after) : null,
      limit: query.limit,
      today,
      soon: addDays(today, SOON_DAYS),
    });
    const page = toPage(rows, query.limit, (a) => ({ key: a.dueOn ?? 'infinity', id: a.id }));
    return { ...page, items: await shown(ctx, await named(ctx, page.items)) };
  }

  return {
    /** A page of whole actions (the API). */
    list: (ctx: RequestContext, query: PlanFilter & { after?: string; limit: number }) =>
      shownPage(repo.listActions, ctx, query),

    /** A page of a table's rows (the plan's pages, a source's, an audit's: see listActionRows). */
    rows: (ctx: RequestContext, query: PlanFilter & { after?: string; limit: number }) =>
      shownPage(repo.listActionRows, ctx, query),

    /** Every action the filter selects, a page at a time: for the exports. */
    async *exportRows(ctx: RequestContext, filter: PlanFilter) {
      const today = todayInLondon();
      const scoped = scopedFilter(ctx, filter);
      let last: repo.Linked<repo.PlanAction> | null = null;
      for (;;) {
        const rows = await repo.listActions(db, ctx.partnershipId, {
          ...scoped,
          after: last ? { key: last.dueOn ?? 'infinity', id: last.id } : null,
          limit: EXPORT_PAGE,
          today,
          soon: addDays(today, SOON_DAYS),
        });
        const page = rows.slice(0, EXPORT_PAGE);
        yield* await shown(ctx, await named(ctx, page));
        if (rows.length <= EXPORT_PAGE || page.length === 0) return;
        last = page[page.length - 1] ?? null;
      }
    },

    async get(ctx: RequestContext, id: string) {
      return (await shown(ctx, [await load(db, ctx, id)]))[0] as ShownAction;
    },

    /** An action with its history and evidence, for its page. */
    async details(ctx: RequestContext, id: string) {
      const action = await this.get(ctx, id);
      const [updates, evidence] = await Promise.all([
        repo.listUpdates(db, ctx.partnershipId, id),
        repo.listEvidence(db, ctx.partnershipId, id),
      ]);
      return { action, updates, evidence };
    },

    /** The id of the action with this reference number (for the plan's holders' merge form). */
    idOfNumber: (ctx: RequestContext, number: number) =>
      repo.findActionByNumber(db, ctx.partnershipId, number),

    mayUpdate: (ctx: RequestContext, action: { ownerAgencyId: string }) => mayUpdateAction(ctx.user, action),

    similar,

    /**
     * Adds an action to the plan from a source. Unless `choice` says otherwise, similar open actions
     * are returned first, unsaved, so the user can link the source to one of them instead; `choice`
     * 'new' adds the action anyway, an action's id links the source to that action.
     */
    async create(
      ctx: RequestContext,
      input: NewActionInput,
    ): Promise<
      | { outcome: 'similar'; suggestions: repo.SimilarAction[] }
      | { outcome: 'created' | 'linked'; action: repo.PlanAction }
    > {
      if (!mayManagePlan(ctx.user.role)) throw forbidden();
      const check = async (tx: Queryable) => {
        const errors = await referenceErrors(tx, ctx, input);
        if (!(await sources.findSource(tx, ctx.partnershipId, input.sourceId)))
          errors.push({ field: 'sourceId', message: 'Select a source of this plan' });
        if (errors.length > 0) throw invalid(errors);
      };
      const choice = input.choice;
      if (!choice) {
        await check(db);
        const suggestions = await similar(ctx, input.text, input.sourceId);
        if (suggestions.length > 0) return { outcome: 'similar', suggestions };
      }
      if (choice && choice !== 'new')
        return { outcome: 'linked', action: await linkSource(ctx, choice, input) };
      return db.transaction(async (tx) => {
        await check(tx);
        return { outcome: 'created' as const, action: await insertWithSource(tx, ctx, input) };
      });
    },

    /**
     * An action a case review raises (its immediate actions), answering the review's source, inside
     * the review's own transaction.
     */
    async raiseFromSource(
      tx: Queryable,
      ctx: RequestContext,
      link: CaseLink,
      action: { text: string; ownerAgencyId: string; dueOn: string | null; raisedOn: string },
    ) {
      const sourceId = await sources.ensureLinkedSource(tx, ctx.partnershipId, {
        kind: link.kind,
        title: caseSourceTitle(link.kind, link.pseudonym),
        datedOn: link.datedOn,
        incidentId: link.incidentId,
      });
      return insertWithSource(tx, ctx, {
        ...action,
        themeIds: [],
        ownerPersonId: null,
        priorityId: null,
        status: 'agreed',
        sourceId,
        detail: '',
        // The case page's immediate-action form has no confirmation step to offer: not held back here.
        confirmNoPersonalData: true,
      });
    },

    linkSource,

    /** Changes what an action is, who owns it and when it is due: the plan's holders only. */
    updateDetails: (ctx: RequestContext, id: string, input: ActionInput) =>
      db.transaction(async (tx) => {
        if (!mayManagePlan(ctx.user.role)) throw forbidden();
        const before = await lockAndLoad(tx, ctx, id);
        const errors = await referenceErrors(tx, ctx, input);
        if (errors.length > 0) throw invalid(errors);
        await repo.updateDetails(tx, ctx.partnershipId, id, input);
        await repo.setThemes(tx, ctx.partnershipId, id, input.themeIds);
        const after = await reread(tx, ctx, id);
        await audit(tx, ctx, { action: 'updated', subject: after }, before, after);
        return after;
      }),

    /** A progress update, a change of status, or both; the rules of statusChangeErrors apply. */
    progress: (ctx: RequestContext, id: string, input: ProgressInput) =>
      db.transaction(async (tx) => {
        const before = await lockAndLoad(tx, ctx, id);
        if (!mayUpdateAction(ctx.user, before)) throw forbidden();
        const today = todayInLondon();
        const writtenOn = input.writtenOn ?? today;
        const outcome = input.outcome || before.outcome;
        const errors: FieldError[] = [];
        const refusal = statusRefusal(ctx.user.role, {
          from: before.status,
          to: input.status,
          outcomeChanged: outcome !== before.outcome,
        });
        if (refusal) errors.push({ field: 'status', message: refusal });
        errors.push(...statusChangeErrors(input.status, { outcome, evidenceCount: before.evidenceCount }));
        if (input.status === before.status && input.note === '' && outcome === before.outcome)
          errors.push({ field: 'note', message: 'Enter the progress update, or choose a new status' });
        errors.push(...personalDataErrors(input, FREE_TEXT.progress, input.confirmNoPersonalData));
        if (writtenOn > today)
          errors.push({ field: 'writtenOn', message: 'The date can’t be in the future' });
        else if (writtenOn < before.raisedOn)
          errors.push({ field: 'writtenOn', message: 'The date can’t be before the action was raised' });
        if (errors.length > 0) throw invalid(errors);
        await repo.updateStatus(tx, ctx.partnershipId, id, { status: input.status, outcome, on: writtenOn });
        const changed = input.status !== before.status;
        await writeUpdate(tx, ctx, id, {
          writtenOn,
          text: input.note || (changed ? 'Status changed' : 'Outcome recorded'),
          statusFrom: changed ? before.status : null,
          statusTo: changed ? input.status : null,
        });
        const after = await reread(tx, ctx, id);
        await audit(
          tx,
          ctx,
          { action: 'progressed', subject: after },
          { status: before.status, outcome: before.outcome },
          { status: after.status, outcome: after.outcome, note: input.note },
        );
        return after;
      }),

    addEvidence: (ctx: RequestContext, id: string, input: EvidenceInput) =>
      db.transaction(async (tx) => {
        const action = await lockAndLoad(tx, ctx, id);
        if (!mayUpdateAction(ctx.user, action)) throw forbidden();
        const errors = personalDataErrors(input, FREE_TEXT.evidence, input.confirmNoPersonalData);
        if (input.evidenceOn > todayInLondon())
          errors.push({ field: 'evidenceOn', message: 'The date of the evidence can’t be in the future' });
        if (errors.length > 0) throw invalid(errors);
        const evidenceId = await repo.insertEvidence(tx, ctx.partnershipId, id, {
          ...input,
          addedBy: ctx.user.id,
        });
        await audit(tx, ctx, { action: 'evidence-added', subject: action }, null, { evidenceId, ...input });
        return { id: evidenceId, ...input };
      }),

    /**
     * Folds another action into this one: the kept action answers both sources and holds both
     * histories and all the evidence; its status is the less advanced of the two.
     */
    merge: (ctx: RequestContext, keptId: string, otherId: string) =>
      db.transaction(async (tx) => {
        if (!mayManagePlan(ctx.user.role)) throw forbidden();
        // Both rows are locked (in id order) before either is read, so two merges of one pair
        // never deadlock, and the checks below see what is merged.
        await repo.lockActions(tx, ctx.partnershipId, [keptId, otherId]);
        const kept = await load(tx, ctx, keptId);
        const other = otherId === keptId ? kept : await repo.findAction(tx, ctx.partnershipId, otherId);
        const errors = mergeErrors(kept, other);
        if (errors.length > 0 || !other) throw invalid(errors);
        await repo.mergeInto(tx, ctx.partnershipId, keptId, otherId);
        const status = mergedStatus(kept.status as ActionStatus, other.status as ActionStatus);
        const closed = status === 'completed' || status === 'embedded';
        await repo.setMergedFields(tx, ctx.partnershipId, keptId, {
          status,
          raisedOn: earlierDate(kept.raisedOn, other.raisedOn) as string,
          dueOn: earlierDate(kept.dueOn, other.dueOn),
          outcome: [kept.outcome, other.outcome].filter(Boolean).join('\n\n'),
          completedOn: closed ? laterDate(kept.completedOn, other.completedOn) : null,
          embeddedOn: status === 'embedded' ? laterDate(kept.embeddedOn, other.embeddedOn) : null,
        });
        await writeUpdate(tx, ctx, keptId, {
          writtenOn: todayInLondon(),
          text: `ACT-${other.number} merged into this action: “${other.text}”`,
          statusFrom: kept.status === status ? null : kept.status,
          statusTo: kept.status === status ? null : status,
        });
        const after = await reread(tx, ctx, keptId);
        await audit(tx, ctx, { action: 'merged', subject: after }, kept, after);
        const gone = await reread(tx, ctx, otherId);
        await audit(tx, ctx, { action: 'merged-into', subject: gone }, other, gone);
        return after;
      }),
  };
}

/** The later of two dates, either of which may be missing. */
const laterDate = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);
const EXPORT_PAGE = 500;

export type ActionsService = ReturnType<typeof createActionsService>;
